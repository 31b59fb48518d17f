import allCountries from 'intl-tel-input/data';

/** A country that has its own flag and calling code, as intl-tel-input's data lists it. */
export interface CountryData {
  /** ISO 3166-1 alpha-2, upper case (`US`). */
  code: string;
  /** The calling code, without `+` (`1`). */
  dialCode: string;
  /** Order among countries sharing a calling code: 0 is the main one. */
  priority: number;
  /** Leading national digits (area codes) that belong to this country within a shared calling code. */
  areaCodes: readonly string[];
}

let countries: readonly CountryData[] | undefined;

/** Every country of the data set, in its own order. Built once, on first use. */
export function getCountries(): readonly CountryData[] {
  countries ??= allCountries.map((country) => ({
    code: country.iso2.toUpperCase(),
    dialCode: country.dialCode,
    priority: country.priority,
    areaCodes: country.areaCodes ?? [],
  }));
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
