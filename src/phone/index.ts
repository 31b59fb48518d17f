export { normalizePhoneInput, countDigits, MAX_INPUT_LENGTH } from './normalize.js';
export type { NormalizedInput, NormalizeFailure } from './normalize.js';
export { checkDialable, REFUSAL_REASONS } from './dialable.js';
export type { DialCheck, Dialable, Refusal, RefusalReason, DialOptions } from './dialable.js';
export { formatAsYouType, caretAfterDigits } from './format.js';
export type { Formatted } from './format.js';
export { getCountries, findCountry, countryFromDigits } from './countries.js';
export type { CountryData } from './countries.js';
export { loadMetadata } from './metadata.js';
