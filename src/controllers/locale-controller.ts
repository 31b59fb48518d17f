import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadStrings, mergeStrings, onStringsChange, stringsFor, type InviteStringOverrides, type InviteStrings } from '../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function watchLanguages(): void {
  if (observer) return;
  // One observer and one subscription for every element: a `lang` change anywhere in the page,
  // or new strings for a language, may change what any of them says.
  observer = new MutationObserver(() => controllers.forEach((controller) => controller.refresh()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  onStringsChange(() => controllers.forEach((controller) => controller.refresh()));
}

/** The nearest `lang`, looking through shadow roots to their hosts; the browser's language without one. */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

/**
 * Follows the element's language (its own `lang` or the nearest ancestor's, through shadow roots)
 * and gives the strings for it, with the host's overrides laid over them.
 */
export class LocaleController implements ReactiveController {
  #host: Host;
  #overrides: () => (InviteStringOverrides | undefined)[];
  #base: InviteStrings | undefined;
  #merged: { from: unknown[]; strings: InviteStrings } | undefined;
  #loading: Promise<void> = Promise.resolve();
  lang = '';

  constructor(host: Host, overrides: () => (InviteStringOverrides | undefined)[]) {
    this.#host = host;
    this.#overrides = overrides;
    host.addController(this);
  }

  /** The strings in the element's language, with the overrides applied. */
  get strings(): InviteStrings {
    this.#base ??= stringsFor(this.lang || resolveLang(this.#host));
    const from = [this.#base, ...this.#overrides()];
    // Read many times per render: merge again only when an input changed.
    if (!this.#merged || from.length !== this.#merged.from.length || from.some((item, index) => item !== this.#merged?.from[index])) {
      this.#merged = { from, strings: mergeStrings(this.#base, ...from.slice(1)) };
    }
    return this.#merged.strings;
  }

  hostConnected(): void {
    controllers.add(this);
    watchLanguages();
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** Resolves once the strings for the element's language are there (a shipped language is fetched first). */
  get ready(): Promise<void> {
    return this.#loading;
  }

  /**
   * Reads the language and its strings again. Also on every connection: strings that arrived or
   * changed while the element was out of the page are taken up then.
   */
  refresh(): void {
    const lang = resolveLang(this.#host);
    // A shipped language arrives through onStringsChange, which refreshes every element.
    this.#loading = loadStrings(lang);
    const base = stringsFor(lang);
    if (lang === this.lang && base === this.#base) return;
    this.lang = lang;
    this.#base = base;
    this.#host.requestUpdate();
  }
}
