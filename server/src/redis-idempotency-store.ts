import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { IDEMPOTENCY_TTL_MS, type Claim, type IdempotencyStore, type StoredResponse } from './idempotency.js';

/**
 * KEYS: the key's hash; ARGV: the request's fingerprint, this claim's token, how long a claim may
 * stay unanswered. Returns `{ 'new' }`, `{ 'replay', response }`, `{ 'mismatch' }` or
 * `{ 'in-progress' }`, as one step, so that two processes never both run one request.
 */
const CLAIM = `
local held = redis.call('HMGET', KEYS[1], 'fingerprint', 'response')
if held[1] then
  if held[1] ~= ARGV[1] then return {'mismatch'} end
  if held[2] then return {'replay', held[2]} end
  return {'in-progress'}
end
redis.call('HSET', KEYS[1], 'fingerprint', ARGV[1], 'token', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {'new'}
`;

/** KEYS: the key's hash; ARGV: the claim's token, then the response and its TTL, or nothing to release. */
const SETTLE = `
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
if ARGV[2] then
  redis.call('HSET', KEYS[1], 'response', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
else
  redis.call('DEL', KEYS[1])
end
return 1
`;

interface Commands {
  inviteIdempotencyClaim(numberOfKeys: 1, key: string, fingerprint: string, token: string, pendingMs: number): Promise<string[]>;
  inviteIdempotencySettle(numberOfKeys: 1, key: string, token: string, ...response: [] | [string, number]): Promise<number>;
}

export interface RedisIdempotencyStoreOptions {
  /** Put before every key. Default `invite:`. */
  keyPrefix?: string;
  /** How long an answered key is remembered. Default 24 h, the least the contract promises. */
  ttlMs?: number;
  /**
   * How long a claimed key stays "in progress" without an answer: the most a retry waits when the
   * process that took the request died before answering. Keep it well over the time a request can
   * take (`createRedisStores` times each Redis command out after 5 s). Default 60 s.
   */
  pendingMs?: number;
}

/**
 * Idempotency keys in Redis, shared by every server process on it: a retry that reaches another
 * process is still replayed, never run twice. Each key is a hash under the SHA-256 of caller and
 * key, so that what a client sends never shapes a Redis key.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly pendingMs: number;

  constructor(
    readonly redis: Redis,
    { keyPrefix = 'invite:', ttlMs = IDEMPOTENCY_TTL_MS, pendingMs = 60_000 }: RedisIdempotencyStoreOptions = {},
  ) {
    this.prefix = keyPrefix;
    this.ttlMs = ttlMs;
    this.pendingMs = pendingMs;
    redis.defineCommand('inviteIdempotencyClaim', { lua: CLAIM });
    redis.defineCommand('inviteIdempotencySettle', { lua: SETTLE });
  }

  async claim(scope: string, key: string, fingerprint: string): Promise<Claim> {
    const redis = this.redis as Redis & Commands;
    const id = `${this.prefix}idempotency:${createHash('sha256').update(`${scope}\u0000${key}`).digest('base64url')}`;
    const token = randomUUID();
    const [kind, response] = await redis.inviteIdempotencyClaim(1, id, fingerprint, token, this.pendingMs);
    switch (kind) {
      case 'replay':
        return { kind, response: JSON.parse(response!) as StoredResponse };
      case 'mismatch':
      case 'in-progress':
        return { kind };
    }
    return {
      kind: 'new',
      complete: async (answer) => void (await redis.inviteIdempotencySettle(1, id, token, JSON.stringify(answer), this.ttlMs)),
      release: async () => void (await redis.inviteIdempotencySettle(1, id, token)),
    };
  }
}
