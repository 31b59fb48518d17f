import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RETENTION_MS, type AttemptEvent, type AttemptKind, type AttemptSnapshot, type AttemptStore, type NewAttempt } from './attempts.js';

/**
 * KEYS: the attempt's hash and its event list; ARGV: the update as JSON and its state, or two
 * empty strings for "the attempt's `lost` update, if the process that placed it has stopped".
 * Appends unless the attempt is gone, final or already in that state, and publishes
 * `<event id> <update>` on the hash's name. Returns `{ recorded (0|1), event count }`.
 */
const RECORD = `
local h = redis.call('HMGET', KEYS[1], 'state', 'final', 'count', 'driver', 'lost')
if not h[3] then return {0, 0} end
local count = tonumber(h[3])
if string.find(h[2], ',' .. h[1] .. ',', 1, true) then return {0, count} end
local update, state = ARGV[1], ARGV[2]
if update == '' then
  if redis.call('EXISTS', h[4]) == 1 then return {0, count} end
  update = h[5]
  state = cjson.decode(update).state
end
if h[1] == state then return {0, count} end
count = count + 1
redis.call('RPUSH', KEYS[2], update)
redis.call('HSET', KEYS[1], 'state', state, 'count', count, 'current', update)
redis.call('PUBLISH', KEYS[1], count .. ' ' .. update)
return {1, count}
`;

interface RecordCommand {
  inviteAttemptRecord(numberOfKeys: 2, hash: string, list: string, update: string, state: string): Promise<[0 | 1, number]>;
}

export interface RedisAttemptStoreOptions {
  /** Put before every key and channel, so that several deployments may share one Redis. Default `invite:`. */
  keyPrefix?: string;
  /** How long a finished call or SMS can still be read. Default 24 h. */
  retentionMs?: number;
  /**
   * How soon the other processes notice that this one has stopped: its heartbeat key lives this
   * long and is renewed three times as often. Default 5 s.
   */
  livenessMs?: number;
}

type Handler = (message: string) => void;

/**
 * Calls and SMS sends in Redis, shared by every server process on it.
 *
 * - An attempt is a hash (owner, kind, state, final states) and a list of its events; both expire
 *   `retentionMs` after creation. Their keys share a hash tag, `{<id>}`.
 * - `record` is one Lua script (check and append), so of a hang-up through one process and a late
 *   answer through another only the first is kept; it publishes the event on the hash's name.
 * - `follow` subscribes on one subscriber connection per process, then reads the list: an event
 *   that arrives out of turn, or a tick that finds the list longer than what was delivered, reads
 *   the list again, so that a follower gets every event once and in order, across reconnections.
 * - Each process keeps a heartbeat key while it runs and names it in the attempts it places. A
 *   follower's tick, or a read, records the attempt's `lost` update once that key has expired: a
 *   call whose process died is reported as failed, not left ringing for ever.
 */
export class RedisAttemptStore implements AttemptStore {
  private readonly prefix: string;
  private readonly retentionMs: number;
  private readonly livenessMs: number;
  private readonly driverKey: string;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly subscriptions = new Map<string, { handlers: Set<Handler>; ready: Promise<unknown> }>();
  private subscriber: Promise<Redis> | undefined;

  constructor(
    readonly redis: Redis,
    { keyPrefix = 'invite:', retentionMs = RETENTION_MS, livenessMs = 5000 }: RedisAttemptStoreOptions = {},
  ) {
    this.prefix = keyPrefix;
    this.retentionMs = retentionMs;
    this.livenessMs = livenessMs;
    this.driverKey = `${keyPrefix}process:${randomUUID()}`;
    redis.defineCommand('inviteAttemptRecord', { lua: RECORD });
    const beat = (): void => void redis.set(this.driverKey, '1', 'PX', livenessMs).catch(() => {});
    beat();
    this.heartbeat = setInterval(beat, Math.max(1, Math.floor(livenessMs / 3)));
    this.heartbeat.unref();
  }

  async create<U extends { state: string }>({ id, kind, owner, finalStates, first, lost }: NewAttempt<U>): Promise<void> {
    const [hash, list] = this.keys(id);
    const update = JSON.stringify(first);
    const replies = await this.redis
      .multi()
      .hset(hash, {
        kind,
        owner,
        state: first.state,
        current: update,
        count: 1,
        final: `,${finalStates.join(',')},`,
        driver: this.driverKey,
        lost: JSON.stringify(lost),
      })
      .rpush(list, update)
      .pexpire(hash, this.retentionMs)
      .pexpire(list, this.retentionMs)
      .exec();
    // A transaction answers each command apart: one that failed does not reject the whole.
    const failed = replies?.find(([error]) => error)?.[0];
    if (!replies || failed) throw failed ?? new Error(`The attempt ${id} was not stored.`);
  }

  async get<U extends { state: string }>(id: string, kind: AttemptKind, owner: string): Promise<AttemptSnapshot<U> | undefined> {
    await this.recordIfLost(id);
    const [storedKind, storedOwner, current, count, final, state] = await this.redis.hmget(this.keys(id)[0], 'kind', 'owner', 'current', 'count', 'final', 'state');
    if (storedKind !== kind || storedOwner !== owner || current === null || count === null) return undefined;
    return { id, kind, current: JSON.parse(current) as U, lastEventId: Number(count), final: isFinal(final, state) };
  }

