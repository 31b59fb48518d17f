import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DialCheck, Refusal } from '../phone/dialable.js';
import type { PhoneEngine } from '../phone/engine.js';
import type { RefusalReason } from '../phone/refusals.js';
import { loadPhoneRules, type PhoneRules } from '../phone/load-rules.js';
import { KeyedLoad } from './keyed-load.js';

export interface PhoneFieldInputs {
  /** The countries whose numbers may be called. */
  allowed: readonly string[];
  /** The country chosen while the person has chosen none, when it is allowed. */
  defaultCountry: string;
}

/** A fictional number (555-01xx) of each country whose form the field shows before one is typed. */
const EXAMPLES: Partial<Record<string, string>> = { US: '2015550123', CA: '4165550123' };

/** Refusals worth showing before the person has finished typing; the rest wait for blur or Call. */
const SHOWN_WHILE_TYPING: readonly RefusalReason[] = ['invalid-characters', 'input-too-long', 'country-not-allowed'];

/**
 * The number being typed and the country it is read in: formats as the person types without
 * moving the caret, tells whether the number may be dialled, and lets a number typed with `+`
 * choose its country. The phone rules load on `activate()`, when the field is first shown.
 */
export class PhoneFieldController implements ReactiveController {
  #host: ReactiveControllerHost;
  #inputs: () => PhoneFieldInputs;
  #rules: PhoneRules | undefined;
  #loading: Promise<unknown> | undefined;
  /** The rules for the allowed countries: the bundled ones at once, others once fetched. */
  #engines = new KeyedLoad<PhoneEngine>(() => this.#host.requestUpdate(), { keepWhileLoading: false });
  #checked: { key: string[]; engine: PhoneEngine; result: DialCheck } | undefined;
  #countryOf: ((digits: string) => string | undefined) | undefined;
  #fetchingCountries: Promise<unknown> | undefined;

  /** What the field shows. */
  number = '';
  /** ISO code of the country national numbers are read in, or `''`. */
  country = '';
  /** The person has left the field or tried to use the number: refusals may be shown. */
  touched = false;
  /** The refusal shown when the person last left the field: typing keeps it only while it holds. */
  #shownReason: string | undefined;

  constructor(host: ReactiveControllerHost, inputs: () => PhoneFieldInputs) {
    this.#host = host;
    this.#inputs = inputs;
    host.addController(this);
  }

