import type { PhoneEngine } from './engine.js';
import { countDigits, normalizePhoneInput } from './normalize.js';

export interface Formatted {
  /** The text to show in the field. */
  text: string;
  /** Where the caret goes: after as many digits as were before it in the input. */
  caret: number;
  /** The country the typed digits belong to, once they tell (for a number typed with `+`). */
  country: string | undefined;
}

/** The index in `text` just after its `digitCount`-th digit (0 puts it before the first digit). */
export function caretAfterDigits(text: string, digitCount: number): number {
  if (digitCount <= 0) {
    const plus = text.indexOf('+');
    return plus === -1 ? 0 : plus + 1;
  }
  let seen = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (/\d/.test(text[index] ?? '')) seen += 1;
    if (seen === digitCount) return index + 1;
  }
  return text.length;
}

/**
 * Formats a number as it is typed, in the chosen country's style (or international style for
 * a number that starts with `+`), and keeps the caret beside the same digit. Text that is not
 * a phone number is left as the person typed it.
 */
export function formatAsYouType(
  input: string,
  caret: number,
  country: string | undefined,
  engine: PhoneEngine,
): Formatted {
  const normalized = normalizePhoneInput(input);
  if (typeof normalized === 'string') return { text: input, caret, country: undefined };
  const { international, digits } = normalized;
  if (!digits) return { text: input, caret, country: undefined };

  const typed = engine.asYouType(digits, international, country?.toUpperCase());
  // Rules that cannot lay the number out (a calling code they do not cover) give its bare digits:
  // the person's own spacing reads better.
  if (typed.text.replace('+', '') === digits) return { text: input, caret, country: typed.country };
  // Digits of an international prefix typed as 00 or 011 are not shown again.
  const dropped = international && !/^\s*[+\uff0b]/.test(input) ? countDigits(input) - digits.length : 0;
  const digitsBeforeCaret = Math.max(0, countDigits(input, caret) - dropped);
  return { text: typed.text, caret: caretAfterDigits(typed.text, digitsBeforeCaret), country: typed.country };
}
