import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { inviteSettingsContext, type InviteSettings } from '../../context/invite-settings.js';
import { DialOutController, type CallAttempt } from '../../controllers/dial-out-controller.js';
import { SmsSendController, type SmsSend } from '../../controllers/sms-send-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { mergeStrings, type InviteStringOverrides, type InviteStrings } from '../../i18n/index.js';
import { PermissionsController, type Permissions } from '../../controllers/permissions-controller.js';
import { PhoneFieldController } from '../../controllers/phone-field-controller.js';
import { ltr } from '../../i18n/bidi.js';
import { regionName } from '../../i18n/regions.js';
import { tokens } from '../../styles/tokens.styles.js';
import { INVITE_ROLES, type InviteRole, type InviteTransport } from '../../transport/types.js';
import { countryCodesConverter } from '../country-codes-converter.js';
import '../country-picker/country-picker.js';
import '../sms-composer/sms-composer.js';
import type { SmsComposer } from '../sms-composer/sms-composer.js';
import { renderNotices, type Notice } from './notices.js';
import { styles } from './invite-dialog.styles.js';

export const INVITE_PANELS = ['call', 'sms'] as const;
export type InvitePanel = (typeof INVITE_PANELS)[number];

/** Attempts whose notice offers to call again. */
const CALL_AGAIN_STATES: readonly string[] = ['no-answer', 'busy', 'rejected', 'failed', 'canceled'];
/** Attempts whose notice is an alert rather than a status. */
const ALERT_STATES: readonly string[] = ['no-answer', 'busy', 'rejected', 'failed', 'unknown'];

/** What waits for the person's confirmation before it is done again. */
interface Confirmation {
  action: 'call' | 'sms';
  phoneNumber: string;
  message?: string;
}

/**
 * A modal dialog that invites someone into the ongoing call by phone: dial their number out into
 * the call, or text them the join link. What is offered follows the person's role and what the
 * backend says the customer is entitled to; everything goes through the host's `transport`.
 *
 * Every setting may also come from an ancestor through `provideInviteSettings()`; a property set
 * on the element wins. Role checks here guard the person only: the backend must enforce them.
 *
 * Light and dark follow the `color-scheme` the element inherits (a page that declares
 * `color-scheme: light dark` follows `prefers-color-scheme`); set it on the element to force one. Every string can be replaced
 * through the `strings` property, or for the page through the settings.
 *
 * @summary Invites someone into the ongoing call: dial out, or send an SMS.
 *
 * @event invite-call-start - A call was placed (Call pressed, or Call again confirmed). `detail.phoneNumber` is E.164.
 * @event invite-call-status - A call changed state: `detail.state`, `detail.phoneNumber`.
 * @event invite-participant-joined - The person called is now in the call: `detail.participantId`.
 * @event invite-sms-sent - The backend accepted an SMS invitation: `detail.phoneNumber`, `detail.messageId`.
 * @event invite-error - A call or SMS failed: `detail.action`, `detail.code`, `detail.message`.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title bar.
 * @csspart title - The title.
 * @csspart close-button - The button that closes the dialog.
 * @csspart tabs - The tab list on the side.
 * @csspart tab - One tab.
 * @csspart panel - One tab panel.
 * @csspart number-label - The label of the phone field.
 * @csspart number-input - The phone field.
 * @csspart error - Why the number cannot be called.
 * @csspart call-button - The Call button.
 * @csspart attempts - The list of calls placed.
 * @csspart notices - The notices at the upper corner, above the page and the dialog.
 * @csspart notice - One notice.
 * @csspart send-button - The Send SMS button.
 * @csspart confirm - The confirmation pop-up.
 * @csspart country-label - The country picker's label (its `label` part).
 * @csspart country-combobox - The country picker's control (its `combobox` part).
 * @csspart country-popup - The country picker's drop-down (its `popup` part).
 * @csspart country-search - The country picker's search box (its `search` part).
 * @csspart country-listbox - The country picker's list (its `listbox` part).
 * @csspart country-option - One country in the list (its `option` part).
 * @csspart country-active - The country keyboard navigation is on (its `active` part).
 * @csspart message-label - The SMS composer's label (its `label` part).
 * @csspart message-textarea - The SMS text box (its `textarea` part).
 * @csspart message-counter - The SMS counter (its `counter` part).
 * @csspart message-warning - The SMS warning (its `warning` part).
 * @csspart message-reminder - The PIN reminder (its `reminder` part).
 * @csspart message-button - The SMS composer's text buttons (its `button` part).
 *
 * @cssproperty --invite-dialog-width - Width of the dialog. Default `min(40rem, 100vw - 2rem)`.
 * @cssproperty --invite-color-text - Text colour.
 * @cssproperty --invite-color-muted - Secondary text colour.
 * @cssproperty --invite-color-surface - Background of the dialog, fields and notices.
 * @cssproperty --invite-color-surface-raised - Background of the tab list and hovered items.
 * @cssproperty --invite-color-border - Border colour.
 * @cssproperty --invite-color-accent - Primary buttons, the selected tab and focus.
 * @cssproperty --invite-color-on-accent - Text on the accent colour.
 * @cssproperty --invite-color-danger - Refusals and failures.
 * @cssproperty --invite-color-success - A joined participant.
 * @cssproperty --invite-focus-ring - Focus outline. Default `2px solid` the accent colour.
 * @cssproperty --invite-radius - Corner radius. Default `6px`.
 * @cssproperty --invite-font - Font shorthand. Default `inherit`.
 */
