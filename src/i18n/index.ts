import { en, type InviteStringOverrides, type InviteStrings } from './en.js';
import { frCA } from './fr-ca.js';

export type { InviteStrings, InviteStringOverrides };

const locales = new Map<string, InviteStrings>([
  ['en', en],
  ['fr-ca', frCA],
  ['fr', frCA],
]);
const listeners = new Set<() => void>();

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

/** The strings for `lang` (a BCP 47 tag), falling back to its base language, then English. */
export function stringsFor(lang: string): InviteStrings {
  const tag = lang.toLowerCase();
  return locales.get(tag) ?? locales.get(tag.split('-')[0] ?? '') ?? en;
}

/**
 * Adds a language, or changes strings of one, for every element on the page: `lang` is a BCP 47
 * tag (`de`, `fr-CA`). What is not given falls back to the language's strings, then English.
 */
export function registerStrings(lang: string, overrides: InviteStringOverrides): void {
  locales.set(lang.toLowerCase(), mergeStrings(stringsFor(lang), overrides));
  listeners.forEach((listener) => listener());
}

/** Calls `listener` whenever `registerStrings` changes a language; returns how to stop. */
export function onStringsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
