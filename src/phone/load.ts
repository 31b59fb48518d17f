export type PhoneRules = typeof import('./rules.js');

let loading: Promise<PhoneRules> | undefined;

/** The phone rules and country data, fetched once, on first use. */
export function loadPhoneRules(): Promise<PhoneRules> {
  loading ??= import('./rules.js');
  return loading;
}
