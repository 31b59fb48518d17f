import { ContextProvider, createContext } from '@lit/context';
import type { PropertyDeclaration } from 'lit';
import type { InviteStringOverrides } from '../i18n/index.js';
import { parseCountryCodes } from '../phone/country-codes.js';
import type { InviteRole, InviteTransport } from '../transport/types.js';

/**
 * Every setting of the invite elements. Each element that takes a setting has it as a property
 * (and, but for `transport` and `strings`, an attribute: the name in kebab case); a host may also
 * provide any of them once, on an ancestor, through `provideInviteSettings()`. A property set on
 * an element wins over the same setting provided there. The manifest documents each element's
 * settings from the comments here.
 */
export interface InviteSettings {
  /** The host's backend: the only way the elements reach it. */
  transport?: InviteTransport;
  /** Who the person is in the call: `owner`, `moderator`, `participant` or `guest` (the default). */
  userRole?: InviteRole;
  /** The countries whose numbers may be called, ISO 3166-1 alpha-2, in any case (the attribute, or the property as a string, takes them space or comma separated). Default `US CA`; an empty list allows none. */
  allowedCountries?: string[];
  /** Countries pinned, in this order, above the whole list of a picker long enough to have a search box; only the allowed ones. ISO codes, as `allowedCountries`. */
  preferredCountries?: string[];
  /** The country chosen when the dialog opens. Without it, the person must choose one (or type `+`). */
  defaultCountry?: string;
  /** The room's name: shown under the dialog's title, and the SMS template's `{room}`. */
  roomName?: string;
  /** The room's join link: the SMS template's `{link}`. */
  roomLink?: string;
  /** The room has a PIN: the SMS reminds the person to tell it. The PIN itself is never asked for. */
  pinRequired?: boolean;
  /** Who invites: the SMS template's `{inviter}`. */
  inviterName?: string;
  /** The default SMS, with `{link}`, `{room}` and `{inviter}` placeholders. */
  messageTemplate?: string;
  /** The most SMS segments a message may cost. Default 10. */
  maxSegments?: number;
  /** Strings to use instead of the built-in ones (any part of them); see `registerStrings()` for a whole language. */
  strings?: InviteStringOverrides;
}

export type InviteSettingName = keyof InviteSettings;

/**
 * The properties an element that takes the settings `Name` has: each setting, and `settings`, what
 * an ancestor provides. An element's interface extends it; Lit defines the properties at run time
 * from the entries `settingProperties()` gives its `static properties`.
 */
export type SettingFields<Name extends InviteSettingName> = Pick<InviteSettings, Name> & {
  /** Settings provided by an ancestor through `provideInviteSettings()`. */
  settings?: InviteSettings;
};

/**
 * How an element declares each setting it takes, as Lit property options. The attribute is the
 * setting's name in kebab case (`userRole`, `user-role`), unless it has none. The manifest reads the
 * same table (custom-elements-manifest.config.mjs).
 */
export const INVITE_SETTINGS = {
  transport: { attribute: false },
  userRole: {},
  // `allowed-countries="US CA"` (spaces or commas) is `['US', 'CA']`; the settings controller reads
  // properties through the same converter. No setting is reflected.
  allowedCountries: { converter: (value) => parseCountryCodes(value), hasChanged: listChanged },
  preferredCountries: { converter: (value) => parseCountryCodes(value), hasChanged: listChanged },
  defaultCountry: {},
  roomName: {},
  roomLink: {},
  pinRequired: { type: Boolean },
  inviterName: {},
  messageTemplate: {},
  maxSegments: { type: Number },
  strings: { attribute: false },
} satisfies Record<InviteSettingName, PropertyDeclaration>;

/**
 * A list of codes changes when its codes do: the dialog hands its picker a list it works out on
 * every render, and the same codes in a new array must not update the picker on every keystroke.
 */
function listChanged(value: unknown, old: unknown): boolean {
  if (!Array.isArray(value) || !Array.isArray(old)) return value !== old;
  return value.length !== old.length || value.some((code, index) => code !== old[index]);
}

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
export function settingProperties<Name extends InviteSettingName = InviteSettingName>(
  names: readonly Name[] = Object.keys(INVITE_SETTINGS) as Name[],
): Record<Name | 'settings', PropertyDeclaration> {
  const declare = (name: Name) => ({ attribute: name.replace(/[A-Z]/g, '-$&').toLowerCase(), ...INVITE_SETTINGS[name] });
  return { ...(Object.fromEntries(names.map((name) => [name, declare(name)])) as Record<Name, PropertyDeclaration>), settings: { attribute: false } };
}

/** The settings an element's `static properties` take, from their type. */
export type SettingsIn<Properties> = Extract<keyof Properties, InviteSettingName>;

export const inviteSettingsContext = createContext<InviteSettings>(Symbol('invite-settings'));

/**
 * Provides `settings` to the invite elements inside `element` (any element: a layout root,
 * `document.body`). Call `setValue()` on the returned provider to change them later.
 */
export function provideInviteSettings(element: HTMLElement, settings: InviteSettings): ContextProvider<typeof inviteSettingsContext> {
  return new ContextProvider(element, { context: inviteSettingsContext, initialValue: settings });
}
