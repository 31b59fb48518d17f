import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CountryListController, type CountryOption } from '../../controllers/country-list-controller.js';
import { settingProperties, type SettingFields, type SettingsIn } from '../../context/invite-settings.js';
import { SettingsController } from '../../controllers/settings-controller.js';
import { tokens } from '../../styles/tokens.styles.js';
import { flagSheet } from './flag-sheet.js';
import type { CountryData } from '../../phone/country-data.js';
import { FormControl } from '../form-control.js';
import { updateAfterLoads } from '../update-after-loads.js';
import { styles } from './country-picker.styles.js';

/** Above this many countries the list gets a search box, and the preferred ones are pinned. */
const SEARCH_THRESHOLD = 12;
const PAGE_STEP = 10;
/**
 * A long list is rendered in blocks of this many options, each skipped by the browser while out
 * of view (`content-visibility: auto`): opening styles and lays out the few in view, not every
 * country.
 */
const BLOCK = 20;
// The style sheet sizes a block not yet rendered as 20 options: change both together.

function inBlocks<T>(list: readonly T[]): T[][] {
  const blocks: T[][] = [];
  for (let start = 0; start < list.length; start += BLOCK) blocks.push(list.slice(start, start + BLOCK));
  return blocks;
}

/**
 * A country calling-code picker: the chosen country's flag and calling code, opening a list of
 * the allowed countries. Follows the WAI-ARIA select-only combobox pattern, with a search box
 * once the list is long, and the preferred countries pinned above it. The list lives in the
 * element's own shadow root, so it works inside a modal `<dialog>`; it opens in the top layer,
 * anchored to its control, so that no scrolling container clips it.
 *
 * @summary Picks the country whose calling code a phone number is dialled with.
 *
 * @event change - The person chose another country. Read `value`.
 *
 * @csspart label - The visible label.
 * @csspart combobox - The control showing the chosen flag and calling code.
 * @csspart arrow - The arrow inside the control.
 * @csspart popup - The drop-down holding the search box and the list.
 * @csspart search - The search box, shown when the list is long.
 * @csspart listbox - The list of countries.
 * @csspart option - One country in the list.
 * @csspart active - The option keyboard navigation is on.
 * @csspart empty - The note shown when no country matches the search.
 *
 * @cssproperty --country-picker-list-max-height - Height of the list before it scrolls. Default `18rem`.
 * @cssproperty --country-picker-list-width - Widest the drop-down grows. Default `20rem`.
 * @cssproperty --invite-color-text - Text colour.
 * @cssproperty --invite-color-muted - Secondary text colour (calling codes, placeholder).
 * @cssproperty --invite-color-surface - Background of the control and the drop-down.
 * @cssproperty --invite-color-surface-raised - Background of the hovered and active option.
 * @cssproperty --invite-color-border - Border colour.
 * @cssproperty --invite-color-accent - Focus and active-option colour.
 * @cssproperty --invite-focus-ring - Focus outline. Default `2px solid` the accent colour.
 * @cssproperty --invite-radius - Corner radius. Default `6px`.
 * @cssproperty --invite-font - Font shorthand. Default `inherit`.
 */
export class CountryPicker extends FormControl(LitElement) {
  static override styles = [tokens, styles];
  static override properties = {
    ...settingProperties(['allowedCountries', 'preferredCountries', 'strings']),
    value: {},
    label: {},
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    open: { state: true },
  };
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #settings = new SettingsController(this);
  readonly #locale = this.#settings.locale;
  readonly #list = new CountryListController(
    this,
    () => this.#settings.get('allowedCountries'),
    () => this.#locale.lang,
    // Pinned only above a long list: a short one is seen whole.
    () => (this.#searchable && this.#settings.get('preferredCountries')) || [],
  );

  /**
   * The chosen country's ISO 3166-1 alpha-2 code, or `''` for none. The `value` attribute is the
   * default that a form reset returns to.
   */
  value = '';

  /** The visible label. Defaults to "Country" in the element's language. */
  label = '';

  /** The name the value is submitted under in a form. */
  name = '';

  /** A country must be chosen for the form to be valid. */
  required = false;

  disabled = false;

  private open = false;
  /** The options stay rendered after the first opening, so that opening again costs little. */
  #rendered = false;
  /** The country data the flag sheet was last given. */
  #flagsFor: readonly CountryData[] | undefined;
  #scrolledTo: string | undefined;

