import type { MetadataJson } from 'libphonenumber-js/core';
import { METADATA_US_CA, METADATA_US_CA_COUNTRIES } from './metadata-us-ca.js';

let full: Promise<MetadataJson> | undefined;

/**
 * The smallest metadata that validates every country in `countries`: the bundled United States
 * and Canada set, or libphonenumber-js's complete "max" set, fetched once when a host allows more.
 */
export function loadMetadata(countries: readonly string[]): MetadataJson | Promise<MetadataJson> {
  if (countries.every((country) => METADATA_US_CA_COUNTRIES.includes(country.toUpperCase()))) {
    return METADATA_US_CA;
  }
  full ??= import('libphonenumber-js/max/metadata').then((module) => module.default as MetadataJson);
  return full;
}
