import { ContextProvider, createContext } from '@lit/context';
import type { PropertyDeclaration } from 'lit';
import type { InviteStringOverrides } from '../i18n/index.js';
import { parseCountryCodes } from '../phone/country-codes.js';
import type { InviteRole, InviteTransport } from '../transport/types.js';

/**
 * Settings a host provides once, on an ancestor, to every invite element below it. A property
 * set on an element wins over the same setting provided here.
 */
export interface InviteSettings {
  transport?: InviteTransport;
  userRole?: InviteRole;
  allowedCountries?: string[];
  defaultCountry?: string;
  roomName?: string;
  roomLink?: string;
  pinRequired?: boolean;
  inviterName?: string;
  messageTemplate?: string;
  maxSegments?: number;
  /** Strings to use instead of the built-in ones, for every language. */
  strings?: InviteStringOverrides;
}

export type InviteSettingName = keyof InviteSettings;


/**
 * How an element declares each setting it takes: the one place a setting is given its type. Its
 * attribute is its name in kebab case (`userRole`, `user-role`), unless it has none. The manifest
 * reads the same table (custom-elements-manifest.config.mjs).
 */
export const INVITE_SETTINGS = {
  transport: { attribute: false },
  userRole: {},
  // `allowed-countries="US CA"` (spaces or commas) is `['US', 'CA']`. No setting is reflected.
  allowedCountries: { converter: (value) => parseCountryCodes(value) },
  defaultCountry: {},
  roomName: {},
  roomLink: {},
  pinRequired: { type: Boolean },
  inviterName: {},
  messageTemplate: {},
  maxSegments: { type: Number },
  strings: { attribute: false },
} satisfies Record<InviteSettingName, PropertyDeclaration>;

/** What a setting is when neither the element nor an ancestor gives it. */
export const SETTING_DEFAULTS = {
  userRole: 'guest',
  allowedCountries: ['US', 'CA'],
  defaultCountry: '',
  roomName: '',
  roomLink: '',
  pinRequired: false,
  inviterName: '',
  maxSegments: 10,
} as const satisfies { [Name in InviteSettingName]?: InviteSettings[Name] };

/**
 * The `static properties` entries of the settings an element takes (all of them when not named),
 * and its `settings` from the context.
 */
export function settingProperties(names = Object.keys(INVITE_SETTINGS) as InviteSettingName[]): Record<string, PropertyDeclaration> {
  const declare = (name: InviteSettingName) => ({ attribute: name.replace(/[A-Z]/g, '-$&').toLowerCase(), ...INVITE_SETTINGS[name] });
  return { ...Object.fromEntries(names.map((name) => [name, declare(name)])), settings: { attribute: false } };
}

export const inviteSettingsContext = createContext<InviteSettings>(Symbol('invite-settings'));

/**
 * Provides `settings` to the invite elements inside `element` (any element: a layout root,
 * `document.body`). Call `setValue()` on the returned provider to change them later.
 */
export function provideInviteSettings(element: HTMLElement, settings: InviteSettings): ContextProvider<typeof inviteSettingsContext> {
  return new ContextProvider(element, { context: inviteSettingsContext, initialValue: settings });
}
