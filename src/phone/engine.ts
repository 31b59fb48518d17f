/**
 * What the elements need from a set of phone numbering rules. Two sets implement it: the
 * North American plan bundled for the United States and Canada (`nanp.ts`), and
 * libphonenumber-js with its complete metadata, loaded only when a host allows other countries.
 */

/** Why a number cannot be read at all. */
export type ParseFailure = 'too-short' | 'too-long' | 'invalid-number' | 'country-not-allowed';

export interface ParsedNumber {
  /** ASCII E.164, for example `+12015550123`. */
  number: string;
  /** The country the digits belong to; for a national number that belongs to none, the one it was read in. */
  country: string | undefined;
  /** The number's type in libphonenumber's terms (`FIXED_LINE_OR_MOBILE`, `PREMIUM_RATE`…) when it is valid. */
  type: string | undefined;
  /** Why it is not a valid number, when it is not. */
  invalid?: 'too-short' | 'too-long' | 'invalid-number';
}

export interface TypedNumber {
  /** The digits formatted for display, as far as they go. */
  text: string;
  /** The country the digits tell, once they tell. */
  country: string | undefined;
}

export interface PhoneEngine {
  /** Reads digits (after the `+` when `international`), nationally in `country` otherwise. */
  parse(digits: string, international: boolean, country: string | undefined): ParsedNumber | ParseFailure;
  /** Formats digits that are still being typed. */
  asYouType(digits: string, international: boolean, country: string | undefined): TypedNumber;
  /** An E.164 number in its country's international style, or as given. */
  formatInternational(e164: string): string;
}
