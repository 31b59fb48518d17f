import { COUNTRIES_US_CA } from './countries-us-ca.js';
import type { CountryData } from './country-data.js';
import { onlyBundled } from './load-engine.js';

/** Every country's data, fetched when first needed (the browser keeps the module once loaded). */
export function loadAllCountries(): Promise<typeof import('./countries.js')> {
  return import('./countries.js');
}

/**
 * Country data that covers every country in `countries`: the bundled rows for the United States
 * and Canada, or every country's, fetched when a host allows more.
 */
export function countriesFor(countries: readonly string[]): readonly CountryData[] | Promise<readonly CountryData[]> {
  if (onlyBundled(countries)) return COUNTRIES_US_CA;
  return loadAllCountries().then((module) => module.getCountries());
}