export class InviteDialog extends LitElement {
  static override styles = [tokens, styles];
  static override properties = {
    transport: { attribute: false },
    userRole: { attribute: 'user-role' },
    allowedCountries: { attribute: 'allowed-countries', converter: countryCodesConverter },
    defaultCountry: { attribute: 'default-country' },
    roomName: { attribute: 'room-name' },
    roomLink: { attribute: 'room-link' },
    pinRequired: { attribute: 'pin-required', type: Boolean },
    inviterName: { attribute: 'inviter-name' },
    messageTemplate: { attribute: 'message-template' },
    maxSegments: { attribute: 'max-segments', type: Number },
    panel: { reflect: true },
    open: { type: Boolean, reflect: true },
    callTimeout: { attribute: 'call-timeout', type: Number },
    strings: { attribute: false },
    settings: { attribute: false },
    confirming: { state: true },
  };

  readonly #locale = new LocaleController(this, () => [this.settings?.strings, this.strings]);
  readonly #permissions = new PermissionsController(this, () => ({
    role: this.#role,
    transport: this.#transport,
    allowedCountries: this.#allowedCountries,
  }));
  readonly #field = new PhoneFieldController(this, () => this.#countries);
  readonly #dialOut = new DialOutController(this, () => ({ transport: this.#transport, timeout: this.callTimeout }));
  readonly #sms = new SmsSendController(this, () => this.#transport);

  constructor() {
    super();
    // Settings provided by an ancestor arrive, and change, through the context.
    new ContextConsumer(this, { context: inviteSettingsContext, subscribe: true, callback: (settings) => (this.settings = settings) });
  }

  /** The host's backend. May also come from the settings context. */
  transport?: InviteTransport;

  /** Who the person is in the call: `owner`, `moderator`, `participant` or `guest` (the default). */
  userRole?: InviteRole;

  /** Countries that may be called, ISO alpha-2, space or comma separated. Default `US CA`. */
  allowedCountries?: string[];

  /** The country chosen when the dialog opens. Without it, the person must choose one (or type `+`). */
  defaultCountry?: string;

  /** The room's name, shown under the title and offered to the SMS template. */
  roomName?: string;

  /** The room's join link, put in the SMS. */
  roomLink?: string;

  /** The room has a PIN: the SMS panel reminds the person to tell it. */
  pinRequired?: boolean;

  /** Who invites, for the SMS template's `{inviter}`. */
  inviterName?: string;

  /** The default SMS, with `{link}`, `{room}` and `{inviter}` placeholders. */
  messageTemplate?: string;

  /** The most SMS segments a message may cost. Default 10. */
  maxSegments?: number;

  /** The tab shown: `call` or `sms`. */
  panel: InvitePanel = 'call';

  /** Whether the dialog is open. Prefer `show()` and `close()`. */
  open = false;

  /** Milliseconds after which a call the backend says nothing more about shows "outcome unknown". */
  callTimeout = 90_000;

  /** Strings to use instead of the built-in ones (any part of them); see `registerStrings()` for a whole language. */
  strings?: InviteStringOverrides;

  /** Settings provided by an ancestor through `provideInviteSettings()`. */
  settings?: InviteSettings;

  /** What waits for confirmation before it is done again. */
  private confirming: Confirmation | undefined;

  /** The body is rendered from the first opening on, and kept, so nothing typed is lost on close. */
  #opened = false;
  /** The SMS panel is rendered once first shown, then kept so that the message is not lost. */
  #smsRendered = false;
  /** Focus goes to the phone field as soon as it is there. */
  #focusPending = false;

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog[part="dialog"]')!;
  }
  private get confirmDialog(): HTMLDialogElement {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog[part="confirm"]')!;
  }
  private get composer(): SmsComposer | null {
    return this.renderRoot.querySelector<SmsComposer>('sms-composer');
  }

  #overridesCache: { from: unknown[]; merged: InviteStringOverrides | undefined } = { from: [], merged: undefined };

  /** The overrides given to this element and by its ancestors, passed on to the elements inside. */
  get #stringOverrides(): InviteStringOverrides | undefined {
    const from = [this.settings?.strings, this.strings];
    const cache = this.#overridesCache;
    if (from[0] !== cache.from[0] || from[1] !== cache.from[1]) {
      const [page, own] = from as (InviteStringOverrides | undefined)[];
      cache.from = from;
      cache.merged = page && own ? (mergeStrings(page as InviteStrings, own) as InviteStringOverrides) : (own ?? page);
    }
    return cache.merged;
  }

  get #transport(): InviteTransport | undefined {
    return this.transport ?? this.settings?.transport;
  }

  get #role(): InviteRole {
    const role = this.userRole ?? this.settings?.userRole;
    return INVITE_ROLES.includes(role as InviteRole) ? (role as InviteRole) : 'guest';
  }

  get #allowedCountries(): string[] {
    return this.allowedCountries ?? this.settings?.allowedCountries ?? ['US', 'CA'];
  }

  get #defaultCountry(): string {
    return (this.defaultCountry ?? this.settings?.defaultCountry ?? '').toUpperCase();
  }

  get #roomName(): string {
    return this.roomName ?? this.settings?.roomName ?? '';
  }

  get #offered(): Permissions | undefined {
    const current = this.#permissions.current;
    return typeof current === 'string' ? undefined : current;
  }

  /** Countries that may be called now; none when nothing may be offered. */
  get #countries(): string[] {
    return this.#offered?.countries ?? [];
  }

  get #panel(): InvitePanel {
    const offered = this.#offered;
    return (this.panel === 'sms' && offered?.sms) || (offered && !offered.dialOut) ? 'sms' : 'call';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.open) {
      this.#opened = true;
      void this.#field.activate();
    }
    if (this.open && (changed.has('open') || changed.has('userRole') || changed.has('transport') || changed.has('settings'))) {
      this.#permissions.load();
    }
    // A country the role or the policy no longer allows is let go; the default fills an empty choice.
    const countries = this.#countries;
    const country = this.#field.country;
    if (country && countries.length > 0 && !countries.includes(country)) this.#field.country = '';
    if (!this.#field.country && countries.includes(this.#defaultCountry)) this.#field.country = this.#defaultCountry;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.#syncOpen();
    // Outside the dialog, the notices are a popover in the top layer, shown at all times so that
    // their live regions exist before anything is announced in them.
    const popover = this.renderRoot.querySelector<HTMLElement>('[part="notices"][popover]');
    if (popover && !popover.matches(':popover-open')) popover.showPopover();
    if (this.#focusPending && this.open) {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${this.#panel}-number`);
      if (input) {
        this.#focusPending = false;
        input.focus();
      }
    }
  }

  /** Also waits for the phone rules, which load when the dialog first opens. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await Promise.all([this.#field.ready, this.#locale.ready]);
    return (await super.getUpdateComplete()) && complete;
  }

  /** Opens the dialog. Nothing that invites is offered to a participant or a guest. */
  show(): void {
    this.open = true;
  }

  close(): void {
    // Closed here rather than in updated(): focus leaving the form during an update would
    // schedule another one.
    if (this.dialog?.open) this.dialog.close();
    this.open = false;
  }

  #syncOpen(): void {
    if (this.open && !this.dialog.open) {
      this.dialog.showModal();
      this.#focusPending = true;
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
  }

  #onDialogClose(): void {
    this.open = false;
  }

  #onTabKeyDown(event: KeyboardEvent): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
    const current = tabs.indexOf(event.target as HTMLElement);
    const next = {
      ArrowDown: current + 1,
      ArrowRight: current + 1,
      ArrowUp: current - 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined || tabs.length === 0) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    tab?.focus();
    tab?.click();
  }

  #selectPanel(panel: InvitePanel): void {
    this.panel = panel;
  }

  #onCountryChange(event: Event): void {
    this.#field.setCountry((event.target as HTMLElement & { value: string }).value);
  }

  #onNumberBlur(): void {
    // Leaving the field shows what is wrong with the number; closing the dialog does not. Focus
    // may move while the dialog itself is being shown or closed: take it up after that update.
    queueMicrotask(() => {
      if (this.dialog.open && this.#field.number) this.#field.touch();
    });
  }

  #onNumberKeyDown(event: KeyboardEvent): void {
    // Enter held down repeats keydown: only the first press submits.
    if (event.key === 'Enter' && event.repeat) event.preventDefault();
  }

  #onCallSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.#field.touch();
    const check = this.#field.check;
    if (!check?.ok || !this.#offered?.dialOut || this.#dialOut.isCalling(check.e164)) return;
    if (this.#dialOut.tried(check.e164)) this.#askToRepeat({ action: 'call', phoneNumber: check.e164 });
    else this.#dialOut.call(check.e164);
  }

  #onSmsSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.#field.touch();
    const check = this.#field.check;
    const composer = this.composer;
    if (!check?.ok || !composer?.checkValidity() || !this.#offered?.sms || this.#sms.isSending(check.e164)) return;
    const request = { action: 'sms', phoneNumber: check.e164, message: composer.value } as const;
    if (this.#sms.tried(check.e164)) this.#askToRepeat(request);
    else this.#sendSms(request.phoneNumber, request.message);
  }

  #sendSms(phoneNumber: string, message: string): void {
    void this.#sms.send(phoneNumber, message)?.then((record) => {
      // Sent: the form is ready for the next invitation, unless the person has moved on to another.
      if (record.state !== 'sent' || this.#field.check?.ok !== true) return;
      if (this.#field.check.e164 !== phoneNumber || this.composer?.value !== message) return;
      this.#field.reset();
      this.composer.resetToDefault();
    });
  }

  #askToRepeat(confirmation: Confirmation): void {
    const busy = confirmation.action === 'call' ? this.#dialOut.isCalling(confirmation.phoneNumber) : this.#sms.isSending(confirmation.phoneNumber);
    if (busy) return;
    this.confirming = confirmation;
    void this.updateComplete.then(() => {
      if (!this.confirmDialog.open) this.confirmDialog.showModal();
    });
  }

  #onConfirm(): void {
    const confirmation = this.confirming;
    this.confirmDialog.close();
    if (!confirmation) return;
    if (confirmation.action === 'call' && this.#offered?.dialOut) this.#dialOut.call(confirmation.phoneNumber);
    if (confirmation.action === 'sms' && this.#offered?.sms) this.#sendSms(confirmation.phoneNumber, confirmation.message ?? '');
  }

  #onConfirmClose(): void {
    this.confirming = undefined;
  }

  #confirmText(): string {
    const confirmation = this.confirming;
    if (!confirmation) return '';
    const strings = this.#locale.strings;
    const number = this.#display(confirmation.phoneNumber);
    return confirmation.action === 'sms' ? strings.confirmSendAgain(number) : strings.confirmCallAgain(number);
  }

  #display(phoneNumber: string): string {
    return ltr(this.#field.display(phoneNumber));
  }

  #attemptText(attempt: CallAttempt): string {
    const strings = this.#locale.strings;
    return strings.callState[attempt.state](this.#display(attempt.phoneNumber));
  }

  #attemptDetail(attempt: CallAttempt): string | undefined {
    if (attempt.state !== 'failed') return undefined;
    // A failed call carries the backend's reason, meant for the person; a rejection only a code,
    // read in the person's language (an unknown code as a generic failure).
    if (attempt.reason) return attempt.reason;
    if (!attempt.errorCode) return undefined;
    const errors = this.#locale.strings.errors;
    return errors[attempt.errorCode] ?? errors['unknown'];
  }

  #callActions(attempt: CallAttempt): { label: string; run(): void }[] {
    const strings = this.#locale.strings;
    const actions = [];
    if (this.#dialOut.canCancel(attempt)) actions.push({ label: strings.cancelCall, run: () => this.#dialOut.cancel(attempt) });
    if (this.#offered?.dialOut && CALL_AGAIN_STATES.includes(attempt.state)) {
      actions.push({ label: strings.callAgain, run: () => this.#askToRepeat({ action: 'call', phoneNumber: attempt.phoneNumber }) });
    }
    return actions;
  }

  #callNotice(attempt: CallAttempt): Notice {
    return {
      key: `call-${attempt.id}`,
      startedAt: attempt.startedAt,
      state: attempt.state,
      text: this.#attemptText(attempt),
      detail: this.#attemptDetail(attempt),
      alert: ALERT_STATES.includes(attempt.state),
      actions: this.#callActions(attempt),
      dismiss: attempt.settled ? () => this.#dialOut.dismiss(attempt) : undefined,
    };
  }

  #smsNotice(send: SmsSend): Notice {
    const strings = this.#locale.strings;
    const again = { action: 'sms', phoneNumber: send.phoneNumber, message: send.message } as const;
    return {
      key: `sms-${send.id}`,
      startedAt: send.startedAt,
      state: send.state,
      text: strings.smsState[send.state](this.#display(send.phoneNumber)),
      detail: send.errorCode ? (strings.errors[send.errorCode] ?? strings.errors['unknown']) : undefined,
      alert: send.state === 'failed',
      actions:
        send.state !== 'sending' && this.#offered?.sms ? [{ label: strings.sendAgain, run: () => this.#askToRepeat(again) }] : [],
      dismiss: send.state === 'sending' ? undefined : () => this.#sms.dismiss(send),
    };
  }

  /**
   * While the modal dialog is open the notices are rendered inside it: anything outside a modal
   * dialog is inert, top layer or not. Otherwise they are a popover in the top layer.
   */
  #renderNotices(): TemplateResult {
    const notices = [
      ...this.#dialOut.attempts.filter((attempt) => !attempt.dismissed).map((attempt) => this.#callNotice(attempt)),
      ...this.#sms.sends.filter((send) => !send.dismissed).map((send) => this.#smsNotice(send)),
    ];
    // While the dialog is open it lists every call itself: one notice is enough, and more would
    // cover the dialog on a narrow screen.
    const max = this.open ? 1 : 3;
    return renderNotices(notices, { popover: !this.open, max, dismissLabel: this.#locale.strings.dismiss });
  }

  #renderNumberFields(prefix: InvitePanel): TemplateResult {
    const strings = this.#locale.strings;
    const refusal = this.#field.shownRefusal;
    let message = '';
    if (refusal?.reason === 'country-not-allowed' && refusal.country) {
      message = strings.refusalCountry(regionName(refusal.country, this.#locale.lang));
    } else if (refusal) {
      message = strings.refusal[refusal.reason];
    }
    return html`<div class="number-row">
        <country-picker
          exportparts="label: country-label, combobox: country-combobox, popup: country-popup, search: country-search, listbox: country-listbox, option: country-option, active: country-active"
          .strings=${this.#stringOverrides}
          .allowedCountries=${this.#countries}
          .value=${this.#field.country}
          @change=${this.#onCountryChange}
        ></country-picker>
        <div class="field">
          <label for="${prefix}-number" part="number-label">${strings.numberLabel}</label>
          <input
            id="${prefix}-number"
            part="number-input"
            type="tel"
            autocomplete="tel"
            inputmode="tel"
            dir="ltr"
            spellcheck="false"
            aria-invalid=${refusal ? 'true' : 'false'}
            aria-describedby="${prefix}-number-error"
            .value=${this.#field.number}
            @input=${(event: InputEvent) => this.#field.onInput(event)}
            @blur=${this.#onNumberBlur}
            @keydown=${this.#onNumberKeyDown}
          />
        </div>
      </div>
      <p id="${prefix}-number-error" part="error" class="error">
        ${refusal ? html`<span class="error-icon" aria-hidden="true">!</span>${message}` : nothing}
      </p>`;
  }

  #renderCallPanel(): TemplateResult {
    const strings = this.#locale.strings;
    const check = this.#field.check;
    const waiting = this.#dialOut.retry.secondsLeft;
    const disabled = !check?.ok || this.#dialOut.isCalling(check.e164) || waiting > 0;
    const attempts = this.#dialOut.attempts;
    return html`<form class="invite-form" novalidate @submit=${this.#onCallSubmit}>
        ${this.#renderNumberFields('call')}
        ${waiting > 0 ? html`<p class="note">${strings.retryIn(waiting)}</p>` : nothing}
        <div class="actions">
          <button part="call-button" class="primary" type="submit" ?disabled=${disabled}>${strings.call}</button>
        </div>
      </form>
      ${attempts.length > 0
        ? html`<section class="attempts" aria-labelledby="attempts-title">
            <h3 id="attempts-title">${strings.attemptsTitle}</h3>
            <ul part="attempts">
              ${attempts.map(
                (attempt) => html`<li class="attempt ${attempt.state}">
                  <span class="attempt-text">${this.#attemptText(attempt)}</span>
                  <span class="attempt-actions">
                    ${this.#callActions(attempt).map(
                      (action) => html`<button class="secondary" @click=${action.run}>${action.label}</button>`,
                    )}
                  </span>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}`;
  }

  #renderSmsPanel(): TemplateResult {
    this.#smsRendered = true;
    const strings = this.#locale.strings;
    const check = this.#field.check;
    const waiting = this.#sms.retry.secondsLeft;
    const composer = this.composer;
    const fits = composer ? composer.value.trim() !== '' && composer.count.segments <= composer.limit : false;
    const disabled = !check?.ok || !fits || this.#sms.isSending(check.e164) || waiting > 0;
    return html`<form class="invite-form" novalidate @submit=${this.#onSmsSubmit}>
      ${this.#renderNumberFields('sms')}
      <sms-composer
        exportparts="label: message-label, textarea: message-textarea, counter: message-counter, warning: message-warning, reminder: message-reminder, button: message-button"
        .strings=${this.#stringOverrides}
        .roomLink=${this.roomLink ?? this.settings?.roomLink}
        .roomName=${this.#roomName}
        .inviterName=${this.inviterName ?? this.settings?.inviterName}
        .messageTemplate=${this.messageTemplate ?? this.settings?.messageTemplate}
        .maxSegments=${this.maxSegments ?? this.settings?.maxSegments}
        .pinRequired=${this.pinRequired ?? this.settings?.pinRequired ?? false}
        @input=${() => this.requestUpdate()}
      ></sms-composer>
      ${waiting > 0 ? html`<p class="note">${strings.retryIn(waiting)}</p>` : nothing}
      <div class="actions">
        <button part="send-button" class="primary" type="submit" ?disabled=${disabled}>${strings.sendSms}</button>
      </div>
    </form>`;
  }

  #renderTab(panel: InvitePanel, label: string): TemplateResult {
    const selected = this.#panel === panel;
    return html`<button
      id="tab-${panel}"
      part="tab"
      role="tab"
      type="button"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel-${panel}"
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.#selectPanel(panel)}
    >
      ${label}
    </button>`;
  }

  #renderBody(): TemplateResult {
    const strings = this.#locale.strings;
    const current = this.#permissions.current;
    if (current === 'loading') return html`<p class="message" role="status">${strings.loading}</p>`;
    if (typeof current === 'string') {
      return html`<p class="message">${strings.nothing[current]}</p>
        ${current === 'policy-failed'
          ? html`<button class="secondary" @click=${() => this.#permissions.load()}>${strings.retry}</button>`
          : nothing}`;
    }
    return html`<div class="layout">
      <div part="tabs" role="tablist" aria-orientation="vertical" aria-label=${strings.tabsLabel} @keydown=${this.#onTabKeyDown}>
        ${current.dialOut ? this.#renderTab('call', strings.tabCall) : nothing}
        ${current.sms ? this.#renderTab('sms', strings.tabSms) : nothing}
      </div>
      ${current.dialOut
        ? html`<div id="panel-call" part="panel" role="tabpanel" aria-labelledby="tab-call" ?hidden=${this.#panel !== 'call'}>
            ${this.#renderCallPanel()}
          </div>`
        : nothing}
      ${current.sms
        ? html`<div id="panel-sms" part="panel" role="tabpanel" aria-labelledby="tab-sms" ?hidden=${this.#panel !== 'sms'}>
            ${this.#smsRendered || this.#panel === 'sms' ? this.#renderSmsPanel() : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  protected override render() {
    const strings = this.#locale.strings;
    const roomName = this.#roomName;
    return html`
      <dialog part="dialog" aria-labelledby="title" @close=${this.#onDialogClose}>
        <header part="header">
          <div>
            <h2 id="title" part="title">${strings.dialogTitle}</h2>
            ${roomName ? html`<p class="room">${strings.room(roomName)}</p>` : nothing}
          </div>
          <button part="close-button" class="icon" aria-label=${strings.close} @click=${this.close}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        ${this.#opened ? this.#renderBody() : nothing}
        ${this.open ? this.#renderNotices() : nothing}
      </dialog>
      <dialog part="confirm" aria-labelledby="confirm-text" @close=${this.#onConfirmClose}>
        <p id="confirm-text">${this.#confirmText()}</p>
        <div class="actions">
          <button class="secondary" autofocus @click=${() => this.confirmDialog.close()}>${strings.cancel}</button>
          <button class="primary" @click=${this.#onConfirm}>
            ${this.confirming?.action === 'sms' ? strings.sendAgain : strings.callAgain}
          </button>
        </div>
      </dialog>
      ${this.open ? nothing : this.#renderNotices()}
    `;
  }
}

customElements.define('invite-dialog', InviteDialog);

declare global {
  interface HTMLElementTagNameMap {
    'invite-dialog': InviteDialog;
  }
}
