import { en, type InviteStrings } from './en.js';

export type { InviteStrings };

const LOCALES: Record<string, InviteStrings> = { en };

/** The strings for `lang` (a BCP 47 tag), falling back to its base language, then English. */
export function stringsFor(lang: string): InviteStrings {
  const tag = lang.toLowerCase();
  return LOCALES[tag] ?? LOCALES[tag.split('-')[0] ?? ''] ?? en;
}
