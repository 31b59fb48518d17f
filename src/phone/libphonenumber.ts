import {
  AsYouType,
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';
import type { ParsedNumber, ParseFailure, PhoneEngine } from './engine.js';

/**
 * libphonenumber-js with its complete ("max") metadata: every country, loaded only when a host
 * allows countries beyond the United States and Canada.
 */
export function createLibphonenumberEngine(json: MetadataJson = metadata as MetadataJson): PhoneEngine {
  const failures: Partial<Record<string, ParseFailure>> = {
    TOO_SHORT: 'too-short',
    TOO_LONG: 'too-long',
    // A calling code that the metadata does not cover belongs to no allowed country.
    INVALID_COUNTRY: 'country-not-allowed',
  };
  return {
    parse(digits, international, country) {
      const options = country ? { defaultCountry: country as CountryCode } : {};
      try {
        const phone = parsePhoneNumberWithError(international ? `+${digits}` : digits, options, json);
        const parsed: ParsedNumber = { number: phone.number, country: phone.country, type: phone.getType() };
        if (!phone.isValid()) {
          const length = validatePhoneNumberLength(phone.number, {}, json);
          parsed.type = undefined;
          parsed.invalid = length === 'TOO_SHORT' ? 'too-short' : length === 'TOO_LONG' ? 'too-long' : 'invalid-number';
        }
        return parsed;
      } catch (error) {
        return (error instanceof ParseError && failures[error.message]) || 'invalid-number';
      }
    },
    asYouType(digits, international, country) {
      const formatter = new AsYouType(international ? undefined : (country as CountryCode | undefined), json);
      const text = formatter.input(international ? `+${digits}` : digits);
      return { text, country: formatter.getCountry() };
    },
    formatInternational(e164) {
      try {
        return parsePhoneNumberWithError(e164, json).formatInternational();
      } catch {
        return e164;
      }
    },
  };
}

/** The complete rules, made once, when a host first allows a country beyond the bundled ones. */
export const libphonenumber = createLibphonenumberEngine();
