// One suite for each store interface, run against the in-memory store and against the Redis one
// (a real redis-server), so that the two keep the same promises.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import {
  MemoryAttemptStore,
  MemoryIdempotencyStore,
  RedisAttemptStore,
  RedisIdempotencyStore,
  type AttemptEvent,
  type AttemptStore,
  type IdempotencyStore,
  type NewAttempt,
} from '../dist/index.js';
import { startRedis, type RunningRedis } from './redis.js';
import { newKey } from './support.js';

let redis: RunningRedis;
const clients: Redis[] = [];
const closers: (() => Promise<void>)[] = [];
before(async () => {
  redis = await startRedis();
});
after(async () => {
  for (const close of closers) await close();
  await Promise.all(clients.map((client) => client.quit()));
  await redis?.stop();
});

/** A Redis client for one test; every test uses its own key prefix, so none shares a key. */
function client(): Redis {
  const made = new Redis(redis.url);
  clients.push(made);
  return made;
}

function redisAttempts(prefix: string, livenessMs?: number): RedisAttemptStore {
  const store = new RedisAttemptStore(client(), { keyPrefix: prefix, ...(livenessMs ? { livenessMs } : {}) });
  closers.push(() => store.close());
  return store;
}

type Update = { state: string; reason?: string };

const call = (id = newKey()): NewAttempt<Update> => ({
  id,
  kind: 'call',
  owner: 'acme\u0000user-1',
  finalStates: ['joined', 'canceled', 'failed'],
  first: { state: 'dialing' },
  lost: { state: 'failed', reason: 'lost' },
});

/** Follows an attempt; `done` resolves with every event once the final one arrived. */
async function follow(store: AttemptStore, id: string, afterId = 0): Promise<{ events: [number, string, boolean][]; done: Promise<[number, string, boolean][]>; stop: () => void }> {
  const events: [number, string, boolean][] = [];
  let finish!: (events: [number, string, boolean][]) => void;
  const done = new Promise<[number, string, boolean][]>((resolve) => (finish = resolve));
  const stop = await store.follow<Update>(id, afterId, (event: AttemptEvent<Update>, final) => {
    events.push([event.id, event.update.state, final]);
    if (final) finish(events);
  });
  assert.ok(stop, `${id} is followed`);
  return { events, done, stop };
}

const kinds: [string, () => { keys: IdempotencyStore; attempts: AttemptStore }][] = [
  ['in memory', () => ({ keys: new MemoryIdempotencyStore(60_000), attempts: new MemoryAttemptStore(60_000) })],
  [
    'in Redis',
    () => {
      const prefix = `test:${newKey()}:`;
      return { keys: new RedisIdempotencyStore(client(), { keyPrefix: prefix }), attempts: redisAttempts(prefix) };
    },
  ],
];

