import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Redis } from 'ioredis';
import { RedisRateLimitStore } from '../dist/redis-rate-limit-store.js';
import { startRedis, type RunningRedis } from './redis.js';
import { startProcess, stopProcess, type ServerProcess } from './processes.js';
import { newKey } from './support.js';

let redis: RunningRedis;
before(async () => {
  redis = await startRedis();
});
after(() => redis?.stop());

/** A store on its own key prefix, so that the tests never share a counter; closed after `run`. */
async function withStore(run: (store: RedisRateLimitStore, prefix: string, client: Redis) => Promise<void>): Promise<void> {
  const prefix = `test:${newKey()}:`;
  const store = new RedisRateLimitStore(redis.url, { keyPrefix: prefix });
  try {
    await run(store, prefix, store.redis);
  } finally {
    await store.close();
  }
}

describe('RedisRateLimitStore', () => {
  test('takes a point from every counter or from none, and says which are spent', () =>
    withStore(async (store, prefix, client) => {
      const user = { key: 'user', max: 3, windowSeconds: 60 };
      const number = { key: 'number', max: 1, windowSeconds: 600 };
      assert.deepEqual(await store.take([user, number]), { ok: true });
      const refused = await store.take([user, number]);
      assert.ok(!refused.ok);
      assert.deepEqual(refused.spent, [number]);
      // The refused attempt cost the user's counter nothing.
      assert.equal(await client.get(`${prefix}user`), '1');
      assert.equal(await client.get(`${prefix}number`), '1');
      assert.deepEqual(await store.take([user]), { ok: true });
      assert.deepEqual(await store.take([user]), { ok: true });
      const both = await store.take([user, number]);
      assert.ok(!both.ok);
      assert.deepEqual(both.spent, [user, number]);
      assert.equal(await client.get(`${prefix}user`), '3');
    }));

  test('retryAfterMs is the longest PTTL among the spent counters; keys carry the prefix', () =>
    withStore(async (store, prefix, client) => {
      const minute = { key: 'minute', max: 1, windowSeconds: 60 };
      const tenMinutes = { key: 'ten-minutes', max: 1, windowSeconds: 600 };
      const fresh = { key: 'fresh', max: 5, windowSeconds: 60 };
      assert.deepEqual(await store.take([minute, tenMinutes]), { ok: true });
      const pttlBefore = await client.pttl(`${prefix}ten-minutes`);
      const verdict = await store.take([minute, tenMinutes, fresh]);
      const pttlAfter = await client.pttl(`${prefix}ten-minutes`);
      assert.ok(!verdict.ok);
      assert.deepEqual(verdict.spent, [minute, tenMinutes]);
      assert.ok(verdict.retryAfterMs <= pttlBefore && verdict.retryAfterMs >= pttlAfter, `${pttlAfter} <= ${verdict.retryAfterMs} <= ${pttlBefore}`);
      assert.ok(verdict.retryAfterMs > 590_000 && verdict.retryAfterMs <= 600_000);
      const minuteOnly = await store.take([minute]);
      assert.ok(!minuteOnly.ok && minuteOnly.retryAfterMs > 50_000 && minuteOnly.retryAfterMs <= 60_000);
      assert.equal(await client.exists(`${prefix}fresh`), 0, 'a refused attempt creates no counter');
      assert.deepEqual((await client.keys(`${prefix}*`)).sort(), [`${prefix}minute`, `${prefix}ten-minutes`]);
    }));

  test('the default prefix is invite:rl:', async () => {
    const store = new RedisRateLimitStore(redis.url);
    try {
      const key = `default-${newKey()}`;
      assert.deepEqual(await store.take([{ key, max: 1, windowSeconds: 60 }]), { ok: true });
      assert.equal(await store.redis.get(`invite:rl:${key}`), '1');
    } finally {
      await store.close();
    }
  });

  test('a spent counter has its point again once its window ends', () =>
    withStore(async (store) => {
      const second = { key: 'second', max: 2, windowSeconds: 1 };
      const started = Date.now();
      assert.deepEqual(await store.take([second]), { ok: true });
      assert.deepEqual(await store.take([second]), { ok: true });
      const refused = await store.take([second]);
      assert.ok(!refused.ok && refused.retryAfterMs > 0 && refused.retryAfterMs <= 1000);
      // Polling: taken again as soon as the window has ended, never before.
      let verdict = refused as Awaited<ReturnType<typeof store.take>>;
      while (!verdict.ok) {
        assert.ok(Date.now() - started < 5000, 'the window ends');
        await delay(25);
        verdict = await store.take([second]);
      }
      assert.ok(Date.now() - started >= 950, `the window lasted ${Date.now() - started} ms`);
    }));

  test('concurrent takes through several connections never take more than max', async () => {
    const prefix = `test:${newKey()}:`;
    const stores = [1, 2, 3].map(() => new RedisRateLimitStore(redis.url, { keyPrefix: prefix }));
    try {
      const counter = { key: 'shared', max: 5, windowSeconds: 60 };
      const verdicts = await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3]!.take([counter])));
      assert.equal(verdicts.filter((verdict) => verdict.ok).length, 5);
      assert.equal(await stores[0]!.redis.get(`${prefix}shared`), '5');
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});

/** POST /v1/calls, checked against openapi.yaml. */
const call = (server: ServerProcess, phoneNumber: string) => server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber } });

describe('two server processes on one Redis', () => {
  let dir: string;
  let a: ServerProcess;
  let b: ServerProcess;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'invite-redis-limits-'));
    const tenants = join(dir, 'tenants.json');
    const plenty = { max: 1000, windowSeconds: 600 };
    await writeFile(tenants, JSON.stringify({ acme: { limits: { calls: { perUser: plenty, perRoom: plenty, perNumber: { max: 2, windowSeconds: 600 } } } } }));
    [a, b] = await Promise.all([startProcess({ REDIS_URL: redis.url, INVITE_TENANTS: tenants }), startProcess({ REDIS_URL: redis.url, INVITE_TENANTS: tenants })]);
  });
  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((server) => stopProcess(server)));
    await rm(dir, { recursive: true, force: true });
  });

  test('each says at start that its state is in Redis', () => {
    for (const server of [a, b]) assert.match(server.output(), new RegExp(`state in Redis at ${redis.url.replaceAll('.', '\\.')}`));
  });

  test('calls placed through one count against the other: one through A, one through B, the third is 429 through either', async () => {
    const number = '+12015550131';
    assert.equal((await call(a, number)).status, 202);
    assert.equal((await call(b, number)).status, 202);
    for (const server of [a, b]) {
      const refused = await call(server, number);
      assert.equal(refused.status, 429, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'rate-limited');
      const retryAfterMs = refused.body.retryAfterMs as number;
      assert.ok(retryAfterMs > 590_000 && retryAfterMs <= 600_000, `retryAfterMs ${retryAfterMs}`);
      assert.equal(refused.headers.get('retry-after'), String(Math.ceil(retryAfterMs / 1000)));
    }
  });

  test('calls at the same moment through both processes: exactly the limit gets through', async () => {
    const number = '+12015550132';
    const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => call(i % 2 === 0 ? a : b, number)));
    assert.deepEqual(
      sent.map((response) => response.status).sort(),
      [202, 202, 429, 429, 429, 429, 429, 429, 429, 429],
    );
  });
});
