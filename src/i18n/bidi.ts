/**
 * Isolates a left-to-right run (a phone number, a calling code) inside a sentence, so that a
 * right-to-left page neither reorders its characters nor lets it reorder the sentence.
 */
export function ltr(text: string): string {
  return `\u2066${text}\u2069`;
}