for (const [name, make] of kinds) {
  describe(`stores ${name}`, () => {
    test('idempotency: a claimed key is in progress, another request is a mismatch, a released key is free, a completed one replays', async () => {
      const { keys } = make();
      const first = await keys.claim('caller', 'key', 'request-a');
      assert.equal(first.kind, 'new');
      assert.equal((await keys.claim('caller', 'key', 'request-a')).kind, 'in-progress');
      assert.equal((await keys.claim('caller', 'key', 'request-b')).kind, 'mismatch');
      assert.equal((await keys.claim('someone-else', 'key', 'request-a')).kind, 'new');
      if (first.kind === 'new') await first.release();
      const again = await keys.claim('caller', 'key', 'request-a');
      assert.equal(again.kind, 'new');
      // A release after the key was claimed again frees nothing.
      if (first.kind === 'new') await first.release();
      assert.equal((await keys.claim('caller', 'key', 'request-a')).kind, 'in-progress');
      if (again.kind === 'new') await again.complete({ status: 202, body: { id: 'x' }, headers: { location: '/v1/calls/x' } });
      assert.deepEqual(await keys.claim('caller', 'key', 'request-a'), { kind: 'replay', response: { status: 202, body: { id: 'x' }, headers: { location: '/v1/calls/x' } } });
      assert.equal((await keys.claim('caller', 'key', 'request-b')).kind, 'mismatch');
    });

    test('idempotency: of many claims at once, exactly one is new', async () => {
      const { keys } = make();
      const claims = await Promise.all(Array.from({ length: 20 }, () => keys.claim('caller', 'same', 'request')));
      assert.deepEqual(
        claims.map((claim) => claim.kind).sort(),
        ['new', ...Array<string>(19).fill('in-progress')].sort(),
      );
    });

    test('attempts: only the owner reads an attempt, and only under its kind', async () => {
      const { attempts } = make();
      const attempt = call();
      await attempts.create(attempt);
      assert.deepEqual(await attempts.get(attempt.id, 'call', attempt.owner), { id: attempt.id, kind: 'call', current: { state: 'dialing' }, lastEventId: 1, final: false });
      assert.equal(await attempts.get(attempt.id, 'call', 'acme\u0000user-2'), undefined);
      assert.equal(await attempts.get(attempt.id, 'sms', attempt.owner), undefined);
      assert.equal(await attempts.get('call_unknown', 'call', attempt.owner), undefined);
    });

    test('attempts: an unchanged state and anything after the final state are not recorded', async () => {
      const { attempts } = make();
      const attempt = call();
      await attempts.create(attempt);
      assert.deepEqual(await attempts.record(attempt.id, { state: 'ringing' }), { id: 2, update: { state: 'ringing' } });
      assert.equal(await attempts.record(attempt.id, { state: 'ringing' }), undefined);
      assert.deepEqual(await attempts.record(attempt.id, { state: 'joined' }), { id: 3, update: { state: 'joined' } });
      assert.equal(await attempts.record(attempt.id, { state: 'failed' }), undefined);
      assert.equal(await attempts.record('call_unknown', { state: 'ringing' }), undefined);
      assert.deepEqual(await attempts.get(attempt.id, 'call', attempt.owner), { id: attempt.id, kind: 'call', current: { state: 'joined' }, lastEventId: 3, final: true });
    });

    test('attempts: of a hang-up and an answer at the same moment, exactly one is recorded', async () => {
      const { attempts } = make();
      const attempt = call();
      await attempts.create(attempt);
      const [canceled, joined] = await Promise.all([attempts.record(attempt.id, { state: 'canceled' }), attempts.record(attempt.id, { state: 'joined' })]);
      assert.equal([canceled, joined].filter(Boolean).length, 1);
      assert.equal((await attempts.get(attempt.id, 'call', attempt.owner))!.lastEventId, 2);
    });

    test('attempts: a follower gets the past events after its id, then each new one once, in order, the last marked final', async () => {
      const { attempts } = make();
      const attempt = call();
      await attempts.create(attempt);
      await attempts.record(attempt.id, { state: 'ringing' });
      const fromStart = await follow(attempts, attempt.id);
      const resumed = await follow(attempts, attempt.id, 2);
      assert.deepEqual(fromStart.events, [
        [1, 'dialing', false],
        [2, 'ringing', false],
      ]);
      assert.deepEqual(resumed.events, []);
      await attempts.record(attempt.id, { state: 'answered' });
      await attempts.record(attempt.id, { state: 'answered' });
      await attempts.record(attempt.id, { state: 'joined' });
      await attempts.record(attempt.id, { state: 'failed' });
      assert.deepEqual(await fromStart.done, [
        [1, 'dialing', false],
        [2, 'ringing', false],
        [3, 'answered', false],
        [4, 'joined', true],
      ]);
      assert.deepEqual(await resumed.done, [
        [3, 'answered', false],
        [4, 'joined', true],
      ]);
      // Following an ended attempt gives its events and the final mark at once.
      assert.deepEqual((await follow(attempts, attempt.id, 3)).events, [[4, 'joined', true]]);
    });

    test('attempts: following an attempt that does not exist (or expired) says so', async () => {
      const { attempts } = make();
      assert.equal(await attempts.follow('call_unknown', 0, () => assert.fail('no event')), undefined);
    });

    test('attempts: a follower that stopped hears nothing more', async () => {
      const { attempts } = make();
      const attempt = call();
      await attempts.create(attempt);
      const stopped = await follow(attempts, attempt.id);
      const watching = await follow(attempts, attempt.id);
      stopped.stop();
      await attempts.record(attempt.id, { state: 'ringing' });
      await attempts.record(attempt.id, { state: 'canceled' });
      await watching.done;
      assert.deepEqual(stopped.events, [[1, 'dialing', false]]);
    });
  });
}