  /** Not there before the first render. */
  private get combobox(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="combobox"]');
  }
  private get search(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('[part="search"]');
  }
  private get popup(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('[part="popup"]')!;
  }

  readonly #onDocumentPointerDown = (event: PointerEvent): void => {
    // composedPath, not contains(event.target): the target is retargeted at shadow boundaries.
    if (!event.composedPath().includes(this)) this.#close(false);
  };

  get #searchable(): boolean {
    return this.#list.options.length > SEARCH_THRESHOLD;
  }

  get #inert(): boolean {
    return this.disabled || this.formDisabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A form reads the value and validity now, not once the country data has arrived.
    this.#updateForm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Out of the page, the popover is hidden: so is the list.
    this.#close(false);
  }

  /** Also waits for the country data (loaded when the first picker connects) and the strings of the page's language. */
  protected override getUpdateComplete(): Promise<boolean> {
    return updateAfterLoads(() => super.getUpdateComplete(), () => [this.#list.ready, this.#locale.ready]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== this.value.toUpperCase()) this.value = this.value.toUpperCase();
    if (this.open && this.#inert) this.open = false;
    // Opened before its countries arrived (or they changed): the chosen one, else the first, is active.
    if (this.open && !this.#list.visible.some((option) => this.#list.isActive(option))) this.#list.activate(this.value);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const countries = this.#list.countries;
    const justLoaded = countries !== undefined && countries !== this.#flagsFor;
    if (justLoaded && this.shadowRoot) {
      const previous = this.#flagsFor && flagSheet(this.#flagsFor);
      const adopted = this.shadowRoot.adoptedStyleSheets.filter((sheet) => sheet !== previous);
      this.shadowRoot.adoptedStyleSheets = [...adopted, flagSheet(countries)];
      this.#flagsFor = countries;
    }
    if (justLoaded || changed.has('value') || changed.has('required') || changed.has('allowedCountries') || changed.has('settings')) {
      this.#updateForm();
    }
    if (this.isConnected) this.popup.togglePopover(this.open);
    // Scrolling lays the list out: only when the active option changed.
    if (this.#activeId !== this.#scrolledTo) {
      this.#scrolledTo = this.#activeId;
      this.renderRoot.querySelector('[part~="active"]')?.scrollIntoView({ block: 'nearest' });
    }
  }

  get #activeId(): string | undefined {
    const { active, activePinned } = this.#list;
    return this.open && active ? `${activePinned ? 'pinned' : 'option'}-${active}` : undefined;
  }

  /** @internal */
  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  /**
   * The value a form submits and checks: a country the list offers; until the country data has
   * arrived, any allowed one.
   */
  #updateForm(): void {
    const value = this.value.toUpperCase();
    const allowed: readonly string[] = this.#settings.get('allowedCountries');
    const offered = this.#list.countries ? this.#list.find(value) : allowed.includes(value);
    const chosen = offered ? value : '';
    // The state is the value, kept as it is for back/forward navigation to restore.
    this.internals.setFormValue(chosen || null, this.value);
    this.internals.setValidity(
      this.required && !chosen ? { valueMissing: true } : {},
      this.#locale.strings.countryPlaceholder,
      this.combobox ?? undefined,
    );
  }

  /** @internal */
  formStateRestoreCallback(state: string | File | FormData | null, _reason?: 'restore' | 'autocomplete'): void {
    if (typeof state === 'string') this.value = state;
  }

  #openList(): void {
    if (this.open || this.#inert) return;
    this.#list.query = '';
    this.#list.activate(this.value);
    this.open = true;
    this.#rendered = true;
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    // Only this update: the list is there; nothing else needs to arrive first.
    if (this.#searchable) void super.getUpdateComplete().then(() => this.search?.focus());
  }

  #close(restoreFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    if (restoreFocus) this.combobox?.focus();
  }

  #choose(code: string | undefined): void {
    const changed = code !== undefined && code !== this.value;
    if (changed) this.value = code;
    this.#close(true);
    if (changed) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #onComboboxClick(): void {
    if (this.open) this.#close(true);
    else this.#openList();
  }

  /** Keys shared by the control and the search box while the list is open. Returns whether handled. */
  #navigate(event: KeyboardEvent): boolean {
    switch (event.key) {
      case 'ArrowDown':
        this.#list.move(1);
        return true;
      case 'ArrowUp':
        if (event.altKey) this.#choose(this.#list.active);
        else this.#list.move(-1);
        return true;
      case 'PageDown':
        this.#list.move(PAGE_STEP);
        return true;
      case 'PageUp':
        this.#list.move(-PAGE_STEP);
        return true;
      case 'Enter':
        this.#choose(this.#list.active);
        return true;
      case 'Escape':
        // Closes the list only: stopped here so an enclosing dialog stays open.
        event.stopPropagation();
        this.#close(true);
        return true;
      case 'Tab':
        this.#choose(this.#list.active);
        return false;
      default:
        return false;
    }
  }

  #onComboboxKeyDown(event: KeyboardEvent): void {
    if (this.#inert) return;
    const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (!this.open) {
      const opens = ['ArrowDown', 'ArrowUp', 'Enter', ' ', 'Home', 'End'].includes(event.key);
      if (!opens && !printable) return;
      event.preventDefault();
      this.#openList();
      if (event.key === 'Home') this.#list.move('first');
      if (event.key === 'End') this.#list.move('last');
      if (printable && event.key !== ' ') {
        // Typing opens the list on the first country that matches, wherever the choice was.
        this.#list.active = undefined;
        if (this.#searchable) this.#list.setQuery(event.key);
        else this.#list.typeAhead(event.key);
      }
      return;
    }
    if (this.#navigate(event)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      this.#list.move(event.key === 'Home' ? 'first' : 'last');
    } else if (event.key === ' ') {
      event.preventDefault();
      this.#choose(this.#list.active);
    } else if (printable) {
      event.preventDefault();
      this.#list.typeAhead(event.key);
    }
  }

  #onSearchKeyDown(event: KeyboardEvent): void {
    if (this.#navigate(event)) event.preventDefault();
  }

  #onSearchInput(event: InputEvent): void {
    this.#list.setQuery((event.target as HTMLInputElement).value);
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.shadowRoot?.contains(next)) this.#close(false);
  }

  #renderCountry(option: CountryOption) {
    return html`<span class="flag" data-flag=${option.code.toLowerCase()}></span>
      <span class="name">${option.name}</span>
      <span class="dial" dir="ltr">${`+${option.dialCode}`}</span>`;
  }

  #renderOption(option: CountryOption) {
    const active = this.#list.isActive(option);
    return html`<div
      id="${option.pinned ? 'pinned' : 'option'}-${option.code}"
      role="option"
      part=${active ? 'option active' : 'option'}
      aria-selected=${option.code === this.value ? 'true' : 'false'}
      @click=${() => this.#choose(option.code)}
    >
      ${this.#renderCountry(option)}
    </div>`;
  }

  protected override render() {
    const strings = this.#locale.strings;
    const chosen = this.#list.find(this.value);
    const activeId = this.#activeId;
    const searchable = this.#searchable;
    const visible = this.#rendered ? this.#list.visible : [];
    // The pinned copies of the preferred countries come first, in a group of their own.
    const pinned = visible.filter((option) => option.pinned);
    const rest = visible.slice(pinned.length);
    // The active option's block and two either side (the first three without one) are drawn at
    // once, in the task that opens the list, not left for the next frame to find in view: the
    // frame after a click then only paints.
    const at = (rest.findIndex((option) => this.#list.isActive(option)) / BLOCK) | 0;
    const renderOptions = (options: readonly CountryOption[]) =>
      repeat(options, (option) => option.code, (option) => this.#renderOption(option));

    return html`
      <span id="label" part="label">${this.label || strings.countryLabel}</span>
      <div
        part="combobox"
        role="combobox"
        tabindex=${this.#inert ? '-1' : '0'}
        aria-labelledby="label"
        aria-controls="listbox"
        aria-haspopup="listbox"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-activedescendant=${!searchable && activeId ? activeId : nothing}
        aria-required=${this.required ? 'true' : 'false'}
        aria-disabled=${this.#inert ? 'true' : 'false'}
        @click=${this.#onComboboxClick}
        @keydown=${this.#onComboboxKeyDown}
        @focusout=${this.#onFocusOut}
      >
        ${chosen
          ? html`<span class="flag" data-flag=${chosen.code.toLowerCase()}></span>
              <span id="value"><span class="visually-hidden">${chosen.name} </span
                ><span class="dial" dir="ltr">${`+${chosen.dialCode}`}</span></span
              >`
          : html`<span id="value" class="placeholder">${strings.countryPlaceholder}</span>`}
        <span part="arrow"></span>
      </div>
      <div part="popup" class=${searchable ? 'long' : ''} popover="manual" @focusout=${this.#onFocusOut} @mousedown=${this.#keepFocus}>
        ${searchable && this.open
          ? html`<input
              part="search"
              type="text"
              role="combobox"
              aria-label=${strings.countrySearch}
              placeholder=${strings.countrySearchPlaceholder}
              aria-controls="listbox"
              aria-expanded="true"
              aria-autocomplete="list"
              aria-activedescendant=${activeId ?? nothing}
              autocomplete="off"
              spellcheck="false"
              .value=${this.#list.query}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKeyDown}
            />`
          : nothing}
        <div id="listbox" part="listbox" role="listbox" aria-labelledby="label">
          ${pinned.length
            ? html`<div class="pinned" role="group" aria-label=${strings.countryPreferred}>${renderOptions(pinned)}</div>`
            : nothing}
          ${searchable
            ? inBlocks(rest).map(
                (block, index) => html`<div class="block ${Math.abs(index - at) < 3 ? 'near' : ''}" role="none">${renderOptions(block)}</div>`,
              )
            : renderOptions(visible)}
        </div>
        ${this.open && visible.length === 0 ? html`<div part="empty" role="status">${strings.countryNoMatch}</div>` : nothing}
      </div>
    `;
  }

  #keepFocus(event: MouseEvent): void {
    // A click on an option must not take focus away from the control or the search box.
    if ((event.target as HTMLElement).closest('[role="option"]')) event.preventDefault();
  }
}

// Lit defines the settings' properties from `static properties`; this types them.
export interface CountryPicker extends SettingFields<SettingsIn<typeof CountryPicker.properties>> {}

customElements.define('country-picker', CountryPicker);

declare global {
  interface HTMLElementTagNameMap {
    'country-picker': CountryPicker;
  }
}
