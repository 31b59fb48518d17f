// What the server does when a part it needs fails: its state store, its provider, or its own
// heartbeat on Redis. Each answer is still problem+json as openapi.yaml says, nothing is dialed
// twice, and no call is left ringing that nobody follows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createRedisStores,
  MemoryAttemptStore,
  type AttemptEvent,
  type AttemptKind,
  type AttemptSnapshot,
  type NewAttempt,
  type RedisStores,
  type TelephonyProvider,
} from '../dist/index.js';
import { startRedis, type RunningRedis } from './redis.js';
import { newKey, readEvents, startServer, startWithManualProvider, states } from './support.js';

/** The in-memory store, whose methods named in `failing` reject as an unreachable Redis would. */
class BreakableStore extends MemoryAttemptStore {
  readonly failing = new Set<'create' | 'get' | 'follow'>();

  constructor() {
    super(60_000);
  }

  private fails(name: 'create' | 'get' | 'follow'): Promise<never> | undefined {
    return this.failing.has(name) ? Promise.reject(new Error(`Command timed out (${name})`)) : undefined;
  }

  override create<U extends { state: string }>(attempt: NewAttempt<U>): Promise<void> {
    return this.fails('create') ?? super.create(attempt);
  }

  override get<U extends { state: string }>(id: string, kind: AttemptKind, owner: string): Promise<AttemptSnapshot<U> | undefined> {
    return this.fails('get') ?? super.get<U>(id, kind, owner);
  }

  override follow<U extends { state: string }>(id: string, afterId: number, listener: (event: AttemptEvent<U>, final: boolean) => void): Promise<(() => void) | undefined> {
    return this.fails('follow') ?? super.follow(id, afterId, listener);
  }
}

describe('when the state store fails', () => {
  test('every route that needs it answers 500 unavailable as problem+json, and nothing is dialed', async () => {
    const attempts = new BreakableStore();
    const { server, provider } = await startWithManualProvider({ attempts });
    try {
      const placed = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120' } });
      const sent = await server.api('POST', '/v1/sms', { key: newKey(), body: { phoneNumber: '+12015550120', message: 'Join: https://meet.example/r/1' } });
      attempts.failing.add('get');
      for (const [method, path] of [
        ['GET', `/v1/calls/${placed.body.id}`],
        ['DELETE', `/v1/calls/${placed.body.id}`],
        ['GET', `/v1/calls/${placed.body.id}/events`],
        ['GET', `/v1/sms/${sent.body.id}`],
        ['GET', `/v1/sms/${sent.body.id}/events`],
      ]) {
        const answer = await server.api(method!, path!);
        assert.equal(answer.status, 500, `${method} ${path}`);
        assert.equal(answer.body.code, 'unavailable');
      }
      attempts.failing.add('create');
      const dials = provider.dials.length;
      const sends = provider.sends.length;
      for (const [path, body] of [
        ['/v1/calls', { phoneNumber: '+12015550120' }],
        ['/v1/sms', { phoneNumber: '+12015550120', message: 'Join: https://meet.example/r/1' }],
      ] as const) {
        const key = newKey();
        const refused = await server.api('POST', path, { key, body });
        assert.equal(refused.status, 500);
        assert.equal(refused.body.code, 'unavailable');
        // The key was released: once the store is back, the same key places the call.
        attempts.failing.delete('create');
        assert.equal((await server.api('POST', path, { key, body })).status, 202);
        attempts.failing.add('create');
      }
      assert.equal(provider.dials.length, dials + 1);
      assert.equal(provider.sends.length, sends + 1);
    } finally {
      await server.close();
    }
  });

  test('a call that cannot be followed is not dialed: it ends as failed and the request is 500', async () => {
    const attempts = new BreakableStore();
    const { server, provider } = await startWithManualProvider({ attempts });
    try {
      attempts.failing.add('follow');
      const refused = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120' } });
      assert.equal(refused.status, 500);
      assert.equal(provider.dials.length, 0);
      assert.ok(server.logs.some((line) => line.msg === 'unhandled error'), 'the failure is logged');
      const accepted = server.logs.find((line) => line.outcome === 'accepted');
      assert.ok(accepted, 'the attempt was created before following failed');
      const call = await attempts.get(String(accepted.id), 'call', 'acme\u0000user-1');
      assert.deepEqual(call?.current, { state: 'failed', reason: 'The call could not be placed.' });
    } finally {
      await server.close();
    }
  });
});

describe('when the provider fails', () => {
  test('a dial that throws at once ends the call as failed', async () => {
    const provider: TelephonyProvider = {
      name: 'throws',
      dial() {
        throw new Error('provider is down');
      },
      sendSms() {
        throw new Error('provider is down');
      },
    };
    const server = await startServer({ provider });
    try {
      const placed = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120' } });
      assert.equal(placed.status, 202);
      assert.deepEqual(states((await readEvents(server, `/v1/calls/${placed.body.id}/events`)).events), ['dialing', 'failed']);
      const sent = await server.api('POST', '/v1/sms', { key: newKey(), body: { phoneNumber: '+12015550120', message: 'Join: https://meet.example/r/1' } });
      assert.deepEqual(states((await readEvents(server, `/v1/sms/${sent.body.id}/events`)).events), ['accepted', 'failed']);
    } finally {
      await server.close();
    }
  });
});

describe('on Redis, when a live process misses its heartbeat', () => {
  let redis: RunningRedis;
  let stores: RedisStores;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await stores?.close();
    await redis?.stop();
  });

  test('its calls are reported failed and hung up at the provider, not left ringing', async () => {
    stores = createRedisStores(redis.url, { keyPrefix: `test:${newKey()}:`, livenessMs: 300 });
    const { server, provider } = await startWithManualProvider({ idempotency: stores.idempotency, attempts: stores.attempts });
    try {
      const placed = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120' } });
      const dial = provider.dials.at(-1)!;
      dial.report({ state: 'ringing' });
      const following = readEvents(server, `/v1/calls/${placed.body.id}/events`);
      // As if the process had stalled past its heartbeat: the key expires after 300 ms.
      stores.attempts.stopHeartbeat();
      const { events } = await following;
      assert.deepEqual(states(events), ['dialing', 'ringing', 'failed']);
      assert.equal(dial.signal.aborted, true, 'the provider was told to hang up');
    } finally {
      await server.close();
    }
  });
});
