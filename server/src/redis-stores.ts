import { Redis } from 'ioredis';
import { RedisAttemptStore, type RedisAttemptStoreOptions } from './redis-attempt-store.js';
import { RedisIdempotencyStore, type RedisIdempotencyStoreOptions } from './redis-idempotency-store.js';
import { RedisRateLimitStore } from './redis-rate-limit-store.js';

export interface RedisStores {
  /** The one command connection the stores share (the attempts open a second one to subscribe). */
  redis: Redis;
  rateLimits: RedisRateLimitStore;
  idempotency: RedisIdempotencyStore;
  attempts: RedisAttemptStore;
  /** Stops the heartbeat and ends both connections. */
  close(): Promise<void>;
}

export interface RedisStoresOptions extends RedisAttemptStoreOptions, Pick<RedisIdempotencyStoreOptions, 'pendingMs'> {
  /** How long an idempotency key is remembered. Default 24 h. */
  idempotencyTtlMs?: number;
}

/**
 * Everything the server keeps, in one Redis: rate limits, idempotency keys, calls and SMS sends
 * with their event logs. Pass the stores to `createApp`; every process given the same Redis (and
 * `keyPrefix`) then acts as one server.
 */
export function createRedisStores(url: string, { keyPrefix = 'invite:', idempotencyTtlMs, pendingMs, ...attempts }: RedisStoresOptions = {}): RedisStores {
  // A command that waits longer fails, and so does its request: no request outlives the 60 s an
  // unanswered idempotency key is held, so a retry after that cannot meet a late first dial.
  const redis = new Redis(url, { commandTimeout: 5000 });
  const attemptStore = new RedisAttemptStore(redis, { keyPrefix, ...attempts });
  return {
    redis,
    rateLimits: new RedisRateLimitStore(redis, { keyPrefix: `${keyPrefix}rl:` }),
    idempotency: new RedisIdempotencyStore(redis, { keyPrefix, ttlMs: idempotencyTtlMs, pendingMs }),
    attempts: attemptStore,
    async close() {
      await attemptStore.close();
      await redis.quit();
    },
  };
}
