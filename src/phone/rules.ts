/**
 * The phone rules: everything that reads, checks and formats numbers, with the rules and country
 * rows for the United States and Canada. Only `load-rules.ts` imports it, and only with `import()`,
 * so that it is one chunk a page fetches when a phone field or picker is first used, not when the
 * page imports the elements. Whatever is exported here is that chunk's API; add a static import
 * of it anywhere and it moves into the import-time bundle. Rules and data for other countries
 * load from here, later still, when a host allows those countries.
 */
export { checkDialable, incomplete } from './dialable.js';
export { formatAsYouType } from './format.js';
export { countDigits } from './normalize.js';
export { countriesFor, loadAllCountries } from './load-countries.js';
export { loadEngine } from './load-engine.js';
