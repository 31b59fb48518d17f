import { readFile } from 'node:fs/promises';
import { DEFAULT_LIMITS, parseLimits, type Limits } from './rate-limits.js';

/** What one customer bought. */
export interface Tenant {
  dialOut: boolean;
  sms: boolean;
  /** ISO 3166-1 alpha-2 codes that may be called and texted. */
  countries: string[];
  /** How many calls and SMS per user, per room and per number (`rate-limits.ts`). Default: `DEFAULT_LIMITS`. */
  limits?: Limits;
}

/** Finds a tenant's entitlements; `undefined` for a tenant the server does not know (403 not-entitled). */
export type Tenants = (tenant: string) => Tenant | undefined;

/** Without a tenants file, every tenant may dial out and text the United States and Canada, within the default limits. */
export const DEFAULT_TENANT: Tenant = Object.freeze({ dialOut: true, sms: true, countries: Object.freeze(['US', 'CA']) as string[], limits: DEFAULT_LIMITS });

export const everyTenant: Tenants = () => DEFAULT_TENANT;

/**
 * Tenants from a config object: `{ "<tenant id>": { "dialOut": true, "sms": false, "countries": ["US"],
 * "limits": { "calls": { "perNumber": { "max": 5, "windowSeconds": 600 } } } } }`.
 * A tenant that leaves a field out gets the default's (in `limits`, per action and per scope).
 * Unknown tenants are refused.
 */
export function tenantsFrom(config: unknown): Tenants {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new TypeError('The tenants config must be an object keyed by tenant id');
  const tenants = new Map<string, Tenant>();
  for (const [id, value] of Object.entries(config)) tenants.set(id, parseTenant(id, value));
  return (tenant) => tenants.get(tenant);
}

/** Reads a tenants file (`INVITE_TENANTS`). */
export async function loadTenantsFile(path: string): Promise<Tenants> {
  return tenantsFrom(JSON.parse(await readFile(path, 'utf8')));
}

function parseTenant(id: string, value: unknown): Tenant {
  const fail = (what: string): never => {
    throw new TypeError(`Tenant ${JSON.stringify(id)}: ${what}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('must be an object');
  const { dialOut = DEFAULT_TENANT.dialOut, sms = DEFAULT_TENANT.sms, countries = DEFAULT_TENANT.countries, limits } = value as Record<string, unknown>;
  if (typeof dialOut !== 'boolean') fail('dialOut must be a boolean');
  if (typeof sms !== 'boolean') fail('sms must be a boolean');
  if (!Array.isArray(countries) || !countries.every((code) => typeof code === 'string' && /^[A-Za-z]{2}$/.test(code))) {
    fail('countries must be a list of ISO 3166-1 alpha-2 codes');
  }
  return Object.freeze({
    dialOut: dialOut as boolean,
    sms: sms as boolean,
    countries: (countries as string[]).map((code) => code.toUpperCase()),
    limits: parseLimits(limits, fail),
  });
}
