import type { ParsedNumber, ParseFailure, PhoneEngine, TypedNumber } from './engine.js';
import { METADATA_US_CA } from './metadata-us-ca.js';

/**
 * The North American Numbering Plan (+1) for the countries of the bundled metadata, read the
 * way libphonenumber-js reads it: national prefix `1`, number types, possible lengths and
 * formats. About a kilobyte gzipped instead of libphonenumber-js's parser and as-you-type
 * formatter (sixteen); the tests hold its answers to libphonenumber-js's own.
 */

/** libphonenumber-js's compressed country entry: the fields this plan uses. */
type Type = [pattern: string, lengths?: number[]] | 0 | undefined;
type Format = [pattern: string, national: string, leading: string[], prefixRule?: 0, optional?: 1, international?: string];
type Country = [code: string, idd: string, pattern: string, lengths: number[], formats: Format[] | 0, ...rest: unknown[]];

const COUNTRIES = METADATA_US_CA.countries as unknown as Record<string, Country>;
/** Countries of the plan, main one first: the order in which a number's owner is looked for. */
const PLAN = METADATA_US_CA.country_calling_codes['1'] as string[];
const MAIN = COUNTRIES[PLAN[0] as string] as Country;
const FORMATS = MAIN[4] as Format[];
const PREFIX = '1';
/** Type names by their place in the metadata, and the order libphonenumber-js tries them in. */
const TYPE_NAMES = ['FIXED_LINE', 'MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'PERSONAL_NUMBER', 'VOICEMAIL', 'UAN', 'PAGER', 'VOIP', 'SHARED_COST'];
const TYPE_ORDER = [1, 3, 2, 9, 8, 4, 7, 6, 5];
/** libphonenumber's bounds on a national significant number. */
const MIN_NATIONAL = 2;
const MAX_NATIONAL = 17;

const patterns = new Map<string, RegExp>();
function matches(text: string, pattern: string, whole = true): boolean {
  const key = (whole ? '=' : '^') + pattern;
  let regexp = patterns.get(key);
  if (!regexp) patterns.set(key, (regexp = new RegExp(`^(?:${pattern})${whole ? '$' : ''}`)));
  return regexp.test(text);
}

function typeMatches(national: string, country: Country, index: number): boolean {
  const type = (country[11] as Type[] | undefined)?.[index];
  return !!type && !!type[0] && (type[1] ?? country[3]).includes(national.length) && matches(national, type[0]);
}

/** The type of a national number in `country`, or undefined when it is not a valid number there. */
function typeOf(national: string, country: Country): string | undefined {
  if (!matches(national, country[2])) return undefined;
  if (typeMatches(national, country, 0)) {
    const mobile = (country[11] as Type[])[1];
    return !mobile || mobile[0] === '' || typeMatches(national, country, 1) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  const index = TYPE_ORDER.find((candidate) => typeMatches(national, country, candidate));
  return index === undefined ? undefined : TYPE_NAMES[index];
}

/** The country of the plan a national number is valid in. */
function ownerOf(national: string): string | undefined {
  return PLAN.find((code) => typeOf(national, COUNTRIES[code] as Country) !== undefined);
}

type Length = 'possible' | 'too-short' | 'too-long' | 'invalid-length';
function lengthOf(national: string, country: Country): Length {
  const lengths = country[3];
  const length = national.length;
  if (lengths.includes(length)) return 'possible';
  return length < (lengths[0] as number) ? 'too-short' : length > (lengths.at(-1) as number) ? 'too-long' : 'invalid-length';
}

/** Drops the national prefix unless what is left could not be a complete number. */
function dropPrefix(number: string, country: Country): string {
  if (!number.startsWith(PREFIX)) return number;
  const rest = number.slice(PREFIX.length);
  if (matches(number, country[2]) && !matches(rest, country[2])) return number;
  const owner = ownerOf(rest);
  const length = lengthOf(rest, owner ? (COUNTRIES[owner] as Country) : country);
  return length === 'too-short' || length === 'invalid-length' ? number : rest;
}

/**
 * Whether national digits start with the calling code typed without `+` (`1 1 201…` for +1 201…):
 * they are too long otherwise or, when `byPattern`, they match the plan only without it.
 */
function startsWithCallingCode(digits: string, country: Country, byPattern: boolean): boolean {
  if (!digits.startsWith('1')) return false;
  const national = dropPrefix(digits, country);
  if (lengthOf(national, country) === 'too-long') return true;
  return byPattern && !matches(national, country[2]) && matches(dropPrefix(digits.slice(1), country), country[2]);
}

function parse(digits: string, international: boolean, code: string | undefined): ParsedNumber | ParseFailure {
  if (international && !digits.startsWith('1')) return digits.length < 3 ? 'too-short' : 'country-not-allowed';
  let country = international ? MAIN : COUNTRIES[code ?? ''];
  if (!country) return 'country-not-allowed';
  let owner = international ? undefined : code;
  let number = digits;
  if (international || startsWithCallingCode(digits, country, true)) {
    number = digits.slice(1);
    country = MAIN;
    owner = undefined;
  }
  if (!number) return 'too-short';
  const national = dropPrefix(number, country);
  if (national.length < MIN_NATIONAL) return 'too-short';
  if (national.length > MAX_NATIONAL) return 'too-long';
  owner = ownerOf(national) ?? owner;
  const type = typeOf(national, COUNTRIES[owner ?? ''] ?? MAIN);
  const parsed: ParsedNumber = { number: `+1${national}`, country: owner, type };
  if (!type) {
    // Judged as libphonenumber-js does: from the E.164 form read again, in the country its digits tell.
    const again = dropPrefix(national, MAIN);
    const length = lengthOf(again, COUNTRIES[ownerOf(again) ?? ''] ?? MAIN);
    parsed.invalid = length === 'too-short' || length === 'too-long' ? length : 'invalid-number';
  }
  return parsed;
}

/** A format's digit groups as runs of x: `(\d{3})(\d{4})` gives `xxx`, `xxxx`. */
function groupsOf(pattern: string): string[] {
  return [...pattern.matchAll(/\\d\{(\d+)\}/g)].map(([, size]) => 'x'.repeat(Number(size)));
}

/** The format for `national`: the first whose leading digits match and whose groups can hold it. */
function formatFor(national: string): Format | undefined {
  return FORMATS.find(
    ([pattern, , leading]) => national.length <= groupsOf(pattern).join('').length && matches(national, leading.at(-1) ?? '', false),
  );
}

/**
 * Lays `national` into the format's template (`($1) $2-$3` with groups of x's), stops after its
 * last digit and closes a parenthesis left open.
 */
function layOut(national: string, format: Format, international: boolean): string {
  const groups = groupsOf(format[0]);
  let template = (international ? (format[5] ?? format[1]) : format[1]).replace(/\$(\d)/g, (_, group: string) => groups[Number(group) - 1] ?? '');
  if (international) template = template.replace(/[-().\/\s]+/g, ' ').trim();
  let index = 0;
  let text = '';
  for (const char of template) {
    if (index === national.length) break;
    text += char === 'x' ? national[index++] : char;
  }
  return text.includes('(') && !text.includes(')') ? `${text})` : text;
}

/** A national number typed so far, in the national or international template. */
function layOutTyped(national: string, international: boolean): string {
  const format = national.length >= 3 ? formatFor(national) : undefined;
  return format ? layOut(national, format, international) : national;
}

/** Digits after a calling code: a national prefix before an area code stands apart (`1 213…`). */
function afterCallingCode(rest: string): string {
  const prefixed = /^1[2-9]/.test(rest) && lengthOf(rest.slice(1), MAIN) !== 'too-long';
  return prefixed ? `1 ${layOutTyped(rest.slice(1), true)}` : layOutTyped(rest, true);
}

function asYouType(digits: string, international: boolean, code: string | undefined): TypedNumber {
  const country = COUNTRIES[code ?? ''];
  if (international) {
    if (!digits.startsWith('1')) return { text: `+${digits}`, country: undefined };
    const rest = digits.slice(1);
    return { text: rest ? `+1 ${afterCallingCode(rest)}` : '+1', country: ownerOf(dropPrefix(rest, MAIN)) };
  }
  if (!country) return { text: digits, country: undefined };
  let text = layOutTyped(digits, false);
  // While typing, a lone 1 is the national prefix unless another 1 follows it.
  if (startsWithCallingCode(digits, country, digits[1] === '1')) text = `1 ${afterCallingCode(digits.slice(1))}`;
  else if (/^1(?:[2-9]|$)/.test(digits)) text = digits.length > 1 ? `1 ${layOutTyped(digits.slice(1), false)}` : digits;
  return { text, country: code };
}

function formatInternational(e164: string): string {
  const national = e164.slice(2);
  const format = e164.startsWith('+1') ? formatFor(national) : undefined;
  return format ? `+1 ${layOut(national, format, true)}` : e164;
}

/** The bundled rules for the United States and Canada. */
export const nanp: PhoneEngine = { parse, asYouType, formatInternational };
