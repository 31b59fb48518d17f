import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { regionName, regionTools } from '../i18n/regions.js';
import type { CountryData } from '../phone/country-data.js';
import type { FullCountryData } from '../phone/countries.js';
import { loadPhoneRules, type PhoneRules } from '../phone/load-rules.js';
import { KeyedLoad } from './keyed-load.js';

export interface CountryOption {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** Calling code without `+`. */
  dialCode: string;
  /** The country's name in the element's language. */
  name: string;
  /** A preferred country's copy, pinned above the whole list. */
  pinned?: boolean;
}

/** A search's rank for an option it does not match. */
const NO_MATCH = 1000;

/** How long keys typed one after another count as one type-ahead search. */
const TYPE_AHEAD_MS = 500;

/** Lower case without accents, so that "e" finds "É" and "cote" finds "Côte d’Ivoire". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The countries a picker offers: the allowed ones, named and sorted in the element's language,
 * under a copy of the preferred ones, narrowed by a search, with one of them active. Type-ahead
 * finds by name.
 */
export class CountryListController implements ReactiveController {
  #host: ReactiveControllerHost;
  #getAllowed: () => readonly string[];
  #getLang: () => string;
  #getPreferred: () => readonly string[];
  #cacheKey = '';
  #options: readonly CountryOption[] = [];
  /** Order among countries sharing a calling code (0: the main one): every country's data says; the bundled rows do not. */
  #priority = new Map<string, number>();
  #typed = '';
  #typedAt = 0;

  /** Text typed in the search box. */
  query = '';
  /** Code of the option that keyboard navigation is on. */
  active: string | undefined;
  /** Whether that option is the pinned copy of a preferred country. */
  activePinned = false;

  constructor(
    host: ReactiveControllerHost,
    getAllowed: () => readonly string[],
    getLang: () => string,
    getPreferred: () => readonly string[],
  ) {
    this.#host = host;
    this.#getAllowed = getAllowed;
    this.#getLang = getLang;
    this.#getPreferred = getPreferred;
    host.addController(this);
  }

