import { ContextConsumer } from '@lit/context';
import type { PropertyDeclaration, ReactiveControllerHost } from 'lit';
import {
  INVITE_SETTINGS,
  inviteSettingsContext,
  SETTING_DEFAULTS,
  type InviteSettingName,
  type InviteSettings,
} from '../context/invite-settings.js';
import { LocaleController } from './locale-controller.js';

/** An element that takes settings: each as its own property, and all of them from the context. */
export type SettingsHost = ReactiveControllerHost & HTMLElement & InviteSettings & { settings?: InviteSettings | undefined };

type Defaults = typeof SETTING_DEFAULTS;
/** A setting as read: with a default, never undefined. */
export type Setting<Name extends InviteSettingName> = Name extends keyof Defaults
  ? NonNullable<InviteSettings[Name]> | Defaults[Name]
  : InviteSettings[Name];

/**
 * Where an element's settings come from: its own property wins, then what an ancestor provides
 * through `provideInviteSettings()` (written to the host's `settings`), then the default. The
 * strings too (`locale`).
 */
export class SettingsController {
  #host: SettingsHost;
  #converted = new Map<InviteSettingName, { from: unknown; to: unknown }>();
  /** The element's language and its strings, with the page's overrides and then the element's own. */
  readonly locale: LocaleController;

  constructor(host: SettingsHost) {
    this.#host = host;
    // Settings provided by an ancestor arrive, and change, through the context.
    new ContextConsumer(host, { context: inviteSettingsContext, subscribe: true, callback: (settings) => (host.settings = settings) });
    this.locale = new LocaleController(host, () => [host.settings?.strings, host.strings]);
  }

  get<Name extends InviteSettingName>(name: Name): Setting<Name> {
    const defaults: Partial<Record<InviteSettingName, unknown>> = SETTING_DEFAULTS;
    const value = this.#host[name] ?? this.#host.settings?.[name] ?? defaults[name];
    // A property, or the page's settings, reads like the attribute: through the setting's converter
    // (Lit applies it to attributes only), so that `['us']` or `'us ca'` is a list of codes too.
    const { converter } = INVITE_SETTINGS[name] as PropertyDeclaration;
    if (typeof converter !== 'function' || value === undefined) return value as Setting<Name>;
    // Converted once per value, so that a render that reads a list gets the same array each time.
    const cached = this.#converted.get(name);
    if (cached?.from === value) return cached.to as Setting<Name>;
    const to = converter(value as string);
    this.#converted.set(name, { from: value, to });
    return to as Setting<Name>;
  }
}