  get #allowed(): readonly string[] {
    return this.#inputs().allowed;
  }

  /** Loads the phone rules, once; resolves when they and the rules for the allowed countries are there. */
  activate(): Promise<unknown> {
    this.#loading ??= loadPhoneRules().then(
      (rules) => {
        this.#rules = rules;
        this.#pickEngine();
        this.#host.requestUpdate();
        return this.#engines.pending;
      },
      // Offline: the field takes text without checking it; the next activation tries again.
      () => (this.#loading = undefined),
    );
    return this.#loading;
  }

  /** Resolves once the field can check numbers (immediately when it has not been activated). */
  get ready(): Promise<unknown> {
    return Promise.all([this.#loading, this.#engines.pending, this.#fetchingCountries]);
  }

  /**
   * The country of an international number that the rules do not place (`+44…`), to name it in a
   * refusal. Every country's data is fetched the first time one is needed; the refusal is then
   * decided again, with the name.
   */
  #countryOfUnknown = (digits: string): string | undefined => {
    if (this.#countryOf) return this.#countryOf(digits);
    this.#fetchingCountries ??= this.#rules?.loadAllCountries().then(
      (module) => {
        this.#countryOf = module.countryFromDigits;
        this.#checked = undefined;
        this.#host.requestUpdate();
      },
      // Offline: refusals go on without the country's name.
      () => (this.#countryOf = () => undefined),
    );
    return undefined;
  };

  hostUpdate(): void {
    // A country the role or the policy no longer allows is let go; the default fills an empty choice.
    const { allowed, defaultCountry } = this.#inputs();
    if (this.country && allowed.length > 0 && !allowed.includes(this.country)) this.country = '';
    if (!this.country && allowed.includes(defaultCountry)) this.country = defaultCountry;
    this.#pickEngine();
  }

  #pickEngine(): void {
    const rules = this.#rules;
    const allowed = this.#allowed;
    if (rules) this.#engines.follow(allowed.join(' '), () => rules.loadEngine(allowed));
  }

  get #engine(): PhoneEngine | undefined {
    return this.#engines.value;
  }

  /** An E.164 number the way people write it (`+1 201 555 0123`), once the rules are loaded. */
  display(e164: string): string {
    return this.#engine ? this.#engine.formatInternational(e164) : e164;
  }

  /** An example of a number of the chosen country, laid out as the field will lay it out. */
  get example(): string | undefined {
    const digits = EXAMPLES[this.country];
    return digits && this.#engine?.asYouType(digits, false, this.country).text;
  }

  /** Whether the number may be dialled; undefined while the phone rules are loading. */
  get check(): DialCheck | undefined {
    const rules = this.#rules;
    const engine = this.#engine;
    if (!rules || !engine) return undefined;
    const allowed = this.#allowed;
    const key = [this.number, this.country, allowed.join(' ')];
    // Read several times per render: decide again only when the inputs changed.
    if (this.#checked?.engine !== engine || this.#checked.key.some((part, index) => part !== key[index])) {
      const result = rules.checkDialable(this.number, {
        country: this.country || undefined,
        allowedCountries: allowed,
        engine,
        countryOfUnknown: this.#countryOfUnknown,
      });
      this.#checked = { key, engine, result };
    }
    return this.#checked.result;
  }

  /**
   * Whether today's rules (countries, number types) let a number from an earlier call or SMS be
   * dialled. One they refuse goes back in the field, as if typed and left, which says why.
   */
  allows(e164: string): boolean {
    const rules = this.#rules;
    const engine = this.#engine;
    const allowed = this.#allowed;
    if (rules && engine && rules.checkDialable(e164, { allowedCountries: allowed, engine }).ok) return true;
    this.number = this.display(e164);
    this.touch();
    return false;
  }

  /** The number, in E.164, when it may be dialled. */
  get e164(): string | undefined {
    const check = this.check;
    return check?.ok ? check.e164 : undefined;
  }

  /**
   * Why the number cannot be called, when it is time to say so: never for an empty field. A
   * number still being typed is told what it lacks, not refused.
   */
  get shownRefusal(): Refusal | undefined {
    const check = this.check;
    if (!check || check.ok || check.reason === 'empty') return undefined;
    const partial = check.reason === 'too-short' || check.reason === 'short-code' ? this.#rules?.incomplete(this.number, this.country) : undefined;
    const refusal = partial ?? check;
    return this.touched || SHOWN_WHILE_TYPING.includes(refusal.reason) ? refusal : undefined;
  }

  /**
   * Handles the field's `input` event, and `compositionend`: reformats in place and keeps the caret
   * by its digit. Not while an input method composes (full-width digits on a Japanese keyboard):
   * the text is the method's until the composition ends.
   */
  onInput(event: InputEvent | CompositionEvent): void {
    const input = event.target as HTMLInputElement;
    let text = input.value;
    let caret = input.selectionStart ?? text.length;
    const rules = this.#rules;
    if (rules && this.#engine && !(event as InputEvent).isComposing) {
      // Backspace over a separator removes no digit, and reformatting would put the separator
      // straight back: remove the digit before it instead, as the person meant.
      if ((event as InputEvent).inputType === 'deleteContentBackward' && caret > 0 && rules.countDigits(text) === rules.countDigits(this.number)) {
        const digitAt = text.slice(0, caret).search(/\d(?=\D*$)/);
        if (digitAt !== -1) {
          text = text.slice(0, digitAt) + text.slice(digitAt + 1);
          caret = digitAt;
        }
      }
      const formatted = rules.formatAsYouType(text, caret, this.country || undefined, this.#engine);
      text = formatted.text;
      caret = formatted.caret;
      if (formatted.country && this.#allowed.includes(formatted.country)) this.country = formatted.country;
    }
    if (input.value !== text) {
      input.value = text;
      input.setSelectionRange(caret, caret);
    }
    this.number = text;
    // What was said on leaving the field stays while it holds and goes once it does not; anything
    // else waits for the next time the person leaves the field or presses Call.
    if (this.touched && this.shownRefusal?.reason !== this.#shownReason) this.touched = false;
    // A national number read in one country of a shared plan may belong to another (416 is in
    // Canada, not the United States): the picker shows the country the digits belong to.
    const check = this.check;
    if (check?.ok && check.country !== this.country && this.#allowed.includes(check.country)) this.country = check.country;
    this.#host.requestUpdate();
  }

  /** The person chose a country: the digits typed so far are read again in it. */
  setCountry(country: string): void {
    this.country = country;
    if (this.#rules && this.#engine && this.number) {
      this.number = this.#rules.formatAsYouType(this.number, this.number.length, country || undefined, this.#engine).text;
    }
    this.#host.requestUpdate();
  }

  touch(): void {
    this.touched = true;
    this.#shownReason = this.shownRefusal?.reason;
    this.#host.requestUpdate();
  }

  reset(): void {
    this.number = '';
    this.touched = false;
    this.#host.requestUpdate();
  }
}
