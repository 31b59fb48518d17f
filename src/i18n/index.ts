import { en, type InviteStringOverrides, type InviteStrings } from './en.js';

export type { InviteStrings, InviteStringOverrides };

/** Languages the package ships besides English, by base language: fetched when a page first uses one. */
const SHIPPED: Record<string, () => Promise<InviteStrings>> = {
  fr: () => import('./fr-ca.js').then((module) => module.frCA),
};
/** Built-in strings by tag or base language, lower case: English, and shipped languages once fetched. */
const builtIn = new Map<string, InviteStrings>([['en', en]]);
/** What `registerStrings` added, by tag, in the order given. */
const registered = new Map<string, InviteStringOverrides[]>();
const resolved = new Map<string, InviteStrings>();
const fetching = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

function changed(): void {
  resolved.clear();
  listeners.forEach((listener) => listener());
}

/** Lays `overrides` over `strings`, group by group: a group given in part keeps the rest. */
export function mergeStrings(strings: InviteStrings, ...overrides: (InviteStringOverrides | undefined)[]): InviteStrings {
  let merged = strings;
  for (const override of overrides) {
    if (!override) continue;
    merged = { ...merged };
    for (const [key, value] of Object.entries(override) as [keyof InviteStrings, unknown][]) {
      const base = merged[key];
      const nested = typeof base === 'object' && typeof value === 'object' && value !== null;
      (merged as Record<string, unknown>)[key] = nested ? { ...base, ...value } : value;
    }
  }
  return merged;
}

/**
 * The strings for `lang` (a BCP 47 tag) as they stand: the language's own, or its base language's,
 * then English, with what hosts registered for the base language and then the tag laid over them.
 * A shipped language reads as English until `loadStrings` has fetched it.
 */
export function stringsFor(lang: string): InviteStrings {
  const tag = lang.toLowerCase();
  let strings = resolved.get(tag);
  if (!strings) {
    const base = tag.split('-')[0] ?? '';
    const overrides = [...(registered.get(base) ?? []), ...(tag === base ? [] : (registered.get(tag) ?? []))];
    strings = mergeStrings(builtIn.get(tag) ?? builtIn.get(base) ?? en, ...overrides);
    resolved.set(tag, strings);
  }
  return strings;
}

/** Fetches the shipped strings for `lang`, once; resolves at once for English and unknown languages. */
export function loadStrings(lang: string): Promise<void> {
  const base = lang.toLowerCase().split('-')[0] ?? '';
  const load = SHIPPED[base];
  if (!load) return Promise.resolve();
  let pending = fetching.get(base);
  if (!pending) {
    pending = load().then(
      (strings) => {
        builtIn.set(base, strings);
        changed();
      },
      // Offline or blocked: the elements stay in English, and the next element to connect tries again.
      () => void fetching.delete(base),
    );
    fetching.set(base, pending);
  }
  return pending;
}

/**
 * Adds a language, or changes strings of one, for every element on the page: `lang` is a BCP 47
 * tag (`de`, `fr-CA`). What is not given falls back to the language's strings, then English.
 */
export function registerStrings(lang: string, overrides: InviteStringOverrides): void {
  const tag = lang.toLowerCase();
  registered.set(tag, [...(registered.get(tag) ?? []), overrides]);
  changed();
}

/** Calls `listener` whenever a language's strings change or arrive; returns how to stop. */
export function onStringsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
