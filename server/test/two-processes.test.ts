// Several `node dist/main.js` processes on one real redis-server act as one server: a call placed
// through one is replayed, followed and hung up through another, and a process that dies mid-call
// loses nothing that another cannot serve. The simulated provider runs at its own pace (a call
// that answers takes about 3.5 s), as in a deployment.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startProcess, stopProcess, type ServerProcess } from './processes.js';
import { startRedis, type RunningRedis } from './redis.js';
import { newKey, readEvents, states, token } from './support.js';

let redis: RunningRedis;
let dir: string;
let env: Record<string, string>;
const started: ServerProcess[] = [];

/** Another process on the shared Redis, stopped after the suite. */
async function serverProcess(): Promise<ServerProcess> {
  const server = await startProcess(env);
  started.push(server);
  return server;
}

before(async () => {
  redis = await startRedis();
  dir = await mkdtemp(join(tmpdir(), 'invite-two-processes-'));
  const tenants = join(dir, 'tenants.json');
  const plenty = { max: 1000, windowSeconds: 600 };
  const limits = { perUser: plenty, perRoom: plenty, perNumber: plenty };
  await writeFile(tenants, JSON.stringify({ acme: { limits: { calls: limits, sms: limits } } }));
  env = { REDIS_URL: redis.url, INVITE_TENANTS: tenants };
});
after(async () => {
  await Promise.all(started.map((server) => stopProcess(server)));
  await rm(dir, { recursive: true, force: true });
  await redis?.stop();
});

/** The audit lines a process logged about one attempt. */
const auditOf = (server: ServerProcess, id: unknown): string[] =>
  server
    .output()
    .split('\n')
    .filter((line) => line.includes(`"id":"${String(id)}"`))
    .map((line) => (JSON.parse(line) as { outcome: string }).outcome);

describe('two server processes on one Redis', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  before(async () => {
    [a, b] = await Promise.all([serverProcess(), serverProcess()]);
  });

  test('a call placed through A is replayed and followed to its end through B, and dialed once', async () => {
    const key = newKey();
    const placed = await a.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' } });
    assert.equal(placed.status, 202);
    const replayed = await b.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' } });
    assert.equal(replayed.status, 202);
    assert.deepEqual(replayed.body, placed.body);
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.equal((await b.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550130' } })).status, 422);

    const { events, ended } = await readEvents(b, `/v1/calls/${placed.body.id}/events`);
    assert.ok(ended);
    assert.deepEqual(states(events), ['dialing', 'ringing', 'answered', 'joined']);
    assert.deepEqual(
      events.map((event) => event.id),
      [1, 2, 3, 4],
    );
    assert.equal((await a.api('GET', `/v1/calls/${placed.body.id}`)).body.state, 'joined');
    await a.logged((line) => line.id === placed.body.id && line.outcome === 'joined');
    assert.deepEqual(auditOf(a, placed.body.id), ['accepted', 'joined']);
    assert.deepEqual(auditOf(b, placed.body.id), ['replayed']);
  });

  test('a call A is dialing is hung up through B: A hangs up, both streams end with canceled, a second hang-up is 409', async () => {
    // Numbers ending in 9 ring until hung up.
    const placed = await a.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550129' } });
    const path = `/v1/calls/${placed.body.id}/events`;
    const onA = readEvents(a, path);
    const ringing = await readEvents(b, path, { until: (events) => events.at(-1)?.data.state === 'ringing' });
    assert.deepEqual(states(ringing.events), ['dialing', 'ringing']);
    const onB = readEvents(b, path, { lastEventId: '2' });

    assert.deepEqual((await b.api('DELETE', `/v1/calls/${placed.body.id}`)).body, { id: placed.body.id, state: 'canceled' });
    assert.deepEqual(states((await onA).events), ['dialing', 'ringing', 'canceled']);
    assert.deepEqual(
      (await onB).events.map((event) => [event.id, event.data.state]),
      [[3, 'canceled']],
    );
    // The simulated provider in A settles only when its dial is aborted.
    await a.logged((line) => line.id === placed.body.id && line.outcome === 'canceled');
    const again = await a.api('DELETE', `/v1/calls/${placed.body.id}`);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'already-final');
  });

  test('an SMS sent through B is read and followed through A', async () => {
    const sent = await b.api('POST', '/v1/sms', { key: newKey(), body: { phoneNumber: '+12015550120', message: 'Join: https://meet.example/r/1' } });
    assert.equal(sent.status, 202);
    assert.deepEqual(states((await readEvents(a, `/v1/sms/${sent.body.id}/events`)).events), ['accepted', 'sent', 'delivered']);
    assert.equal((await a.api('GET', `/v1/sms/${sent.body.id}`)).body.state, 'delivered');
  });

  test('another caller gets 404 through either process', async () => {
    const placed = await a.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550121' } });
    const stranger = await token({ sub: 'user-2' });
    for (const server of [a, b]) assert.equal((await server.api('GET', `/v1/calls/${placed.body.id}`, { token: stranger })).status, 404);
    assert.equal((await b.api('DELETE', `/v1/calls/${placed.body.id}`, { token: stranger })).status, 404);
  });
});

describe('a process that dies mid-call', () => {
  test('the follower it served resumes on another with Last-Event-ID and misses nothing', async () => {
    const [placing, doomed] = await Promise.all([serverProcess(), serverProcess()]);
    const placed = await placing.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550129' } });
    const path = `/v1/calls/${placed.body.id}/events`;
    let ringing!: () => void;
    const rang = new Promise<void>((resolve) => (ringing = resolve));
    const cut = readEvents(doomed, path, { onEvent: (event) => event.data.state === 'ringing' && ringing() });
    await rang;
    const broken = assert.rejects(cut, 'the stream through the killed process breaks');
    await stopProcess(doomed, 'SIGKILL');
    await broken;

    // While nobody follows, the call is hung up.
    assert.equal((await placing.api('DELETE', `/v1/calls/${placed.body.id}`)).status, 202);
    const resumed = await readEvents(placing, path, { lastEventId: '2' });
    assert.deepEqual(
      resumed.events.map((event) => [event.id, event.data.state]),
      [[3, 'canceled']],
    );
  });

  test('when the process that placed it is killed, the others still serve the call and its key, then report it failed', async () => {
    const [doomed, other] = await Promise.all([serverProcess(), serverProcess()]);
    const key = newKey();
    const placed = await doomed.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550129' } });
    const path = `/v1/calls/${placed.body.id}/events`;
    const ringing = await readEvents(other, path, { until: (events) => events.at(-1)?.data.state === 'ringing' });
    const following = readEvents(other, path, { lastEventId: String(ringing.events.at(-1)!.id) });
    await stopProcess(doomed, 'SIGKILL');

    // The key is still answered with the same call: a retry does not dial again.
    const retried = await other.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550129' } });
    assert.deepEqual(retried.body, placed.body);
    // Once the dead process's heartbeat has expired (5 s), the call is reported as lost.
    const { events, ended } = await following;
    assert.ok(ended);
    assert.deepEqual(
      events.map((event) => [event.id, event.data.state]),
      [[3, 'failed']],
    );
    assert.match(String(events[0]!.data.reason), /server placing the call stopped/);
    const read = await other.api('GET', `/v1/calls/${placed.body.id}`);
    assert.equal(read.body.state, 'failed');
    assert.equal((await other.api('DELETE', `/v1/calls/${placed.body.id}`)).status, 409);
  });
});
