import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { SETTING_DEFAULTS, settingProperties, type SettingFields, type SettingsIn } from '../../context/invite-settings.js';
import { SettingsController } from '../../controllers/settings-controller.js';
import { countSms, type SmsCount } from '../../sms/segments.js';
import { fillTemplate } from '../../sms/template.js';
import { tokens } from '../../styles/tokens.styles.js';
import { FormControl } from '../form-control.js';
import { updateAfterLoads } from '../update-after-loads.js';
import { styles } from './sms-composer.styles.js';

type Typographic = typeof import('../../sms/typographic.js');

/**
 * The text of an SMS invitation: starts from a template that carries the room's join link (and
 * names the inviter and the room when known), shows live what the message costs (characters used
 * and available, texts), says which character makes it Unicode and offers plain replacements, and
 * reminds the person of the room's PIN.
 *
 * Settings not set on the element may come from an ancestor through `provideInviteSettings()`.
 *
 * @summary Writes the SMS that invites someone into the call, with a live segment counter.
 *
 * @event input - The text changed.
 * @event change - The person finished changing the text.
 *
 * @csspart label - The visible label.
 * @csspart textarea - The text box.
 * @csspart counter - Characters used and available in the texts the message takes, or what to do when it is empty.
 * @csspart warning - What makes the message Unicode, or why it is too long.
 * @csspart reminder - The reminder to tell the room's PIN.
 * @csspart button - The buttons that restore the default text or replace typographic characters.
 *
 * @cssproperty --sms-composer-rows - Height of the text box in lines. Default `5`.
 * @cssproperty --invite-color-text - Text colour.
 * @cssproperty --invite-color-muted - The counter's colour.
 * @cssproperty --invite-color-surface - Background of the text box.
 * @cssproperty --invite-color-border - Border colour.
 * @cssproperty --invite-color-accent - Focus colour, buttons and the icon of the Unicode note.
 * @cssproperty --invite-color-danger - Over the limit.
 * @cssproperty --invite-focus-ring - Focus outline.
 * @cssproperty --invite-radius - Corner radius.
 * @cssproperty --invite-font - Font shorthand.
 */
export class SmsComposer extends FormControl(LitElement) {
  static override styles = [tokens, styles];
  static override properties = {
    ...settingProperties(['messageTemplate', 'roomLink', 'roomName', 'inviterName', 'maxSegments', 'pinRequired', 'strings']),
    value: {},
    name: { reflect: true },
    label: {},
    disabled: { type: Boolean, reflect: true },
    edited: { state: true },
    announcement: { state: true },
  };
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #settings = new SettingsController(this);
  readonly #locale = this.#settings.locale;

  /** The message. Until the person edits it, it follows the template. */
  value = '';

  /** The name the message is submitted under in a form. */
  name = '';

  /** The visible label. Defaults to "Text message" in the element's language. */
  label = '';

  disabled = false;

  /** The person has changed the text: it no longer follows the template. */
  private edited = false;
  /** What the polite live region says; set only when a threshold is crossed. */
  private announcement = '';

  private get textarea(): HTMLTextAreaElement {
    return this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')!;
  }

  #lastCount: SmsCount | undefined;
  #typographic: Typographic | undefined;
  #loadingTypographic: Promise<unknown> | undefined;

  /** The message the template makes with the current link, room and inviter. */
  get defaultValue(): string {
    const settings = this.#settings;
    const room = settings.get('roomName');
    const inviter = settings.get('inviterName');
    const template = settings.get('messageTemplate') ?? this.#locale.strings.smsTemplate(!!inviter.trim(), !!room.trim());
    return fillTemplate(template, { link: settings.get('roomLink'), room, inviter });
  }

  /** The most segments allowed. */
  get limit(): number {
    const max = this.#settings.get('maxSegments');
    return Number.isFinite(max) && max >= 1 ? Math.floor(max) : SETTING_DEFAULTS.maxSegments;
  }

  /** The message may be sent: it is not empty and costs no more than `max-segments` SMS. */
  get canSend(): boolean {
    return this.value.trim() !== '' && this.count.segments <= this.limit;
  }

