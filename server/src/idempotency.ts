/** A finished request, replayed as it was answered. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

type Entry = { fingerprint: string; expiresAt: number } & ({ done: false } | { done: true; response: StoredResponse });

export type Claim =
  | { kind: 'new'; complete(response: StoredResponse): void; release(): void }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

/**
 * Idempotency keys, scoped to the caller and kept `ttlMs` (at least 24 h by default). A request
 * claims its key before it does anything; the same key with the same request then replays the
 * first answer, with another request is a mismatch, and while the first is still running is "in
 * progress". A request that changed nothing (refused) releases its key.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  claim(scope: string, key: string, fingerprint: string): Claim {
    this.sweep();
    const id = `${scope}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt > this.now()) {
      if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return entry.done ? { kind: 'replay', response: entry.response } : { kind: 'in-progress' };
    }
    const claimed: Entry = { fingerprint, expiresAt: this.now() + this.ttlMs, done: false };
    this.entries.delete(id);
    this.entries.set(id, claimed);
    return {
      kind: 'new',
      complete: (response) => {
        if (this.entries.get(id) === claimed) this.entries.set(id, { fingerprint, expiresAt: claimed.expiresAt, done: true, response });
      },
      release: () => {
        if (this.entries.get(id) === claimed) this.entries.delete(id);
      },
    };
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
