/**
 * Everything that reads phone numbers or intl-tel-input's data, in one module that the
 * elements load when first used (`loadPhoneRules()`), not when the page imports them.
 */
export { checkDialable } from './dialable.js';
export { formatAsYouType } from './format.js';
export { countDigits } from './normalize.js';
export { countriesFor, loadAllCountries } from './country-data.js';
export { loadEngine } from './engines.js';
