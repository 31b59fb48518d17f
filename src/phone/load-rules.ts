// Loaded with the elements: whatever this file imports, other than types, every page that imports
// the package fetches. So it reaches the phone rules (rules.ts) only through `import()`.
import type { DialCheck } from './dialable.js';

export type PhoneRules = typeof import('./rules.js');

/**
 * The phone rules and the bundled country rows, fetched on first use. The browser keeps a module
 * it has loaded: later calls cost nothing.
 */
export function loadPhoneRules(): Promise<PhoneRules> {
  return import('./rules.js');
}

/**
 * The check the elements make before dialling, for hosts that want the same answers: loads the
 * phone rules for `allowedCountries`, and every country's data to name the country of a refused
 * number. `country` is the one a national number is read in.
 */
export async function loadDialCheck(countries: readonly string[]): Promise<(input: string, country?: string) => DialCheck> {
  const allowedCountries = countries.map((code) => code.toUpperCase());
  const rules = await loadPhoneRules();
  const [engine, { countryFromDigits }] = await Promise.all([rules.loadEngine(allowedCountries), rules.loadAllCountries()]);
  return (input, country) => rules.checkDialable(input, { allowedCountries, country, engine, countryOfUnknown: countryFromDigits });
}
