import type { DialCheck } from './dialable.js';

export type PhoneRules = typeof import('./rules.js');

let loading: Promise<PhoneRules> | undefined;

/** The phone rules and country data, fetched once, on first use. */
export function loadPhoneRules(): Promise<PhoneRules> {
  loading ??= import('./rules.js');
  return loading;
}

/**
 * The check the elements make before dialling, for hosts that want the same answers: loads the
 * phone rules for `allowedCountries`, and every country's data to name the country of a refused
 * number. `country` is the one a national number is read in.
 */
export async function loadDialCheck(allowedCountries: readonly string[]): Promise<(input: string, country?: string) => DialCheck> {
  const rules = await loadPhoneRules();
  const [engine, { countryFromDigits }] = await Promise.all([rules.loadEngine(allowedCountries), rules.loadAllCountries()]);
  return (input, country) => rules.checkDialable(input, { allowedCountries, country, engine, countryOfUnknown: countryFromDigits });
}
