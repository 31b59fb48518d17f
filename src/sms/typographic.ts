/**
 * Typographic characters that word processors and phone keyboards slip into a message, and the
 * GSM-7 text that reads the same. One of them is enough to send the whole message as UCS-2,
 * which more than halves what each segment holds.
 */
export const TYPOGRAPHIC_REPLACEMENTS = [
  // Curly, low and reversed single quotes, prime, single angle quotes.
  { from: '\u2018\u2019\u201a\u201b\u2032\u2039\u203a', to: "'" },
  // Curly, low and reversed double quotes, double prime, guillemets.
  { from: '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb', to: '"' },
  // Hyphen, non-breaking hyphen, figure, en, em and horizontal-bar dashes, minus sign.
  { from: '\u2010\u2011\u2012\u2013\u2014\u2015\u2212', to: '-' },
  { from: '\u2026', to: '...' },
  // No-break, en, em, figure, thin, hair, narrow no-break, medium mathematical, ideographic spaces.
  { from: '\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000', to: ' ' },
  // Invisible, yet each forces UCS-2: soft hyphen, zero-width space, word joiner, byte order mark.
  // Zero-width joiners stay: they hold emoji sequences together, and emoji are UCS-2 anyway.
  { from: '\u00ad\u200b\u2060\ufeff', to: '' },
] as const;

// Every source is a single BMP code unit, so a lookup by code unit finds them all.
const REPLACEMENT_BY_CODE_UNIT: ReadonlyMap<number, string> = new Map(
  TYPOGRAPHIC_REPLACEMENTS.flatMap(({ from, to }) => [...from].map((character) => [character.charCodeAt(0), to] as const)),
);

/**
 * Replaces typographic punctuation and special spaces with the plain GSM-7 characters that read
 * the same (`’` becomes `'`, `“` becomes `"`, `—` becomes `-`, `…` becomes `...`), and drops
 * invisible characters that would force UCS-2. Everything else is left as it is.
 */
export function replaceTypographic(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  for (let index = 0; index < text.length; index += 1) {
    const replacement = REPLACEMENT_BY_CODE_UNIT.get(text.charCodeAt(index));
    if (replacement === undefined) continue;
    result += text.slice(copiedUpTo, index) + replacement;
    copiedUpTo = index + 1;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

/** Whether {@link replaceTypographic} would change `text`. */
export function hasTypographicReplacements(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (REPLACEMENT_BY_CODE_UNIT.has(text.charCodeAt(index))) return true;
  }
  return false;
}
