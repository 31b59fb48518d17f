import type { PhoneEngine } from './engine.js';
import { normalizePhoneInput } from './normalize.js';
import type { RefusalReason } from './refusals.js';

export interface Dialable {
  ok: true;
  /** ASCII E.164, for example `+12015550123`. */
  e164: string;
  /** The country the number belongs to, as told by its digits. */
  country: string;
}

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  /** The country the number belongs to, when known (for `country-not-allowed`). */
  country?: string;
  /** For a number still being typed (`too-short`): how many digits a whole number has. */
  needs?: number;
}

export type DialCheck = Dialable | Refusal;

export interface DialOptions {
  /** The country chosen in the picker: how a national number is read. */
  country?: string | undefined;
  /** ISO 3166-1 alpha-2 codes of the countries that may be called. */
  allowedCountries: readonly string[];
  /** Phone rules that cover at least the allowed countries (`loadEngine()`). */
  engine: PhoneEngine;
  /**
   * Finds the country of an international number (digits after the `+`) that `engine` does
   * not place. Lets the small bundled rules still name the country of a refused number.
   */
  countryOfUnknown?: (digits: string) => string | undefined;
}

/** Emergency numbers of the allowed region and the common international ones. */
const EMERGENCY = new Set(['911', '112', '999', '000', '110', '119', '100', '101', '102', '108', '118']);
/** Numbers that must never be dialled out, whatever the country says about them. */
const REFUSED_TYPES: Partial<Record<string, RefusalReason>> = {
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  VOICEMAIL: 'voicemail',
};
/** The longest run of digits treated as a short code rather than a subscriber number. */
const SHORT_CODE_MAX_DIGITS = 6;

function refuse(reason: RefusalReason, country?: string): Refusal {
  return country ? { ok: false, reason, country } : { ok: false, reason };
}

/** Service numbers too short to be a subscriber number: emergency, N11 and short codes. */
function classifyShort(national: string): RefusalReason | undefined {
  if (national.length > SHORT_CODE_MAX_DIGITS) return undefined;
  if (EMERGENCY.has(national)) return 'emergency';
  if (/^[2-9]11$/.test(national)) return 'n11';
  if (national.length >= 3) return 'short-code';
  return undefined;
}

/** A North American number has 10 digits after the calling code 1. */
const NANP_DIGITS = 10;

/**
 * A North American number still being typed (`(201) 555` read in the United States or Canada,
 * `+1 201 555`): not refused, but told what it lacks. Short service numbers (911, 411) stay refused
 * as what they are.
 */
export function incomplete(input: string, country: string | undefined): Refusal | undefined {
  const normalized = normalizePhoneInput(input);
  if (typeof normalized === 'string' || !normalized.digits) return undefined;
  const { international, digits } = normalized;
  const northAmerican = international ? digits.startsWith('1') : country === 'US' || country === 'CA';
  const national = international || (digits.length > 3 && digits.startsWith('1')) ? digits.slice(1) : digits;
  const service = classifyShort(national);
  if (!northAmerican || national.length >= NANP_DIGITS || service === 'emergency' || service === 'n11') return undefined;
  return { ok: false, reason: 'too-short', needs: NANP_DIGITS };
}

/**
 * Decides whether `input` may be dialled. Returns the number in E.164, or the reason it may not.
 * Never throws, and refuses over-long input before doing any other work.
 */
export function checkDialable(input: string, options: DialOptions): DialCheck {
  const { engine, allowedCountries } = options;
  const country = options.country?.toUpperCase();
  const normalized = normalizePhoneInput(input);
  if (typeof normalized === 'string') return refuse(normalized);
  const { international, digits } = normalized;
  if (!digits) return refuse(international ? 'too-short' : 'empty');
  if (!international && !country) return refuse('country-required');

  // Short service numbers, also written with the North American national prefix 1 (1-911).
  const national = !international && digits.length > 3 && digits.startsWith('1') ? digits.slice(1) : digits;
  const short = classifyShort(international ? digits.slice(1) : national) ?? classifyShort(digits);
  if (short && digits.length <= SHORT_CODE_MAX_DIGITS + 1) return refuse(short);

  const phone = engine.parse(digits, international, country);
  if (typeof phone === 'string') {
    const owner = phone === 'country-not-allowed' && international ? options.countryOfUnknown?.(digits) : undefined;
    return refuse(phone, owner);
  }

  const owner = phone.country ?? options.countryOfUnknown?.(phone.number.slice(1));
  if (owner && !allowedCountries.includes(owner)) return refuse('country-not-allowed', owner);
  if (phone.invalid) return refuse(phone.invalid);
  if (!phone.country || !allowedCountries.includes(phone.country)) return refuse('country-not-allowed', owner);

  const refusedType = REFUSED_TYPES[phone.type ?? ''];
  if (refusedType) return refuse(refusedType, phone.country);
  return { ok: true, e164: phone.number, country: phone.country };
}