  /** What the message costs now. */
  get count(): SmsCount {
    return countSms(this.value);
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return updateAfterLoads(() => super.getUpdateComplete(), () => [this.#locale.ready, this.#loadingTypographic]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // An explicitly set value counts as edited; until then the text follows the template.
    if (changed.has('value') && this.value && this.value !== this.defaultValue) this.edited = true;
    if (!this.edited) this.value = this.defaultValue;
    this.#announce();
    // A Unicode message may owe it to curly quotes or dashes: the offer to replace them loads now.
    if (this.#lastCount?.unicodeCulprit && !this.#loadingTypographic) {
      this.#loadingTypographic = import('../../sms/typographic.js').then(
        (module) => {
          this.#typographic = module;
          this.requestUpdate();
        },
        // Offline: the message is not offered the replacement; the next change tries again.
        () => (this.#loadingTypographic = undefined),
      );
    }
  }

  protected override updated(): void {
    const strings = this.#locale.strings;
    const count = this.count;
    // The state that back/forward navigation restores: the edited text, none while it follows the
    // template. In a FormData, not a string: Firefox may give one element another's state (it pairs
    // them in the order their tags were defined), and a country's code must not become the message.
    let state: FormData | null = null;
    if (this.edited) (state = new FormData()).set('text', this.value);
    this.internals.setFormValue(this.value, state);
    if (!this.value.trim()) this.internals.setValidity({ valueMissing: true }, strings.emptyMessage, this.textarea);
    else if (count.segments > this.limit) {
      this.internals.setValidity({ tooLong: true }, strings.overLimit(count.segments, this.limit), this.textarea);
    } else this.internals.setValidity({});
  }

  /** Puts the template's text back. */
  resetToDefault(): void {
    this.edited = false;
    this.value = this.defaultValue;
  }

  /** @internal */
  formResetCallback(): void {
    this.resetToDefault();
  }

  /** @internal */
  formStateRestoreCallback(state: string | File | FormData | null, _reason?: 'restore' | 'autocomplete'): void {
    const text = state instanceof FormData && state.get('text');
    if (typeof text !== 'string') return;
    this.edited = true;
    this.value = text;
  }

  /** Announces a change of segment count, of encoding, or going over the limit; not every keystroke. */
  #announce(): void {
    const count = this.count;
    const last = this.#lastCount;
    this.#lastCount = count;
    if (!last) return;
    const strings = this.#locale.strings;
    const over = count.segments > this.limit;
    if (over && last.segments <= this.limit) this.announcement = strings.overLimit(count.segments, this.limit);
    else if (count.encoding !== last.encoding && count.unicodeCulprit) {
      this.announcement = strings.unicodeWarning(count.unicodeCulprit);
    } else if (count.segments !== last.segments) {
      this.announcement = count.segments ? strings.segmentsAnnounce(count.segments) : strings.emptyMessage;
    }
  }

  #onInput(event: InputEvent): void {
    this.edited = true;
    this.value = (event.target as HTMLTextAreaElement).value;
  }

  #onChange(): void {
    // A textarea's change event does not leave the shadow root.
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #replaceWith(value: string): void {
    this.value = value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.textarea.focus();
  }

  #onUseDefault(): void {
    this.edited = false;
    this.#replaceWith(this.defaultValue);
  }

  #onReplaceTypographic(): void {
    if (this.#typographic) this.#replaceWith(this.#typographic.replaceTypographic(this.value));
  }

  protected override render() {
    const strings = this.#locale.strings;
    const count = this.count;
    const over = count.segments > this.limit;
    const pin = this.#settings.get('pinRequired');
    const culprit = count.unicodeCulprit;
    const disabled = this.disabled || this.formDisabled;
    // Units, as the network counts them: an emoji or a € takes two of the characters available.
    const available = count.perSegment * count.segments;
    return html`
      <label part="label" for="message">${this.label || strings.messageLabel}</label>
      <textarea
        id="message"
        part="textarea"
        rows="5"
        dir="auto"
        spellcheck="true"
        aria-describedby="counter warning reminder"
        aria-invalid=${over ? 'true' : 'false'}
        ?disabled=${disabled}
        .value=${this.value}
        @input=${this.#onInput}
        @change=${this.#onChange}
      ></textarea>
      <div class="row">
        <span id="counter" part="counter" class=${over ? 'over' : ''}>
          ${this.value.trim() ? strings.counter(available - count.remaining, available, count.segments) : strings.emptyMessage}
        </span>
        ${this.edited && this.value !== this.defaultValue
          ? html`<button part="button" type="button" ?disabled=${disabled} @click=${this.#onUseDefault}>${strings.useDefaultText}</button>`
          : nothing}
      </div>
      <div id="warning" part="warning" ?hidden=${!over && !culprit}>
        ${over ? html`<p class="over">${strings.overLimit(count.segments, this.limit)}</p>` : nothing}
        ${culprit ? html`<p class="note">${strings.unicodeWarning(culprit)}</p>` : nothing}
      </div>
      ${culprit && this.#typographic?.hasTypographicReplacements(this.value)
        ? html`<button part="button" type="button" ?disabled=${disabled} @click=${this.#onReplaceTypographic}>${strings.replaceTypographic}</button>`
        : nothing}
      <p id="reminder" part="reminder" ?hidden=${!pin}>${pin ? strings.pinReminder : nothing}</p>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }
}

// Lit defines the settings' properties from `static properties`; this types them.
export interface SmsComposer extends SettingFields<SettingsIn<typeof SmsComposer.properties>> {}

customElements.define('sms-composer', SmsComposer);

declare global {
  interface HTMLElementTagNameMap {
    'sms-composer': SmsComposer;
  }
}