  async record<U extends { state: string }>(id: string, update: U): Promise<AttemptEvent<U> | undefined> {
    const [recorded, count] = await this.run(id, JSON.stringify(update), update.state);
    return recorded === 1 ? { id: count, update } : undefined;
  }

  async follow<U extends { state: string }>(
    id: string,
    afterId: number,
    listener: (event: AttemptEvent<U>, final: boolean) => void,
  ): Promise<(() => void) | undefined> {
    const [hash, list] = this.keys(id);
    const finalStates = await this.redis.hget(hash, 'final');
    if (finalStates === null) return undefined;
    let last = afterId;
    let stopped = false;
    let turn: Promise<void> = Promise.resolve();

    const deliver = (eventId: number, json: string): void => {
      if (stopped || eventId !== last + 1) return;
      last = eventId;
      const update = JSON.parse(json) as U;
      const final = finalStates.includes(`,${update.state},`);
      listener({ id: eventId, update }, final);
      if (final) stop();
    };
    /** Reads the events after the last delivered one from the list. */
    const catchUp = async (): Promise<void> => {
      if (stopped) return;
      const missed = await this.redis.lrange(list, last, -1);
      const from = last;
      missed.forEach((json, index) => deliver(from + index + 1, json));
    };
    const inTurn = (step: () => Promise<unknown>): Promise<void> => (turn = turn.then(step).then(() => undefined, () => undefined));

    const onMessage: Handler = (message) => {
      const space = message.indexOf(' ');
      const eventId = Number(message.slice(0, space));
      void inTurn(async () => {
        if (eventId === last + 1) deliver(eventId, message.slice(space + 1));
        else if (eventId > last + 1) await catchUp();
      });
    };
    const tick = setInterval(
      () =>
        void inTurn(async () => {
          const [, count] = await this.recordIfLost(id);
          if (count > last) await catchUp();
        }),
      Math.max(1, Math.floor(this.livenessMs / 2)),
    );
    tick.unref();
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      clearInterval(tick);
      this.unsubscribe(hash, onMessage);
    };

    try {
      await this.subscribe(hash, onMessage);
      await inTurn(catchUp);
    } catch (error) {
      stop();
      throw error;
    }
    return stop;
  }

  /**
   * Stops renewing this process's heartbeat. Once it has expired, the calls this process is still
   * placing are reported failed by whichever process reads them, and this one hangs them up.
   */
  stopHeartbeat(): void {
    clearInterval(this.heartbeat);
  }

  /** Stops the heartbeat (ending it at once) and the subscriber connection; the caller ends `redis`. */
  async close(): Promise<void> {
    this.stopHeartbeat();
    await this.redis.del(this.driverKey).catch(() => {});
    if (this.subscriber) await (await this.subscriber).quit().catch(() => {});
  }

  private keys(id: string): [hash: string, list: string] {
    const hash = `${this.prefix}attempt:{${id}}`;
    return [hash, `${hash}:events`];
  }

  private run(id: string, update: string, state: string): Promise<[0 | 1, number]> {
    const [hash, list] = this.keys(id);
    return (this.redis as Redis & RecordCommand).inviteAttemptRecord(2, hash, list, update, state);
  }

  private recordIfLost(id: string): Promise<[0 | 1, number]> {
    return this.run(id, '', '');
  }

  private subscribe(channel: string, handler: Handler): Promise<unknown> {
    let subscription = this.subscriptions.get(channel);
    if (!subscription) {
      subscription = { handlers: new Set(), ready: this.connectSubscriber().then((subscriber) => subscriber.subscribe(channel)) };
      this.subscriptions.set(channel, subscription);
    }
    subscription.handlers.add(handler);
    return subscription.ready;
  }

  /**
   * The subscriber connection, once ready: a SUBSCRIBE sent before ioredis's ready check would put
   * the connection in subscriber mode under the check's INFO, which then fails. A connection not
   * ready within `commandTimeout` (5 s by default) is dropped, and the next follower tries anew.
   */
  private connectSubscriber(): Promise<Redis> {
    this.subscriber ??= (async () => {
      const subscriber = this.redis.duplicate();
      subscriber.on('error', () => {});
      subscriber.on('message', (from: string, message: string) => {
        for (const each of this.subscriptions.get(from)?.handlers ?? []) each(message);
      });
      if (subscriber.status === 'ready') return subscriber;
      // Not `once(subscriber, 'ready')`, which rejects on the first connection error, while
      // ioredis goes on reconnecting by itself.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const ready = await Promise.race([
        new Promise<true>((resolve) => subscriber.once('ready', () => resolve(true))),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.redis.options.commandTimeout ?? 5000))),
      ]);
      clearTimeout(timer);
      if (ready) return subscriber;
      subscriber.disconnect();
      throw new Error('The Redis subscriber connection is not ready.');
    })().catch((error: unknown) => {
      this.subscriber = undefined;
      throw error;
    });
    return this.subscriber;
  }

  private unsubscribe(channel: string, handler: Handler): void {
    const subscription = this.subscriptions.get(channel);
    if (!subscription?.handlers.delete(handler) || subscription.handlers.size > 0) return;
    this.subscriptions.delete(channel);
    void this.subscriber?.then((subscriber) => subscriber.unsubscribe(channel)).catch(() => {});
  }
}

function isFinal(finalStates: string | null, state: string | null): boolean {
  return finalStates !== null && state !== null && finalStates.includes(`,${state},`);
}
