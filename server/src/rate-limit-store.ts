import { RateLimiterMemory } from 'rate-limiter-flexible';

/** One counter an attempt draws on: at most `max` points under `key` in a fixed window of `windowSeconds`. */
export interface RateLimitCounter {
  key: string;
  max: number;
  windowSeconds: number;
}

export type RateLimitVerdict<C extends RateLimitCounter> =
  | { ok: true }
  /** `spent`: the counters with no point left; `retryAfterMs`: until every one of them has one again. */
  | { ok: false; spent: C[]; retryAfterMs: number };

/**
 * Where the counters live. The routes know only this: the in-memory store below now, a Redis
 * one (an atomic script over the same counters) when several processes must share them.
 */
export interface RateLimitStore {
  /**
   * Takes one point from every counter, or none at all: a refused attempt costs nothing, so a
   * limit on one counter never eats into another.
   */
  take<C extends RateLimitCounter>(counters: readonly C[]): Promise<RateLimitVerdict<C>>;
}

/**
 * Counters in this process, with rate-limiter-flexible's `RateLimiterMemory` (one per
 * `max`/`windowSeconds` pair, since a tenant may set its own). Takes run one at a time, so that
 * the check of all the counters and the consumption of all of them are one step.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly limiters = new Map<string, RateLimiterMemory>();
  private queue: Promise<unknown> = Promise.resolve();

  take<C extends RateLimitCounter>(counters: readonly C[]): Promise<RateLimitVerdict<C>> {
    const turn = this.queue.then(() => this.takeNow(counters));
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async takeNow<C extends RateLimitCounter>(counters: readonly C[]): Promise<RateLimitVerdict<C>> {
    const spent: C[] = [];
    let retryAfterMs = 0;
    for (const counter of counters) {
      const state = await this.limiter(counter).get(counter.key);
      // A window that has run out but whose record is not yet swept counts as fresh.
      if (state && state.msBeforeNext > 0 && state.consumedPoints >= counter.max) {
        spent.push(counter);
        retryAfterMs = Math.max(retryAfterMs, state.msBeforeNext);
      }
    }
    if (spent.length > 0) return { ok: false, spent, retryAfterMs };
    for (const counter of counters) await this.limiter(counter).consume(counter.key);
    return { ok: true };
  }

  private limiter(counter: RateLimitCounter): RateLimiterMemory {
    const id = `${counter.max}/${counter.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points: counter.max, duration: counter.windowSeconds, keyPrefix: 'invite' });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
