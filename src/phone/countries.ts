import allCountries from 'intl-tel-input/data';
import type { CountryData } from './country-data.js';

/** A country of the complete data, with what tells it apart within a shared calling code. */
export interface FullCountryData extends CountryData {
  /** Order among countries sharing a calling code: 0 is the main one. */
  priority: number;
  /** Leading national digits (area codes) that belong to this country within a shared calling code. */
  areaCodes: readonly string[];
}

let countries: readonly FullCountryData[] | undefined;

/** Every country of the data set, in its own order. Built once, on first use. */
export function getCountries(): readonly FullCountryData[] {
  if (!countries) {
    // The sprite holds the flags in alphabetical order of their codes.
    const sprite = allCountries.map((country) => country.iso2).sort();
    countries = allCountries.map((country) => ({
      code: country.iso2.toUpperCase(),
      dialCode: country.dialCode,
      priority: country.priority,
      areaCodes: country.areaCodes ?? [],
      flag: sprite.indexOf(country.iso2),
    }));
  }
  return countries;
}

/**
 * Names the country of an international number (the digits after `+`) from its calling code
 * and, within a shared code such as North America's `+1`, its area code. Returns undefined
 * where the data cannot tell.
 */
export function countryFromDigits(digits: string): string | undefined {
  for (let length = 3; length >= 1; length -= 1) {
    const dialCode = digits.slice(0, length);
    const sharing = getCountries().filter((country) => country.dialCode === dialCode);
    if (sharing.length === 0) continue;
    const national = digits.slice(length);
    const byArea = sharing.find((country) => country.areaCodes.some((area) => national.startsWith(area)));
    if (byArea) return byArea.code;
    // Within a shared plan the others list their area codes; the main one takes the rest.
    return sharing.find((country) => country.priority === 0)?.code;
  }
  return undefined;
}
