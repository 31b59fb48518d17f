/** One recorded state change: what an SSE `status` event carries, with its numeric id. */
export interface AttemptEvent<U> {
  id: number;
  update: U;
}

/**
 * A call or an SMS send: its owner, its event log (kept whole, so that a stream resumed with
 * `Last-Event-ID` gets exactly what it missed) and the streams following it.
 */
export class Attempt<U extends { state: string }> {
  readonly events: AttemptEvent<U>[] = [];
  readonly controller = new AbortController();
  private readonly listeners = new Set<(event: AttemptEvent<U>) => void>();

  constructor(
    readonly id: string,
    /** `tenant` + `sub` of the caller who placed it: nobody else may see it. */
    readonly owner: string,
    private readonly finalStates: readonly string[],
    first: U,
  ) {
    this.record(first);
  }

  get current(): U {
    return this.events[this.events.length - 1]!.update;
  }

  get final(): boolean {
    return this.finalStates.includes(this.current.state);
  }

  /** Appends an update unless the attempt has ended or the state is unchanged. Returns whether it did. */
  record(update: U): boolean {
    if (this.events.length > 0 && (this.final || update.state === this.current.state)) return false;
    const event = { id: this.events.length + 1, update: Object.freeze({ ...update }) };
    this.events.push(event);
    for (const listener of [...this.listeners]) listener(event);
    if (this.final) this.listeners.clear();
    return true;
  }

  /** Calls `listener` for every event after `afterId`, past and future; returns the unsubscribe. */
  follow(afterId: number, listener: (event: AttemptEvent<U>) => void): () => void {
    for (const event of this.events) if (event.id > afterId) listener(event);
    if (this.final) return () => {};
    const later = (event: AttemptEvent<U>): void => {
      if (event.id > afterId) listener(event);
    };
    this.listeners.add(later);
    return () => this.listeners.delete(later);
  }
}

/** Attempts by id, forgotten `retentionMs` after they were created. */
export class AttemptStore<U extends { state: string }> {
  private readonly attempts = new Map<string, { attempt: Attempt<U>; expiresAt: number }>();

  constructor(
    private readonly retentionMs: number,
    private readonly now: () => number,
  ) {}

  add(attempt: Attempt<U>): void {
    this.sweep();
    this.attempts.set(attempt.id, { attempt, expiresAt: this.now() + this.retentionMs });
  }

  /** The attempt, only for its owner: anyone else is told it does not exist. */
  get(id: string, owner: string): Attempt<U> | undefined {
    const entry = this.attempts.get(id);
    if (!entry || entry.expiresAt <= this.now() || entry.attempt.owner !== owner) return undefined;
    return entry.attempt;
  }

  /** Entries are in creation order, so the expired ones are at the front. */
  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.attempts) {
      if (entry.expiresAt > now) break;
      entry.attempt.controller.abort();
      this.attempts.delete(id);
    }
  }
}
