import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stringsFor, type InviteStrings } from '../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function observeLangChanges(): void {
  if (observer) return;
  // One observer for every element: a `lang` change anywhere in the page may change ours.
  observer = new MutationObserver(() => hosts.forEach((controller) => controller.refresh()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The nearest `lang`, looking through shadow roots to their hosts. */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

/** Follows the element's language (its own `lang` or an ancestor's) and gives the strings for it. */
export class LocaleController implements ReactiveController {
  #host: Host;
  lang = 'en';
  strings: InviteStrings = stringsFor('en');

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    observeLangChanges();
    this.refresh();
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  refresh(): void {
    const lang = resolveLang(this.#host);
    if (lang === this.lang && this.strings) return;
    this.lang = lang;
    this.strings = stringsFor(lang);
    this.#host.requestUpdate();
  }
}