  #rules: PhoneRules | undefined;
  #loading: Promise<unknown> | undefined;
  /**
   * Data for the allowed countries: the bundled rows at once, every country's once fetched; until
   * then the list keeps what it had.
   */
  #countries = new KeyedLoad<readonly CountryData[]>(
    () => {
      this.#cacheKey = '';
      this.#host.requestUpdate();
    },
    { keepWhileLoading: true },
  );

  /** Data for at least the allowed countries, once loaded. */
  get countries(): readonly CountryData[] | undefined {
    return this.#countries.value;
  }

  /** Resolves once the data for the allowed countries, loaded when the first picker connects, is there. */
  get ready(): Promise<unknown> {
    return Promise.all([this.#loading, this.#countries.pending]);
  }

  hostConnected(): void {
    this.#loading ??= loadPhoneRules().then(
      (rules) => {
        this.#rules = rules;
        this.hostUpdate();
        return this.#countries.pending;
      },
      // Offline: the picker offers nothing; connecting it again tries again.
      () => (this.#loading = undefined),
    );
  }

  hostUpdate(): void {
    const rules = this.#rules;
    const allowed = this.#getAllowed();
    if (rules) this.#countries.follow(allowed.join(' '), () => rules.countriesFor(allowed));
  }

  /** Every allowed country the data knows, sorted by name. Recomputed only when the inputs change. */
  get options(): readonly CountryOption[] {
    const allowed = this.#getAllowed();
    const lang = this.#getLang();
    const key = `${lang}|${allowed.join(' ')}`;
    if (key !== this.#cacheKey) {
      this.#cacheKey = key;
      const { collator } = regionTools(lang);
      const countries = (this.#countries.value ?? []).filter((country) => allowed.includes(country.code));
      this.#priority = new Map(countries.map((country) => [country.code, (country as Partial<FullCountryData>).priority ?? 0]));
      this.#options = countries
        .map((country) => ({ code: country.code, dialCode: country.dialCode, name: regionName(country.code, lang) }))
        .sort((a, b) => collator.compare(a.name, b.name));
    }
    return this.#options;
  }

  find(code: string | undefined): CountryOption | undefined {
    return code ? this.options.find((option) => option.code === code) : undefined;
  }

  /**
   * The options that match the search, best first: names that start with it (and an ISO code that
   * is it), then names with a word that starts with it, then names that hold it; or the countries
   * of a calling code, its main one first, then those of longer codes that start with it. Without a
   * search, every option, under a pinned copy of each preferred one (allowed), in the order they are
   * preferred.
   */
  get visible(): readonly CountryOption[] {
    const query = fold(this.query.trim());
    if (!query) {
      const pinned = [...new Set(this.#getPreferred())].flatMap((code) => {
        const option = this.find(code);
        return option ? [{ ...option, pinned: true }] : [];
      });
      return pinned.length ? [...pinned, ...this.options] : this.options;
    }
    const digits = query.replace(/^\+/, '');
    const rank = (option: CountryOption): number => {
      if (/^\d+$/.test(digits)) return option.dialCode === digits ? this.#priority.get(option.code)! : option.dialCode.startsWith(digits) ? 99 : NO_MATCH;
      const name = fold(option.name);
      if (name.startsWith(query) || option.code.toLowerCase() === query) return 0;
      // A word starts after anything but a letter: "bissau" finds Guinea-Bissau, "ivoire" Côte d’Ivoire.
      return ` ${name.replace(/\P{L}/gu, ' ')}`.includes(` ${query}`) ? 1 : name.includes(query) ? 2 : NO_MATCH;
    };
    return this.options
      .map((option) => ({ option, rank: rank(option) }))
      .filter((ranked) => ranked.rank < NO_MATCH)
      .sort((a, b) => a.rank - b.rank)
      .map((ranked) => ranked.option);
  }

  isActive(option: CountryOption): boolean {
    return option.code === this.active && !!option.pinned === this.activePinned;
  }

  #activate(option: CountryOption | undefined): void {
    this.active = option?.code;
    this.activePinned = !!option?.pinned;
    this.#host.requestUpdate();
  }

  /** Makes the option of `code` active (a preferred country's pinned copy), else the first. */
  activate(code: string | undefined): void {
    const visible = this.visible;
    this.#activate(visible.find((option) => option.code === code) ?? visible[0]);
  }

  setQuery(query: string): void {
    this.query = query;
    const visible = this.visible;
    // A search: its best match, so that Enter chooses it. Back to the whole list: the active country
    // stays active, from a pinned copy to its place in the list.
    this.#activate(
      (!query.trim() && (visible.find((option) => this.isActive(option)) ?? visible.find((option) => option.code === this.active))) || visible[0],
    );
  }

  /** Moves the active option by `step`, or to the first or last; stops at the ends. */
  move(step: number | 'first' | 'last'): void {
    const visible = this.visible;
    if (visible.length === 0) return;
    const current = visible.findIndex((option) => this.isActive(option));
    let next: number;
    if (step === 'first') next = 0;
    else if (step === 'last') next = visible.length - 1;
    else if (current === -1) next = step > 0 ? 0 : visible.length - 1;
    else next = Math.min(visible.length - 1, Math.max(0, current + step));
    this.#activate(visible[next]);
  }

  /**
   * Type-ahead: keys typed within a short time form one prefix. Repeating one letter cycles
   * through the countries that start with it. Returns whether an option matched.
   */
  typeAhead(key: string, now = performance.now()): boolean {
    this.#typed = now - this.#typedAt > TYPE_AHEAD_MS ? key : this.#typed + key;
    this.#typedAt = now;
    const typed = fold(this.#typed);
    const cycling = [...typed].every((char) => char === typed[0]);
    const visible = this.visible;
    const start = visible.findIndex((option) => this.isActive(option));
    // Search after the active option when cycling on one letter, from it otherwise.
    const offset = cycling && start !== -1 ? 1 : 0;
    for (let index = 0; index < visible.length; index += 1) {
      const option = visible[(Math.max(start, 0) + offset + index) % visible.length];
      if (option && fold(option.name).startsWith(cycling ? typed[0] ?? '' : typed)) {
        this.#activate(option);
        return true;
      }
    }
    return false;
  }
}
