import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { settingProperties, type SettingFields, type SettingsIn } from '../../context/invite-settings.js';
import { DialogFocusController } from '../../controllers/dialog-focus-controller.js';
import { CALL_TIMEOUT, DialOutController } from '../../controllers/dial-out-controller.js';
import { PermissionsController, type NothingOffered, type Permissions } from '../../controllers/permissions-controller.js';
import { PhoneFieldController } from '../../controllers/phone-field-controller.js';
import { SettingsController } from '../../controllers/settings-controller.js';
import { SmsSendController } from '../../controllers/sms-send-controller.js';
import { ltr } from '../../i18n/bidi.js';
import { regionName } from '../../i18n/regions.js';
import { tokens } from '../../styles/tokens.styles.js';
import '../country-picker/country-picker.js';
import '../sms-composer/sms-composer.js';
import type { SmsComposer } from '../sms-composer/sms-composer.js';
import { updateAfterLoads } from '../update-after-loads.js';
import { buildNotices, newestNotice, type NoticeSources } from './notice-model.js';
import { stack } from './notice-stack.js';
import { renderAttempts, renderNotices } from './notices.js';
import { renderConfirmation, type Confirmation } from './repeat-confirmation.js';
import { styles } from './invite-dialog.styles.js';
import { tabKeyTarget } from './tabs.js';

export const INVITE_PANELS = ['call', 'sms'] as const;
export type InvitePanel = (typeof INVITE_PANELS)[number];

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
 * @csspart tabs - The tab list: on the side, across the top on a phone, hidden when there is one way to invite.
 * @csspart tab - One tab.
 * @csspart panel - One tab panel.
 * @csspart number-label - The label of the phone field.
 * @csspart number-input - The phone field.
 * @csspart error - Why the number cannot be called.
 * @csspart name-label - The label of the invitee's name field.
 * @csspart name-input - The invitee's name, optional, sent with the call.
 * @csspart call-button - The Call button.
 * @csspart attempts - The list of calls placed before the newest.
 * @csspart notices - The notices: the newest under the open dialog's form, up to three at the upper corner of the page once it closes.
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
 * @slot upgrade - Shown when the customer's plan does not include inviting by phone: the next step, such as a link to upgrade or whom to contact. Default: a line saying an account administrator can add it.
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
 * @cssproperty --invite-notice-duration - How long a success notice (joined, sent) at the page's corner stays before it fades, while not hovered or focused. Default `6s`.
 * @cssproperty --invite-focus-ring - Focus outline. Default `2px solid` the accent colour.
 * @cssproperty --invite-radius - Corner radius. Default `6px`.
 * @cssproperty --invite-font - Font shorthand. Default `inherit`.
 */
export class InviteDialog extends LitElement {
  static override styles = [tokens, styles];
  static override properties = {
    ...settingProperties(),
    panel: { reflect: true },
    open: { type: Boolean, reflect: true },
    callTimeout: { attribute: 'call-timeout', type: Number },
  };

