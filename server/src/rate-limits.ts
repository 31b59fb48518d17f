import { createHash } from 'node:crypto';
import type { Caller } from './auth.js';
import type { RateLimitCounter } from './rate-limit-store.js';

/** What is limited: calls placed and SMS sent, each counted on its own. */
export const LIMITED_ACTIONS = ['calls', 'sms'] as const;
export type LimitedAction = (typeof LIMITED_ACTIONS)[number];

/** Who is counted: the caller (tenant + sub), the room (tenant + room), the destination (tenant + E.164). */
export const LIMIT_SCOPES = ['perUser', 'perRoom', 'perNumber'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

/** At most `max` attempts in a fixed window of `windowSeconds`, which starts at the first attempt. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

export type ActionLimits = Readonly<Record<LimitScope, RateLimit>>;

/** A tenant's limits: `{ calls: { perUser, perRoom, perNumber }, sms: { … } }`. */
export type Limits = Readonly<Record<LimitedAction, ActionLimits>>;

/** The longest window: 7 days, well inside what a timer (24.8 days) or a store's expiry can hold. */
export const MAX_WINDOW_SECONDS = 7 * 24 * 60 * 60;
const MAX_ATTEMPTS = 1_000_000;

const DEFAULT_ACTION_LIMITS: ActionLimits = Object.freeze({
  perUser: Object.freeze({ max: 10, windowSeconds: 60 }),
  perRoom: Object.freeze({ max: 30, windowSeconds: 60 }),
  perNumber: Object.freeze({ max: 3, windowSeconds: 600 }),
});

/** 10 a minute per user, 30 a minute per room, the same number at most 3 times in 10 minutes; for SMS the same. */
export const DEFAULT_LIMITS: Limits = Object.freeze({ calls: DEFAULT_ACTION_LIMITS, sms: DEFAULT_ACTION_LIMITS });

/**
 * A tenant's `limits` from its config: any action and any scope may be left out (the default's),
 * a scope given must have both `max` and `windowSeconds`, and an unknown key is an error rather
 * than a typo that silently keeps the default.
 */
export function parseLimits(value: unknown, fail: (what: string) => never): Limits {
  if (value === undefined) return DEFAULT_LIMITS;
  const limits = asObject(value, 'limits', fail);
  unknownKeys(limits, LIMITED_ACTIONS, 'limits', fail);
  const parsed = {} as Record<LimitedAction, ActionLimits>;
  for (const action of LIMITED_ACTIONS) {
    const given = limits[action];
    if (given === undefined) {
      parsed[action] = DEFAULT_LIMITS[action];
      continue;
    }
    const scopes = asObject(given, `limits.${action}`, fail);
    unknownKeys(scopes, LIMIT_SCOPES, `limits.${action}`, fail);
    const actionLimits = {} as Record<LimitScope, RateLimit>;
    for (const scope of LIMIT_SCOPES) {
      actionLimits[scope] = scopes[scope] === undefined ? DEFAULT_LIMITS[action][scope] : parseLimit(scopes[scope], `limits.${action}.${scope}`, fail);
    }
    parsed[action] = Object.freeze(actionLimits);
  }
  return Object.freeze(parsed);
}

function parseLimit(value: unknown, path: string, fail: (what: string) => never): RateLimit {
  const limit = asObject(value, path, fail);
  unknownKeys(limit, ['max', 'windowSeconds'], path, fail);
  const { max, windowSeconds } = limit;
  if (!Number.isInteger(max) || (max as number) < 1 || (max as number) > MAX_ATTEMPTS) fail(`${path}.max must be a whole number from 1 to ${MAX_ATTEMPTS}`);
  if (!Number.isInteger(windowSeconds) || (windowSeconds as number) < 1 || (windowSeconds as number) > MAX_WINDOW_SECONDS) {
    fail(`${path}.windowSeconds must be a whole number of seconds from 1 to ${MAX_WINDOW_SECONDS}`);
  }
  return Object.freeze({ max: max as number, windowSeconds: windowSeconds as number });
}

function asObject(value: unknown, path: string, fail: (what: string) => never): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${path} must be an object`);
  return value as Record<string, unknown>;
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], path: string, fail: (what: string) => never): void {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) fail(`${path} has unknown keys ${unknown.join(', ')} (expected ${known.join(', ')})`);
}

export type ScopedCounter = RateLimitCounter & { scope: LimitScope };

/** The audit log's word for a scope. */
export const SCOPE_REASONS: Readonly<Record<LimitScope, string>> = { perUser: 'per-user', perRoom: 'per-room', perNumber: 'per-number' };

/**
 * The counters one attempt draws on. The number enters its key only as a hash, so that a dump of
 * the store (or, later, of Redis) does not list whom a tenant called.
 */
export function countersFor(action: LimitedAction, caller: Caller, e164: string, limits: Limits): ScopedCounter[] {
  const scoped = (...parts: string[]): string => parts.join('\u0000');
  const subjects: Record<LimitScope, string> = {
    perUser: scoped(caller.tenant, caller.sub),
    perRoom: scoped(caller.tenant, caller.room),
    perNumber: scoped(caller.tenant, createHash('sha256').update(e164).digest('base64url')),
  };
  return LIMIT_SCOPES.map((scope) => ({ key: `${action}:${SCOPE_REASONS[scope]}:${subjects[scope]}`, scope, ...limits[action][scope] }));
}
