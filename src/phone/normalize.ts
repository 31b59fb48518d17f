/**
 * Turns what a person typed or pasted into plain ASCII digits, keeping only what matters for
 * dialling: whether the number was written in international form, and its digits.
 */

/** Longest input looked at. Anything longer is refused before any other work is done. */
export const MAX_INPUT_LENGTH = 128;

export interface NormalizedInput {
  /** The number was written with `+`, `00` or `011` in front. */
  international: boolean;
  /** ASCII digits only, without the international prefix. */
  digits: string;
}

export type NormalizeFailure = 'input-too-long' | 'invalid-characters';

/**
 * The zero of each decimal digit script accepted: ASCII, Arabic-Indic, Persian (Extended
 * Arabic-Indic), Devanagari, Bengali, Thai, Myanmar, Khmer, Mongolian, and fullwidth forms.
 * Each script's digits are ten consecutive code points.
 */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1040, 0x17e0, 0x1810, 0xff10];

/** Marks that change how text is displayed but carry no content: bidi controls, zero-width characters. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/g;

/**
 * Separators people put between digit groups: any space (including no-break and thin spaces),
 * any dash or hyphen (Unicode `Pd`), the minus sign, dots, parentheses, slashes, and their
 * fullwidth forms.
 */
const SEPARATORS = /[\s\p{Pd}\u2212.\u3002\uff0e()\uff08\uff09[\]/\uff0f\\]/gu;

function toAsciiDigit(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return String(code - zero);
  }
  return undefined;
}

/** Strips a `tel:` URI down to its number, dropping parameters such as `;ext=` or `;phone-context=`. */
function stripTelUri(text: string): string {
  if (!/^tel:/i.test(text)) return text;
  const number = text.slice(4).split(';', 1)[0] ?? '';
  try {
    return decodeURIComponent(number);
  } catch {
    return number;
  }
}

export function normalizePhoneInput(raw: string): NormalizedInput | NormalizeFailure {
  if (raw.length > MAX_INPUT_LENGTH) return 'input-too-long';
  const text = stripTelUri(raw.replace(INVISIBLE, '').trim()).replace(SEPARATORS, '');

  let digits = '';
  let plus = false;
  for (const char of text) {
    if (char === '+' || char === '\uff0b') {
      // A plus counts only in front of every digit.
      if (plus || digits) return 'invalid-characters';
      plus = true;
      continue;
    }
    const digit = toAsciiDigit(char);
    if (digit === undefined) return 'invalid-characters';
    digits += digit;
  }

  if (plus) return { international: true, digits };
  // `00` (most of the world) and `011` (North America) are the international call prefixes.
  if (digits.startsWith('011')) return { international: true, digits: digits.slice(3) };
  if (digits.startsWith('00')) return { international: true, digits: digits.slice(2) };
  return { international: false, digits };
}

/** Counts the digits, in any accepted script, in `text` before `index`. */
export function countDigits(text: string, index = text.length): number {
  let count = 0;
  for (const char of text.slice(0, index)) {
    if (toAsciiDigit(char) !== undefined) count += 1;
  }
  return count;
}
