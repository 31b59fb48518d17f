import type { PhoneEngine } from './engine.js';
import { METADATA_US_CA_COUNTRIES } from './metadata-us-ca.js';
import { nanp } from './nanp.js';

/**
 * The smallest phone rules that cover every country in `countries`: the bundled North American
 * ones for the United States and Canada, or libphonenumber-js with its complete metadata,
 * fetched when a host allows more (the browser keeps the module once loaded).
 */
export function loadEngine(countries: readonly string[]): PhoneEngine | Promise<PhoneEngine> {
  if (countries.every((country) => METADATA_US_CA_COUNTRIES.includes(country.toUpperCase()))) return nanp;
  return import('./libphonenumber.js').then((module) => module.libphonenumber);
}