describe('Redis attempt store across processes', () => {
  test('a follower on one connection gets, in order, what another records, even many at once', async () => {
    const prefix = `test:${newKey()}:`;
    const placing = redisAttempts(prefix);
    const following = redisAttempts(prefix);
    const attempt = call();
    await placing.create(attempt);
    const watched = await follow(following, attempt.id);
    const states = ['ringing', 'answered', 'ringing', 'answered', 'ringing', 'answered', 'joined'];
    // Sent without waiting: one connection keeps them in order.
    await Promise.all(states.map((state) => placing.record(attempt.id, { state })));
    assert.deepEqual(
      await watched.done,
      ['dialing', ...states].map((state, index) => [index + 1, state, state === 'joined']),
    );
  });

  test('a new store followed by many at once (its subscriber connection not yet open) serves them all', async () => {
    const prefix = `test:${newKey()}:`;
    const placing = redisAttempts(prefix);
    const attempts = Array.from({ length: 50 }, () => call());
    await Promise.all(attempts.map((attempt) => placing.create(attempt)));
    const fresh = redisAttempts(prefix);
    const watched = await Promise.all(attempts.map((attempt) => follow(fresh, attempt.id)));
    await Promise.all(attempts.map((attempt) => placing.record(attempt.id, { state: 'joined' })));
    for (const { done } of watched) {
      assert.deepEqual(await done, [
        [1, 'dialing', false],
        [2, 'joined', true],
      ]);
    }
  });

  test('keys carry the prefix and share the attempt id as a hash tag', async () => {
    const prefix = `test:${newKey()}:`;
    const store = redisAttempts(prefix);
    const attempt = call('call_tagged');
    await store.create(attempt);
    const keys = await store.redis.keys(`${prefix}*`);
    assert.deepEqual(keys.filter((key) => key.includes('attempt')).sort(), [`${prefix}attempt:{call_tagged}`, `${prefix}attempt:{call_tagged}:events`]);
    assert.ok((await store.redis.pttl(`${prefix}attempt:{call_tagged}`)) > 23 * 60 * 60 * 1000);
  });

  test('when the process that placed an attempt stops, readers and followers elsewhere get its lost update once', async () => {
    const prefix = `test:${newKey()}:`;
    const placing = redisAttempts(prefix, 300);
    const other = redisAttempts(prefix, 300);
    const attempt = call();
    await placing.create(attempt);
    await placing.record(attempt.id, { state: 'ringing' });
    const watched = await follow(other, attempt.id);
    // While the placing process lives, nothing is lost.
    assert.equal((await other.get(attempt.id, 'call', attempt.owner))!.current.state, 'ringing');
    await placing.close();
    assert.deepEqual(await watched.done, [
      [1, 'dialing', false],
      [2, 'ringing', false],
      [3, 'failed', true],
    ]);
    assert.deepEqual(await other.get(attempt.id, 'call', attempt.owner), { id: attempt.id, kind: 'call', current: { state: 'failed', reason: 'lost' }, lastEventId: 3, final: true });
  });
});
