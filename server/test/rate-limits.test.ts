import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { DEFAULT_LIMITS, loadTenantsFile, MemoryRateLimitStore, tenantsFrom, type Tenants } from '../dist/index.js';
import { newKey, startServer, TEST_SECRET, token, type Claims, type Sent, type Server } from './support.js';

/** A US number in the fictional 555-01xx range: `nth(7)` is +12015550107. */
const nth = (n: number): string => `+120155501${String(n).padStart(2, '0')}`;
const plenty = { max: 1000, windowSeconds: 600 };
const generous = { perUser: plenty, perRoom: plenty, perNumber: plenty };

/** A server with the real in-memory limits, for tenant `acme` as `limits` says (the rest generous). */
async function limitedServer(limits: { calls?: object; sms?: object } = {}, tenants?: Tenants): Promise<Server> {
  const config = { acme: { limits: { calls: { ...generous, ...limits.calls }, sms: { ...generous, ...limits.sms } } } };
  return startServer({ tenants: tenants ?? tenantsFrom(config), rateLimits: new MemoryRateLimitStore() });
}

async function within(starting: Promise<Server>, run: (server: Server) => Promise<void>): Promise<void> {
  const server = await starting;
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

const bearers = new Map<string, Promise<string>>();
/** The token of `user-N` (an owner in room-1 of acme unless the claims say otherwise). */
const as = (claims: Claims = {}): Promise<string> => {
  const id = JSON.stringify(claims);
  if (!bearers.has(id)) bearers.set(id, token(claims));
  return bearers.get(id)!;
};

const call = async (server: Server, phoneNumber: string, claims: Claims = {}, key = newKey()): Promise<Sent> =>
  server.api('POST', '/v1/calls', { key, token: await as(claims), body: { phoneNumber } });

const sms = async (server: Server, phoneNumber: string, claims: Claims = {}, key = newKey()): Promise<Sent> =>
  server.api('POST', '/v1/sms', { key, token: await as(claims), body: { phoneNumber, message: 'Join the call: https://meet.example/r/1' } });

function accepted(sent: Sent): Sent {
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  return sent;
}

/** A 429 whose `Retry-After` is its `retryAfterMs` in whole seconds, rounded up; returns `retryAfterMs`. */
function limited(sent: Sent, reason: string, windowMs: number): number {
  assert.equal(sent.status, 429, JSON.stringify(sent.body));
  assert.equal(sent.body.code, 'rate-limited');
  const retryAfterMs = sent.body.retryAfterMs as number;
  assert.ok(Number.isInteger(retryAfterMs) && retryAfterMs > 0 && retryAfterMs <= windowMs, `retryAfterMs ${retryAfterMs} within (0, ${windowMs}]`);
  assert.equal(sent.headers.get('retry-after'), String(Math.ceil(retryAfterMs / 1000)));
  assert.match(String(sent.body.detail), new RegExp(reason.replaceAll(',', ', ')));
  return retryAfterMs;
}

describe('rate limits', () => {
  test('defaults: the same number 3 times in 10 minutes, 10 calls a minute per user; SMS counted apart', () =>
    within(startServer({ rateLimits: new MemoryRateLimitStore() }), async (server) => {
      assert.deepEqual(DEFAULT_LIMITS.calls, { perUser: { max: 10, windowSeconds: 60 }, perRoom: { max: 30, windowSeconds: 60 }, perNumber: { max: 3, windowSeconds: 600 } });
      assert.deepEqual(DEFAULT_LIMITS.sms, DEFAULT_LIMITS.calls);
      for (let i = 0; i < 3; i++) accepted(await call(server, nth(0)));
      const cooldown = limited(await call(server, nth(0)), 'per-number', 600_000);
      assert.ok(cooldown > 590_000, `the cooldown started with the first call: ${cooldown}`);
      accepted(await sms(server, nth(0)));
      // The refused fourth call took nothing: seven more make ten.
      for (let i = 1; i <= 7; i++) accepted(await call(server, nth(i)));
      limited(await call(server, nth(8)), 'per-user', 60_000);
      accepted(await call(server, nth(8), { sub: 'user-2' }));
    }));

  test('per user: another user in the room is not held back', () =>
    within(limitedServer({ calls: { perUser: { max: 2, windowSeconds: 60 } } }), async (server) => {
      accepted(await call(server, nth(1)));
      accepted(await call(server, nth(2)));
      limited(await call(server, nth(3)), 'per-user', 60_000);
      accepted(await call(server, nth(3), { sub: 'user-2' }));
      const audit = server.logs.filter((line) => line.outcome === 'rate-limited');
      assert.deepEqual(
        audit.map(({ audit: action, sub, tenant, room, number, reason }) => ({ action, sub, tenant, room, number, reason })),
        [{ action: 'call', sub: 'user-1', tenant: 'acme', room: 'room-1', number: '+1201•••0103', reason: 'per-user' }],
      );
      assert.ok(!server.logText().includes('12015550103'), 'the log holds a whole number');
    }));

  test('per room: two users in one room share its limit; another room has its own', () =>
    within(limitedServer({ calls: { perRoom: { max: 3, windowSeconds: 60 } } }), async (server) => {
      accepted(await call(server, nth(1)));
      accepted(await call(server, nth(2)));
      accepted(await call(server, nth(3), { sub: 'user-2' }));
      limited(await call(server, nth(4), { sub: 'user-2' }), 'per-room', 60_000);
      limited(await call(server, nth(4)), 'per-room', 60_000);
      accepted(await call(server, nth(4), { sub: 'user-3', room: 'room-2' }));
    }));

  test('per number: a cooldown before the same number is called again, by anyone', () =>
    within(limitedServer({ calls: { perNumber: { max: 1, windowSeconds: 300 } } }), async (server) => {
      accepted(await call(server, nth(1)));
      limited(await call(server, nth(1)), 'per-number', 300_000);
      limited(await call(server, nth(1), { sub: 'user-2', room: 'room-2' }), 'per-number', 300_000);
      accepted(await call(server, nth(2)));
    }));

  test('a refused attempt uses up nothing: not a bad number, not a rate-limited one', () =>
    within(
      limitedServer({ calls: { perUser: { max: 1, windowSeconds: 60 }, perNumber: { max: 2, windowSeconds: 60 } } }),
      async (server) => {
        assert.equal((await call(server, '+19005550123')).status, 422);
        assert.equal((await call(server, '+442071234567')).status, 422);
        assert.equal((await call(server, '2015550123')).status, 422);
        accepted(await call(server, nth(1)));
        limited(await call(server, nth(1)), 'per-user', 60_000);
        // user-1's refused call took no point from the number: one is left.
        accepted(await call(server, nth(1), { sub: 'user-2' }));
        limited(await call(server, nth(1), { sub: 'user-3' }), 'per-number', 60_000);
      },
    ));

  test('SMS: per user and per number, apart from calls', () =>
    within(
      limitedServer({ sms: { perUser: { max: 2, windowSeconds: 60 }, perNumber: { max: 1, windowSeconds: 600 } }, calls: { perNumber: { max: 1, windowSeconds: 600 } } }),
      async (server) => {
        accepted(await sms(server, nth(1)));
        limited(await sms(server, nth(1)), 'per-number', 600_000);
        accepted(await sms(server, nth(2)));
        limited(await sms(server, nth(3)), 'per-user', 60_000);
        accepted(await call(server, nth(1)));
        limited(await call(server, nth(1)), 'per-number', 600_000);
        const audit = server.logs.filter((line) => line.outcome === 'rate-limited');
        assert.deepEqual(
          audit.map(({ audit: action, number, reason }) => ({ action, number, reason })),
          [
            { action: 'sms', number: '+1201•••0101', reason: 'per-number' },
            { action: 'sms', number: '+1201•••0103', reason: 'per-user' },
            { action: 'call', number: '+1201•••0101', reason: 'per-number' },
          ],
        );
      },
    ));

  test('a replayed key is answered as before: never limited, and it takes no point', () =>
    within(limitedServer({ calls: { perUser: { max: 2, windowSeconds: 60 } }, sms: { perUser: { max: 1, windowSeconds: 60 } } }), async (server) => {
      const key = newKey();
      const first = accepted(await call(server, nth(1), {}, key));
      for (let i = 0; i < 3; i++) {
        const replay = accepted(await call(server, nth(1), {}, key));
        assert.deepEqual(replay.body, first.body);
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      }
      accepted(await call(server, nth(2)));
      const refusedKey = newKey();
      limited(await call(server, nth(3), {}, refusedKey), 'per-user', 60_000);
      // Over the limit, the first intent still replays; the refused one was not remembered.
      assert.deepEqual(accepted(await call(server, nth(1), {}, key)).body, first.body);
      limited(await call(server, nth(3), {}, refusedKey), 'per-user', 60_000);

      const smsKey = newKey();
      const sent = accepted(await sms(server, nth(1), {}, smsKey));
      limited(await sms(server, nth(2)), 'per-user', 60_000);
      assert.deepEqual(accepted(await sms(server, nth(1), {}, smsKey)).body, sent.body);
    }));

  test('Retry-After is the longest wait of the spent limits', () =>
    within(limitedServer({ calls: { perUser: { max: 1, windowSeconds: 60 }, perNumber: { max: 1, windowSeconds: 120 } } }), async (server) => {
      accepted(await call(server, nth(1)));
      const both = await call(server, nth(1));
      const retryAfterMs = limited(both, 'per-user,per-number', 120_000);
      assert.ok(retryAfterMs > 60_000, `the number's wait, not the user's: ${retryAfterMs}`);
      assert.equal(server.logs.find((line) => line.outcome === 'rate-limited')?.reason, 'per-user,per-number');
    }));

  test('a window ends: the attempt is accepted once retryAfterMs has passed, not before', () =>
    within(limitedServer({ calls: { perUser: { max: 1, windowSeconds: 1 } } }), async (server) => {
      accepted(await call(server, nth(1)));
      const before = Date.now();
      const retryAfterMs = limited(await call(server, nth(2)), 'per-user', 1000);
      let sent: Sent;
      const deadline = before + 5000;
      for (;;) {
        sent = await call(server, nth(2));
        if (sent.status !== 429) break;
        assert.ok(Date.now() < deadline, 'still limited 5 s after a 1 s window');
        await delay(20);
      }
      accepted(sent);
      assert.ok(Date.now() - before >= retryAfterMs, `accepted after ${Date.now() - before} ms, told to wait ${retryAfterMs} ms`);
      limited(await call(server, nth(3)), 'per-user', 1000);
    }));

  test('attempts at once never get past the limit together', () =>
    within(limitedServer({ calls: { perUser: { max: 3, windowSeconds: 60 } } }), async (server) => {
      const sent = await Promise.all(Array.from({ length: 12 }, (_, i) => call(server, nth(10 + i))));
      assert.deepEqual(
        sent.map((answer) => answer.status).sort(),
        [...Array(3).fill(202), ...Array(9).fill(429)],
      );
    }));

  test('per tenant, from a tenants file: one tenant tighter, another on the defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'invite-server-limits-'));
    const file = join(dir, 'tenants.json');
    await writeFile(
      file,
      JSON.stringify({
        acme: { limits: { calls: { perNumber: { max: 1, windowSeconds: 600 } }, sms: { perUser: { max: 1, windowSeconds: 60 } } } },
        globex: { countries: ['US'] },
      }),
    );
    await within(startServer({ tenants: await loadTenantsFile(file), rateLimits: new MemoryRateLimitStore() }), async (server) => {
      accepted(await call(server, nth(1)));
      limited(await call(server, nth(1)), 'per-number', 600_000);
      accepted(await sms(server, nth(1)));
      limited(await sms(server, nth(2)), 'per-user', 60_000);
      const globex = { tenant: 'globex' };
      for (let i = 0; i < 3; i++) accepted(await call(server, nth(1), globex));
      limited(await call(server, nth(1), globex), 'per-number', 600_000);
      accepted(await sms(server, nth(1), globex));
      accepted(await sms(server, nth(2), globex));
    });
  });

  test('the limits in a tenants file are checked when it loads; what is left out keeps the default', () => {
    const tenant = tenantsFrom({ acme: { limits: { sms: { perRoom: { max: 5, windowSeconds: 30 } } } } })('acme')!;
    assert.deepEqual(tenant.limits, { calls: DEFAULT_LIMITS.calls, sms: { ...DEFAULT_LIMITS.sms, perRoom: { max: 5, windowSeconds: 30 } } });
    assert.deepEqual(tenantsFrom({ acme: {} })('acme')!.limits, DEFAULT_LIMITS);
    const refused: [unknown, RegExp][] = [
      [[], /limits must be an object/],
      [{ call: {} }, /limits has unknown keys call/],
      [{ calls: { perUsr: { max: 1, windowSeconds: 1 } } }, /limits\.calls has unknown keys perUsr/],
      [{ calls: { perUser: [10, 60] } }, /limits\.calls\.perUser must be an object/],
      [{ calls: { perUser: { max: 10 } } }, /limits\.calls\.perUser\.windowSeconds must be a whole number/],
      [{ calls: { perUser: { max: 0, windowSeconds: 60 } } }, /limits\.calls\.perUser\.max must be a whole number from 1/],
      [{ sms: { perNumber: { max: 2.5, windowSeconds: 60 } } }, /limits\.sms\.perNumber\.max/],
      [{ sms: { perNumber: { max: 3, windowSeconds: 0.5 } } }, /limits\.sms\.perNumber\.windowSeconds/],
      [{ sms: { perNumber: { max: 3, windowSeconds: 8 * 24 * 3600 } } }, /windowSeconds must be a whole number of seconds from 1 to 604800/],
      [{ sms: { perNumber: { max: 3, windowSeconds: 60, burst: 2 } } }, /limits\.sms\.perNumber has unknown keys burst/],
    ];
    for (const [limits, message] of refused) {
      assert.throws(() => tenantsFrom({ acme: { limits } }), (error: Error) => error instanceof TypeError && message.test(error.message) && error.message.startsWith('Tenant "acme"'));
    }
  });

  test('the server does not start on a tenants file with bad limits, and says which', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'invite-server-limits-'));
    const file = join(dir, 'tenants.json');
    await writeFile(file, JSON.stringify({ acme: { limits: { calls: { perUsr: { max: 1, windowSeconds: 60 } } } } }));
    const child = spawn(process.execPath, [new URL('../dist/main.js', import.meta.url).pathname], {
      env: { ...process.env, INVITE_JWT_SECRET: TEST_SECRET, PORT: '0', INVITE_TENANTS: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 1);
    assert.match(output, /INVITE_TENANTS: Tenant \\"acme\\": limits\.calls has unknown keys perUsr/);
  });
});
