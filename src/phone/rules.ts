/**
 * Everything that needs libphonenumber-js or intl-tel-input's data, in one module that the
 * elements load when first used (`loadPhoneRules()`), not when the page imports them.
 */
export { checkDialable } from './dialable.js';
export { formatAsYouType, formatInternational } from './format.js';
export { countryFromDigits, getCountries } from './countries.js';
export { loadMetadata } from './metadata.js';
