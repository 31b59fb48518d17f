import { ContextProvider, createContext } from '@lit/context';
import type { InviteStringOverrides } from '../i18n/index.js';
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

export const inviteSettingsContext = createContext<InviteSettings>(Symbol('invite-settings'));

/**
 * Provides `settings` to the invite elements inside `element` (any element: a layout root,
 * `document.body`). Call `setValue()` on the returned provider to change them later.
 */
export function provideInviteSettings(element: HTMLElement, settings: InviteSettings): ContextProvider<typeof inviteSettingsContext> {
  return new ContextProvider(element, { context: inviteSettingsContext, initialValue: settings });
}
