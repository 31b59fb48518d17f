import type { PhoneEngine } from './engine.js';
import { METADATA_US_CA_COUNTRIES } from './metadata-us-ca.js';
import { nanp } from './nanp.js';

/**
 * Every country in `countries` is one the package bundles rules and country rows for. The country
 * rows ask this too, so that a picker and a phone field never disagree on what to fetch.
 */
export function onlyBundled(countries: readonly string[]): boolean {
  return countries.every((country) => METADATA_US_CA_COUNTRIES.includes(country.toUpperCase()));
}

/**
 * The smallest phone rules that cover every country in `countries`: the bundled North American
 * ones for the United States and Canada, or libphonenumber-js with its complete metadata,
 * fetched when a host allows more (the browser keeps the module once loaded).
 */
export function loadEngine(countries: readonly string[]): PhoneEngine | Promise<PhoneEngine> {
  if (onlyBundled(countries)) return nanp;
  return import('./libphonenumber.js').then((module) => module.libphonenumber);
}
