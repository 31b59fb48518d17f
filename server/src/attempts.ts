/** How long a call or SMS can be read after it was placed, by default: 24 h. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;

/** A call or an SMS send as the routes see it; `U` is its update type (`DialOutUpdate`, `SmsUpdate`). */
export type AttemptKind = 'call' | 'sms';

/** One recorded state change: what an SSE `status` event carries, with its numeric id (1, 2, …). */
export interface AttemptEvent<U> {
  id: number;
  update: U;
}

/** What a new attempt starts with. */
export interface NewAttempt<U extends { state: string }> {
  id: string;
  kind: AttemptKind;
  /** `tenant` + `sub` of the caller who placed it: nobody else may see it. */
  owner: string;
  /** The states after which nothing more is recorded. */
  finalStates: readonly string[];
  /** The first event (`dialing`, `accepted`). */
  first: U;
  /**
   * The final update a shared store records when the process that placed the attempt has stopped
   * before it ended, so that nobody follows a call nobody drives any more.
   */
  lost: U;
}

/** An attempt's current state, for its owner. */
export interface AttemptSnapshot<U> {
  id: string;
  kind: AttemptKind;
  current: U;
  /** The id of the newest event. */
  lastEventId: number;
  final: boolean;
}

/**
 * Where calls and SMS sends live: their owner and their whole event log, so that a stream resumed
 * with `Last-Event-ID` gets exactly what it missed. The routes know only this interface:
 * `MemoryAttemptStore` keeps one process's attempts; `RedisAttemptStore` shares them between the
 * processes on one Redis, so that a call placed through one can be followed and hung up through
 * another.
 */
export interface AttemptStore {
  create<U extends { state: string }>(attempt: NewAttempt<U>): Promise<void>;
  /** The attempt of this kind, only for its owner: anyone else is told it does not exist. */
  get<U extends { state: string }>(id: string, kind: AttemptKind, owner: string): Promise<AttemptSnapshot<U> | undefined>;
  /**
   * Appends an update unless the attempt has ended, is gone, or is already in that state, as one
   * step: of a hang-up and a late answer, only the first is recorded. Resolves with the event, or
   * `undefined` when nothing was recorded.
   */
  record<U extends { state: string }>(id: string, update: U): Promise<AttemptEvent<U> | undefined>;
  /**
   * Calls `listener` for every event after `afterId`, past and future, in order and each once,
   * with `final` true for the last one. Resolves, once the past events are delivered, with the
   * function that stops following, or `undefined` when the attempt is gone (expired).
   */
  follow<U extends { state: string }>(id: string, afterId: number, listener: (event: AttemptEvent<U>, final: boolean) => void): Promise<(() => void) | undefined>;
}

interface Entry {
  attempt: NewAttempt<{ state: string }>;
  events: AttemptEvent<{ state: string }>[];
  listeners: Set<(event: AttemptEvent<{ state: string }>, final: boolean) => void>;
  expiresAt: number;
}

/** Attempts in this process, forgotten `retentionMs` after they were created. */
export class MemoryAttemptStore implements AttemptStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly retentionMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create<U extends { state: string }>(attempt: NewAttempt<U>): Promise<void> {
    this.sweep();
    const first = { id: 1, update: Object.freeze({ ...attempt.first }) };
    this.entries.set(attempt.id, { attempt, events: [first], listeners: new Set(), expiresAt: this.now() + this.retentionMs });
    return Promise.resolve();
  }

  get<U extends { state: string }>(id: string, kind: AttemptKind, owner: string): Promise<AttemptSnapshot<U> | undefined> {
    const entry = this.live(id);
    if (!entry || entry.attempt.kind !== kind || entry.attempt.owner !== owner) return Promise.resolve(undefined);
    const last = entry.events.at(-1)!;
    return Promise.resolve({ id, kind, current: last.update as U, lastEventId: last.id, final: isFinal(entry) });
  }

  record<U extends { state: string }>(id: string, update: U): Promise<AttemptEvent<U> | undefined> {
    const entry = this.live(id);
    if (!entry || isFinal(entry) || entry.events.at(-1)!.update.state === update.state) return Promise.resolve(undefined);
    const event = { id: entry.events.length + 1, update: Object.freeze({ ...update }) };
    entry.events.push(event);
    const final = isFinal(entry);
    for (const listener of [...entry.listeners]) listener(event, final);
    if (final) entry.listeners.clear();
    return Promise.resolve(event);
  }

  follow<U extends { state: string }>(id: string, afterId: number, listener: (event: AttemptEvent<U>, final: boolean) => void): Promise<(() => void) | undefined> {
    const entry = this.live(id);
    if (!entry) return Promise.resolve(undefined);
    const each = listener as (event: AttemptEvent<{ state: string }>, final: boolean) => void;
    const last = entry.events.length;
    for (const event of entry.events) if (event.id > afterId) each(event, event.id === last && isFinal(entry));
    if (isFinal(entry)) return Promise.resolve(() => {});
    const later: typeof each = (event, final) => {
      if (event.id > afterId) each(event, final);
    };
    entry.listeners.add(later);
    return Promise.resolve(() => entry.listeners.delete(later));
  }

  private live(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    return entry && entry.expiresAt > this.now() ? entry : undefined;
  }

  /** Entries are in creation order with one retention, so the expired ones are at the front. */
  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}

function isFinal(entry: Entry): boolean {
  return entry.attempt.finalStates.includes(entry.events.at(-1)!.update.state);
}
