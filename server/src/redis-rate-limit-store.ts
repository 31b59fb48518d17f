import { Redis } from 'ioredis';
import type { RateLimitCounter, RateLimitStore, RateLimitVerdict } from './rate-limit-store.js';

/**
 * KEYS: the counters' keys; ARGV: `max` and the window in milliseconds, a pair per key. Redis runs
 * a script as one step, so several processes can never both take the last point of a counter.
 * Returns `{}` when a point was taken from every counter, or `{ longest PTTL, index, … }` (1-based
 * indexes of the spent counters) when none was taken.
 */
const TAKE = `
local spent = {}
local longest = 0
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      -- Never left by this script; a counter without a window would refuse for ever.
      ttl = tonumber(ARGV[2 * i])
      redis.call('PEXPIRE', key, ttl)
    end
    spent[#spent + 1] = i
    if ttl > longest then longest = ttl end
  end
end
if #spent > 0 then
  table.insert(spent, 1, longest)
  return spent
end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[2 * i]) end
end
return {}
`;

interface TakeCommand {
  inviteRateLimitTake(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Promise<number[]>;
}

export interface RedisRateLimitStoreOptions {
  /** Put before every counter's key, so that several deployments may share one Redis. Default `invite:rl:`. */
  keyPrefix?: string;
}

/**
 * Counters in Redis, shared by every server process on the same Redis: one Lua script checks all
 * of an attempt's counters and takes a point from all of them or from none, as
 * `MemoryRateLimitStore` does in one process. A counter is a key holding its count, which expires
 * when its fixed window, started by its first point, ends.
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly redis: Redis;
  private readonly keyPrefix: string;
  private readonly owned: boolean;

  /** `redis`: a `redis://` URL (the store then owns the connection and `close` ends it) or a client. */
  constructor(redis: string | Redis, { keyPrefix = 'invite:rl:' }: RedisRateLimitStoreOptions = {}) {
    this.owned = typeof redis === 'string';
    this.redis = typeof redis === 'string' ? new Redis(redis) : redis;
    this.keyPrefix = keyPrefix;
    // Sent as EVALSHA, and as EVAL only when Redis has not seen the script yet.
    this.redis.defineCommand('inviteRateLimitTake', { lua: TAKE });
  }

  async take<C extends RateLimitCounter>(counters: readonly C[]): Promise<RateLimitVerdict<C>> {
    if (counters.length === 0) return { ok: true };
    const keys = counters.map((counter) => this.keyPrefix + counter.key);
    const args = counters.flatMap((counter) => [counter.max, counter.windowSeconds * 1000]);
    const reply = await (this.redis as Redis & TakeCommand).inviteRateLimitTake(keys.length, ...keys, ...args);
    if (reply.length === 0) return { ok: true };
    const [retryAfterMs, ...spent] = reply as [number, ...number[]];
    return { ok: false, spent: spent.map((index) => counters[index - 1]!), retryAfterMs };
  }

  /** Ends the connection when the store opened it. */
  async close(): Promise<void> {
    if (this.owned) await this.redis.quit();
  }
}
