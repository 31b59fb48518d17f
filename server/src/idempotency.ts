/** How long a key is remembered by default: 24 h, the least the contract promises. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A finished request, replayed as it was answered. */
export interface StoredResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type Claim =
  | { kind: 'new'; complete(response: StoredResponse): Promise<void>; release(): Promise<void> }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

/**
 * Idempotency keys, scoped to the caller. A request claims its key before it does anything; the
 * same key with the same request then replays the first answer, with another request is a
 * mismatch, and while the first is still running is "in progress". A request that changed nothing
 * (refused) releases its key. The routes know only this interface: `MemoryIdempotencyStore` for
 * one process, `RedisIdempotencyStore` for several on one Redis.
 */
export interface IdempotencyStore {
  claim(scope: string, key: string, fingerprint: string): Promise<Claim>;
}

type Entry = { fingerprint: string; expiresAt: number } & ({ done: false } | { done: true; response: StoredResponse });

/** Keys in this process, each kept `ttlMs` (the contract promises at least 24 h). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  claim(scope: string, key: string, fingerprint: string): Promise<Claim> {
    this.sweep();
    const id = `${scope}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt > this.now()) {
      if (entry.fingerprint !== fingerprint) return Promise.resolve({ kind: 'mismatch' });
      return Promise.resolve(entry.done ? { kind: 'replay', response: entry.response } : { kind: 'in-progress' });
    }
    const claimed: Entry = { fingerprint, expiresAt: this.now() + this.ttlMs, done: false };
    this.entries.delete(id);
    this.entries.set(id, claimed);
    return Promise.resolve({
      kind: 'new',
      complete: (response) => {
        if (this.entries.get(id) === claimed) this.entries.set(id, { fingerprint, expiresAt: claimed.expiresAt, done: true, response });
        return Promise.resolve();
      },
      release: () => {
        if (this.entries.get(id) === claimed) this.entries.delete(id);
        return Promise.resolve();
      },
    });
  }

  /** Entries are in claim order with one TTL, so the expired ones are at the front. */
  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}
