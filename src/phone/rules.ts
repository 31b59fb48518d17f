/**
 * Everything that reads phone numbers, with the rules and country rows for the United States and
 * Canada, in one module that the elements load when first used (`loadPhoneRules()`), not when the
 * page imports them. Rules and data for other countries load from here when a page needs them.
 */
export { checkDialable } from './dialable.js';
export { formatAsYouType } from './format.js';
export { countDigits } from './normalize.js';
export { countriesFor, loadAllCountries } from './country-data.js';
export { loadEngine } from './engines.js';