  readonly #settings = new SettingsController(this);
  readonly #locale = this.#settings.locale;
  readonly #permissions = new PermissionsController(this, () => ({
    role: this.#settings.get('userRole'),
    transport: this.#settings.get('transport'),
    allowedCountries: this.#settings.get('allowedCountries'),
  }));
  readonly #field = new PhoneFieldController(this, () => ({
    allowed: this.#countries,
    defaultCountry: this.#settings.get('defaultCountry').toUpperCase(),
  }));
  readonly #dialOut = new DialOutController(this, () => ({ transport: this.#settings.get('transport'), timeout: this.callTimeout }));
  readonly #sms = new SmsSendController(this, () => this.#settings.get('transport'));
  // What had focus goes away or disables itself (a dismissed notice, Send): the phone field takes it.
  // A notice's button that goes away hands focus to what its notice offers now (it moves to the
  // assertive region as a call ends); any other, to the phone field.
  readonly #focus = new DialogFocusController(this, (lost) => {
    if (!this.dialog?.open) return null;
    const key = lost.closest('[data-notice]')?.getAttribute('data-notice');
    const notice = key ? this.renderRoot.querySelector(`[data-notice="${key}"]`) : null;
    return notice?.querySelector<HTMLElement>('.notice-actions :enabled') ?? notice?.querySelector<HTMLElement>('.dismiss') ?? this.#numberInput();
  });

  /** The tab shown: `call` or `sms`. */
  panel: InvitePanel = 'call';

  /** Whether the dialog is open. Prefer `show()` and `close()`. */
  open = false;

  /**
   * Milliseconds after which a call the backend says nothing more about shows that its outcome is
   * unknown; `Infinity` for never, anything but a positive number for the default. Set on the
   * element only.
   */
  callTimeout = CALL_TIMEOUT;

  /** The body is rendered from the first opening on (or once idle before it), and kept, so nothing typed is lost on close. */
  #opened = false;
  /** The SMS panel is rendered once first shown, then kept so that the message is not lost. */
  #smsRendered = false;
  /** The person asked to see every call of the session, not only the last few. */
  #allCalls = false;
  /** The notices' popover, while it is in the stack of the page's corner. */
  #stacked: { popover: HTMLElement; leave(): void } | undefined;
  /** The notice last shown in the open dialog, and its state. */
  #shownNotice = '';
  /** Whether the Send button was rendered enabled for the message. */
  #messageSendable = false;
  /** What waits for the person's confirmation, while the question is open. */
  #asking: Confirmation | undefined;
  /** The invitee's name, optional, typed on the Call tab. */
  #name = '';
  /** The invite link was copied, or has to be copied by hand: it is shown selected. */
  #linkCopy: 'copied' | 'by-hand' | undefined;

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector<HTMLDialogElement>('[part="dialog"]')!;
  }
  private get confirmDialog(): HTMLDialogElement {
    return this.renderRoot.querySelector<HTMLDialogElement>('[part="confirm"]')!;
  }
  #numberInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${this.#panel}-number`);
  }
  private get composer(): SmsComposer | null {
    return this.renderRoot.querySelector<SmsComposer>('sms-composer');
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

  get #notices(): NoticeSources {
    return {
      strings: this.#locale.strings,
      display: (phoneNumber) => this.#display(phoneNumber),
      offered: this.#offered,
      dialOut: this.#dialOut,
      sms: this.#sms,
      askAgain: (confirmation) => this.#askToRepeat(confirmation),
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stacked?.leave();
    this.#stacked = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#permissions.loadWhenIdle(() => this.#prepare());
    // Moved (taken out and put back, as frameworks do): a <dialog> out of the page leaves the top
    // layer and would come back shown but not modal. It is shown modal again, focus inside.
    if (this.hasUpdated) void this.updateComplete.then(() => this.#restoreModal());
  }

  #restoreModal(): void {
    for (const dialog of [this.dialog, this.confirmDialog]) {
      if (!dialog?.open || dialog.matches(':modal')) continue;
      dialog.removeAttribute('open');
      dialog.showModal();
    }
    if (this.open && !this.dialog.contains(this.shadowRoot?.activeElement ?? null)) this.#focus.moveTo(() => this.#numberInput());
    // The notices' popover was hidden with the element.
    this.requestUpdate();
  }

  /**
   * Renders the body, closed, and loads the phone rules: on the first opening, or before it once
   * the page is idle, so that the first opening has nothing more to build than the next ones.
   */
  #prepare(): void {
    this.#opened = true;
    void this.#field.activate();
    // From the idle callback, renders the body; from willUpdate, the update under way does.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.open) return;
    this.#prepare();
    if (changed.has('open') || changed.has('userRole') || changed.has('transport') || changed.has('settings')) this.#permissions.load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.#syncOpen();
    // Outside the dialog, the notices are a popover in the top layer, shown at all times so that
    // their live regions exist before anything is announced in them.
    const popover = this.renderRoot.querySelector<HTMLElement>('[part="notices"][popover]');
    if (popover && !popover.matches(':popover-open')) popover.showPopover();
    // Below the notices of other dialogs on the page.
    if (popover !== this.#stacked?.popover) {
      this.#stacked?.leave();
      this.#stacked = popover && this.shadowRoot ? { popover, leave: stack(popover, this.shadowRoot) } : undefined;
    }
    void this.#composerRendered();
    // A new notice in the open dialog, or one that changed (it may have grown), is brought into view.
    const newest = this.open ? this.renderRoot.querySelector('.body [part="notice"]') : null;
    const shown = newest ? `${newest.getAttribute('data-notice')} ${newest.className}` : '';
    if (newest && shown !== this.#shownNotice && !changed.has('open')) newest.scrollIntoView({ block: 'nearest' });
    this.#shownNotice = shown;
  }

  /** The composer renders its message after this element: once it has, the Send button follows it. */
  async #composerRendered(): Promise<void> {
    const composer = this.composer;
    await composer?.updateComplete;
    if (composer && composer.canSend !== this.#messageSendable) this.requestUpdate();
  }

  /** Also waits for the phone rules, which load when the dialog is first idle or opens. */
  protected override getUpdateComplete(): Promise<boolean> {
    return updateAfterLoads(() => super.getUpdateComplete(), () => [this.#field.ready, this.#locale.ready, this.#composerRendered()]);
  }

  /**
   * Whether this person may invite at all: `false` once that is known not to be so (a participant
   * or a guest, no transport, or a policy that offers nothing), so that a host may hide its Invite
   * button. `true` while the policy has not been asked yet, or could not be read.
   */
  get canInvite(): boolean {
    const current = this.#permissions.current;
    return typeof current !== 'string' || current === 'loading' || current === 'policy-failed';
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
      this.#focus.moveTo(() => this.#numberInput());
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
  }

  #onDialogClose(): void {
    this.open = false;
  }

  #onTabKeyDown(event: KeyboardEvent): void {
    const tab = tabKeyTarget(event, [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')]);
    if (!tab) return;
    event.preventDefault();
    tab.focus();
    tab.click();
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
    const phoneNumber = this.#field.e164;
    if (!phoneNumber || !this.#offered?.dialOut || this.#dialOut.isCalling(phoneNumber)) return;
    const displayName = this.#name.trim() || undefined;
    if (this.#dialOut.tried(phoneNumber)) this.#askToRepeat({ action: 'call', phoneNumber, displayName });
    else this.#call(phoneNumber, displayName);
  }

  #onNameInput(event: InputEvent): void {
    this.#name = (event.target as HTMLInputElement).value;
    // Rendered, so that clearing it once the call is placed reaches the field.
    this.requestUpdate();
  }

  #showAllCalls(): void {
    this.#allCalls = true;
    this.requestUpdate();
  }

  #call(phoneNumber: string, displayName?: string): void {
    // The Call button disables itself: focus goes to the new call's Cancel call. The name went with
    // the call: the field is ready for the next person's.
    const attempt = this.#dialOut.call(phoneNumber, displayName);
    if (attempt && displayName) this.#name = '';
    if (attempt) this.#focus.moveTo(() => this.renderRoot.querySelector<HTMLElement>(`[data-notice="call-${attempt.id}"] button`));
  }

  #onSmsSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.#field.touch();
    const phoneNumber = this.#field.e164;
    const composer = this.composer;
    if (!phoneNumber || !composer?.canSend || !this.#offered?.sms || this.#sms.isSending(phoneNumber)) return;
    if (this.#sms.tried(phoneNumber)) this.#askToRepeat({ action: 'sms', phoneNumber, message: composer.value });
    else this.#sendSms(phoneNumber, composer.value);
  }

  #sendSms(phoneNumber: string, message: string): void {
    void this.#sms.send(phoneNumber, message)?.then((record) => {
      // Sent: the form is ready for the next invitation, unless the person has moved on to another.
      if (record.state !== 'sent' || this.#field.e164 !== phoneNumber || this.composer?.value !== message) return;
      this.#field.reset();
      this.composer.resetToDefault();
    });
  }

  /**
   * Whether doing it again is still allowed: by the role and the policy, and for the number by
   * today's countries and rules. A number they refuse goes back into the phone field, which says why,
   * as it would for a number typed now.
   */
  #mayRepeat(confirmation: Confirmation): boolean {
    if (!this.#offered?.[confirmation.action === 'call' ? 'dialOut' : 'sms']) return false;
    if (this.#field.allows(confirmation.phoneNumber)) return true;
    this.#focus.moveTo(() => this.#numberInput());
    return false;
  }

  #askToRepeat(confirmation: Confirmation): void {
    const busy = confirmation.action === 'call' ? this.#dialOut.isCalling(confirmation.phoneNumber) : this.#sms.isSending(confirmation.phoneNumber);
    if (busy || !this.#mayRepeat(confirmation)) return;
    this.#asking = confirmation;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (!this.confirmDialog.open) this.confirmDialog.showModal();
    });
  }

  /** Once confirmed, done again, if the role and the policy still allow it. */
  #answer(confirmed: boolean): void {
    const confirmation = this.#asking;
    this.confirmDialog.close();
    if (!confirmed || !confirmation || !this.#mayRepeat(confirmation)) return;
    if (confirmation.action === 'call') this.#call(confirmation.phoneNumber, confirmation.displayName);
    else this.#sendSms(confirmation.phoneNumber, confirmation.message ?? '');
  }

  #onConfirmClose(): void {
    this.#asking = undefined;
    this.requestUpdate();
  }

  #display(phoneNumber: string): string {
    return ltr(this.#field.display(phoneNumber));
  }

  #refusalMessage(): string {
    const refusal = this.#field.shownRefusal;
    const strings = this.#locale.strings;
    const lang = this.#locale.lang;
    if (refusal?.needs) return strings.incomplete(refusal.needs);
    if (refusal?.reason !== 'country-not-allowed') return refusal ? strings.refusal[refusal.reason] : '';
    // Which country the number is in, and which may be called: a short list only.
    const refused = refusal.country ? strings.refusalCountry(regionName(refusal.country, lang)) : strings.refusal[refusal.reason];
    const countries = this.#countries;
    if (countries.length === 0 || countries.length > 4) return refused;
    const names = new Intl.ListFormat(lang, { type: 'conjunction' }).format(countries.map((code) => regionName(code, lang)));
    return `${refused} ${strings.callableCountries(names)}`;
  }

  /**
   * While the modal dialog is open the notices are rendered inside it: anything outside a modal
   * dialog is inert, top layer or not. There the newest is the one live status, under the form;
   * older calls are in the list. Once it closes they are a popover in the top layer.
   */
  #renderNotices(): TemplateResult {
    const dismissLabel = this.#locale.strings.dismiss;
    if (!this.open) return renderNotices(buildNotices(this.#notices), { popover: true, max: 3, dismissLabel });
    const newest = newestNotice(this.#notices);
    return renderNotices(newest ? [newest] : [], { popover: false, max: 1, dismissLabel });
  }

  #renderNumberFields(prefix: InvitePanel): TemplateResult {
    const strings = this.#locale.strings;
    const refusal = this.#field.shownRefusal;
    return html`<div class="number-row">
        <country-picker
          exportparts="label: country-label, combobox: country-combobox, popup: country-popup, search: country-search, listbox: country-listbox, option: country-option, active: country-active"
          .settings=${this.settings}
          .strings=${this.strings}
          .allowedCountries=${this.#countries}
          .preferredCountries=${this.preferredCountries}
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
            ?autofocus=${prefix === this.#panel}
            placeholder=${this.#field.example ?? nothing}
            aria-invalid=${refusal ? 'true' : 'false'}
            aria-describedby="${prefix}-number-error"
            .value=${this.#field.number}
            @input=${(event: InputEvent) => this.#field.onInput(event)}
            @compositionend=${(event: CompositionEvent) => this.#field.onInput(event)}
            @blur=${this.#onNumberBlur}
            @keydown=${this.#onNumberKeyDown}
          />
        </div>
      </div>
      <p id="${prefix}-number-error" part="error" class="error">
        ${refusal ? html`<span class="error-icon" aria-hidden="true">!</span>${this.#refusalMessage()}` : nothing}
      </p>`;
  }

  #renderSubmit(part: string, label: string, disabled: boolean, waiting: number): TemplateResult {
    return html`${waiting > 0 ? html`<p class="note">${this.#locale.strings.retryIn(waiting)}</p>` : nothing}
      <div class="actions">
        <button part=${part} class="primary" type="submit" ?disabled=${disabled}>${label}</button>
      </div>`;
  }

  #renderCallPanel(): TemplateResult {
    const strings = this.#locale.strings;
    const phoneNumber = this.#field.e164;
    const waiting = this.#dialOut.retry.secondsLeft;
    const disabled = !phoneNumber || this.#dialOut.isCalling(phoneNumber) || waiting > 0;
    return html`<form class="invite-form" novalidate @submit=${this.#onCallSubmit}>
        ${this.#renderNumberFields('call')}
        <div class="field name-field">
          <label for="call-name" part="name-label">${strings.nameLabel}</label>
          <input
            id="call-name"
            part="name-input"
            autocomplete="off"
            maxlength="64"
            dir="auto"
            .value=${this.#name}
            @input=${this.#onNameInput}
          />
        </div>
        ${this.#renderSubmit('call-button', strings.call, disabled, waiting)}
      </form>
      ${this.#settings.get('userRole') === 'moderator' ? html`<p class="note">${strings.smsOwnerOnly}</p>` : nothing}
      ${this.open && this.#panel === 'call' ? this.#renderNotices() : nothing}
      ${renderAttempts(this.#notices, this.open ? newestNotice(this.#notices) : undefined, this.#allCalls, this.#showAllCalls)}`;
  }

  #renderSmsPanel(): TemplateResult {
    this.#smsRendered = true;
    const strings = this.#locale.strings;
    const phoneNumber = this.#field.e164;
    const waiting = this.#sms.retry.secondsLeft;
    this.#messageSendable = this.composer?.canSend ?? false;
    const disabled = !phoneNumber || !this.#messageSendable || this.#sms.isSending(phoneNumber) || waiting > 0;
    return html`<form class="invite-form" novalidate @submit=${this.#onSmsSubmit}>
      ${this.#renderNumberFields('sms')}
      <sms-composer
        exportparts="label: message-label, textarea: message-textarea, counter: message-counter, warning: message-warning, reminder: message-reminder, button: message-button"
        .settings=${this.settings}
        .strings=${this.strings}
        .roomLink=${this.roomLink}
        .roomName=${this.roomName}
        .inviterName=${this.inviterName}
        .messageTemplate=${this.messageTemplate}
        .maxSegments=${this.maxSegments}
        .pinRequired=${this.pinRequired}
        @input=${() => this.requestUpdate()}
      ></sms-composer>
      ${this.#renderCopyLink()} ${this.#renderSubmit('send-button', strings.sendSms, disabled, waiting)}
    </form>
    ${this.open && this.#panel === 'sms' ? this.#renderNotices() : nothing}`;
  }

  /** Another way to invite: the room link, copied to share it elsewhere. */
  #renderCopyLink(): TemplateResult | typeof nothing {
    const link = this.#settings.get('roomLink');
    if (!link) return nothing;
    const strings = this.#locale.strings;
    const copied = this.#linkCopy === 'copied';
    const pin = copied && this.#settings.get('pinRequired') ? ` ${strings.sharePinSeparately}` : '';
    return html`<div class="copy-link">
      <button type="button" class="text-button" @click=${this.#copyLink}>${strings.copyLink}</button>
      <span class="copy-status" role="status">${copied ? strings.linkCopied + pin : ''}</span>
      ${this.#linkCopy === 'by-hand'
        ? html`<label class="copy-status" for="invite-link">${strings.copyLinkByHand}</label>
            <input id="invite-link" class="link-field" readonly dir="ltr" .value=${link} @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()} />`
        : nothing}
    </div>`;
  }

  async #copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.#settings.get('roomLink'));
      this.#linkCopy = 'copied';
      this.requestUpdate();
    } catch {
      // No clipboard here (an insecure page, a denied permission): the link, selected, to copy by hand.
      this.#linkCopy = 'by-hand';
      this.requestUpdate();
      this.#focus.moveTo(() => this.renderRoot.querySelector<HTMLElement>('#invite-link'));
    }
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
      @click=${() => (this.panel = panel)}
    >
      ${label}
    </button>`;
  }

  /** The tabs, when something may be offered, and the body beside them, which scrolls. */
  #renderBody(): TemplateResult {
    const strings = this.#locale.strings;
    const current = this.#permissions.current;
    let tabs: TemplateResult | typeof nothing = nothing;
    let content: TemplateResult;
    if (current === 'loading') content = html`<div class="empty loading"><p class="message" role="status">${strings.loading}</p></div>`;
    else if (typeof current === 'string') {
      content = html`<div class="empty ${current}">
        <p class="message">${(strings.nothing satisfies Record<Exclude<NothingOffered, 'loading'>, string>)[current]}</p>
        ${current === 'not-entitled' ? html`<slot name="upgrade"><p class="note">${strings.notEntitledNext}</p></slot>` : nothing}
        ${current === 'policy-failed'
          ? html`<button class="secondary" @click=${() => this.#permissions.load()}>${strings.retry}</button>`
          : nothing}
      </div>`;
    } else {
      // With one way to invite there is nothing to choose: no rail. Its one tab still names the panel.
      tabs = html`<div
        part="tabs"
        role="tablist"
        aria-orientation="vertical"
        aria-label=${strings.tabsLabel}
        ?hidden=${!(current.dialOut && current.sms)}
        @keydown=${this.#onTabKeyDown}
      >
        ${current.dialOut ? this.#renderTab('call', strings.tabCall) : nothing}
        ${current.sms ? this.#renderTab('sms', strings.tabSms) : nothing}
      </div>`;
      content = html`${current.dialOut
        ? html`<div id="panel-call" part="panel" role="tabpanel" aria-labelledby="tab-call" ?hidden=${this.#panel !== 'call'}>
            ${this.#renderCallPanel()}
          </div>`
        : nothing}
      ${current.sms || this.#smsRendered
        ? // Kept, hidden, when SMS is taken away (an owner made moderator): the message is there if it comes back.
          html`<div id="panel-sms" part="panel" role="tabpanel" aria-labelledby="tab-sms" ?hidden=${this.#panel !== 'sms'}>
            ${this.#smsRendered || this.#panel === 'sms' ? this.#renderSmsPanel() : nothing}
          </div>`
        : nothing}`;
    }
    // While the dialog is open its notices are in the flow of its body, under the form of the panel
    // shown (or under what the dialog says when nothing may be offered): never over anything.
    return html`<div class="layout">
      ${tabs}
      <div class="body">${content} ${this.open && typeof current === 'string' ? this.#renderNotices() : nothing}</div>
    </div>`;
  }

  protected override render() {
    const strings = this.#locale.strings;
    const asking = this.#asking;
    const roomName = this.#settings.get('roomName');
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
      </dialog>
      ${renderConfirmation(
        asking,
        asking ? this.#display(asking.phoneNumber) : '',
        strings,
        (confirmed) => this.#answer(confirmed),
        () => this.#onConfirmClose(),
      )}
      ${this.open ? nothing : this.#renderNotices()}
    `;
  }
}

// Lit defines the settings' properties from `static properties`; this types them.
export interface InviteDialog extends SettingFields<SettingsIn<typeof InviteDialog.properties>> {}

customElements.define('invite-dialog', InviteDialog);

declare global {
  interface HTMLElementTagNameMap {
    'invite-dialog': InviteDialog;
  }
}
