import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newKey, readEvents, startServer, startWithManualProvider, states, token, type ManualProvider, type Server } from './support.js';

describe('calls', () => {
  let server: Server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const place = async (phoneNumber: string, bearer?: string) => {
    const placed = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber }, ...(bearer ? { token: bearer } : {}) });
    assert.equal(placed.status, 202, JSON.stringify(placed.body));
    return placed;
  };

  test('each simulated outcome by last digit, followed to its end', async () => {
    const expected: Record<string, unknown[]> = {
      '+12015550120': ['dialing', 'ringing', 'answered', 'joined'],
      '+12015550121': ['dialing', 'ringing', 'no-answer'],
      '+12015550122': ['dialing', 'ringing', 'busy'],
      '+12015550123': ['dialing', 'ringing', 'rejected'],
      '+12015550124': ['dialing', 'failed'],
      '+12015550125': ['dialing', 'failed'],
      '+12015550128': ['dialing', 'ringing', 'answered', 'joined'],
    };
    for (const [phoneNumber, outcome] of Object.entries(expected)) {
      const { body, headers } = await place(phoneNumber);
      assert.equal(body.state, 'dialing');
      assert.match(String(body.id), /^call_/);
      assert.equal(headers.get('location'), `/v1/calls/${body.id}`);
      const { events, ended } = await readEvents(server, `/v1/calls/${body.id}/events`);
      assert.ok(ended, 'the stream ends after a final state');
      assert.deepEqual(states(events), outcome, phoneNumber);
      assert.deepEqual(
        events.map((event) => event.id),
        outcome.map((_, index) => index + 1),
      );
      assert.ok(events.every((event) => event.event === 'status'));
      const final = events.at(-1)!.data;
      if (final.state === 'joined') assert.match(String(final.participantId), /^simulated-participant-/);
      if (final.state === 'failed') assert.equal(typeof final.reason, 'string');
      const current = await server.api('GET', `/v1/calls/${body.id}`);
      assert.equal(current.status, 200);
      assert.deepEqual(current.body, { id: body.id, ...final });
    }
  });

  test('a stream opened after the call ended replays it from the first event; Last-Event-ID from there on', async () => {
    const { body } = await place('+12015550120');
    await readEvents(server, `/v1/calls/${body.id}/events`);
    assert.deepEqual(states((await readEvents(server, `/v1/calls/${body.id}/events`)).events), ['dialing', 'ringing', 'answered', 'joined']);
    assert.deepEqual(states((await readEvents(server, `/v1/calls/${body.id}/events`, { lastEventId: '2' })).events), ['answered', 'joined']);
    const { events, ended } = await readEvents(server, `/v1/calls/${body.id}/events`, { lastEventId: '4' });
    assert.deepEqual(events, []);
    assert.ok(ended);
    // An id the server never sent starts over rather than skipping.
    assert.equal((await readEvents(server, `/v1/calls/${body.id}/events`, { lastEventId: 'bogus' })).events.length, 4);
  });

  test('DELETE hangs up a ringing call (202), then 409 once final; the stream ends with canceled', async () => {
    const { body } = await place('+12015550129');
    const ringing = await readEvents(server, `/v1/calls/${body.id}/events`, { until: (events) => events.at(-1)?.data.state === 'ringing' });
    assert.deepEqual(states(ringing.events), ['dialing', 'ringing']);
    const follower = readEvents(server, `/v1/calls/${body.id}/events`, { lastEventId: '2' });
    const hangUp = await server.api('DELETE', `/v1/calls/${body.id}`);
    assert.equal(hangUp.status, 202);
    assert.deepEqual(hangUp.body, { id: body.id, state: 'canceled' });
    const { events, ended } = await follower;
    assert.ok(ended);
    assert.deepEqual(
      events.map((event) => [event.id, event.data.state]),
      [[3, 'canceled']],
    );
    const again = await server.api('DELETE', `/v1/calls/${body.id}`);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'already-final');
    const answered = await place('+12015550120');
    await readEvents(server, `/v1/calls/${answered.body.id}/events`);
    assert.equal((await server.api('DELETE', `/v1/calls/${answered.body.id}`)).status, 409);
  });

  test('only the caller who placed a call may read, follow or hang it up', async () => {
    const { body } = await place('+12015550129');
    await readEvents(server, `/v1/calls/${body.id}/events`, { until: (events) => events.at(-1)?.data.state === 'ringing' });
    const others = [await token({ sub: 'someone-else' }), await token({ tenant: 'other-tenant' }), await token({ room: 'room-2', sub: 'user-2' })];
    for (const other of others) {
      for (const [method, path] of [
        ['GET', `/v1/calls/${body.id}`],
        ['GET', `/v1/calls/${body.id}/events`],
        ['DELETE', `/v1/calls/${body.id}`],
      ] as const) {
        const { status, body: problem } = await server.api(method, path, { token: other });
        assert.equal(status, 404, `${method} ${path}`);
        assert.equal(problem.code, 'not-found');
      }
    }
    // Still ringing: nobody else hung it up.
    assert.equal((await server.api('GET', `/v1/calls/${body.id}`)).body.state, 'ringing');
    assert.equal((await server.api('DELETE', `/v1/calls/${body.id}`)).status, 202);
    for (const path of ['/v1/calls/call_nope', '/v1/calls/call_nope/events', '/v1/sms/sms_nope', '/v1/sms/sms_nope/events']) {
      assert.equal((await server.api('GET', path)).status, 404);
    }
    assert.equal((await server.api('DELETE', '/v1/calls/call_nope')).status, 404);
  });

  test('an unknown route is a problem+json 404', async () => {
    const { status, body } = await fetch(`${server.url}/v2/anything`).then(async (response) => ({ status: response.status, body: (await response.json()) as { code: string } }));
    assert.equal(status, 404);
    assert.equal(body.code, 'not-found');
  });
});

describe('idempotency', () => {
  let server: Server;
  let provider: ManualProvider;
  before(async () => ({ server, provider } = await startWithManualProvider()));
  after(() => server.close());

  test('the same key and body returns the same call, with the same status and body, and dials once', async () => {
    const key = newKey();
    const first = await server.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120', displayName: 'Ada' } });
    assert.equal(first.status, 202);
    const dialsBefore = provider.dials.length;
    // The call moves on; the replay still answers as the first request was answered.
    provider.dials.at(-1)!.report({ state: 'ringing' });
    const replay = await server.api('POST', '/v1/calls', { key, body: { displayName: 'Ada', phoneNumber: '+12015550120' } });
    assert.equal(replay.status, first.status);
    assert.deepEqual(replay.body, first.body);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(provider.dials.length, dialsBefore, 'no second dial');
    assert.equal(provider.dials.at(-1)!.request.displayName, 'Ada');
  });

  test('the same key with another body is 422 idempotency-mismatch', async () => {
    const key = newKey();
    assert.equal((await server.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' } })).status, 202);
    for (const body of [{ phoneNumber: '+12015550130' }, { phoneNumber: '+12015550120', displayName: 'Eve' }]) {
      const mismatch = await server.api('POST', '/v1/calls', { key, body });
      assert.equal(mismatch.status, 422);
      assert.equal(mismatch.body.code, 'idempotency-mismatch');
    }
    const acrossRoutes = await server.api('POST', '/v1/sms', { key, body: { phoneNumber: '+12015550120', message: 'hi' } });
    assert.equal(acrossRoutes.body.code, 'idempotency-mismatch');
  });

  test('a missing, empty or oversized key is 400 invalid-request and dials nothing', async () => {
    const dialsBefore = provider.dials.length;
    for (const headers of [{} as Record<string, string>, { 'idempotency-key': '' }, { 'idempotency-key': '   ' }, { 'idempotency-key': 'x'.repeat(256) }]) {
      for (const [path, body] of [
        ['/v1/calls', { phoneNumber: '+12015550120' }],
        ['/v1/sms', { phoneNumber: '+12015550120', message: 'hi' }],
      ] as const) {
        const { status, body: problem } = await server.api('POST', path, { body, headers });
        assert.equal(status, 400);
        assert.equal(problem.code, 'invalid-request');
      }
    }
    assert.equal(provider.dials.length, dialsBefore);
  });

  test('while a request with a key is being answered, the same key is 409 idempotency-in-progress, for calls and for SMS', async () => {
    // A rate-limit store that holds each request until the test lets it go, as a slow Redis would.
    const held: (() => void)[] = [];
    const slow = await startServer({
      rateLimits: {
        take: () => new Promise((resolve) => held.push(() => resolve({ ok: true }))),
      },
    });
    try {
      for (const [path, body] of [
        ['/v1/calls', { phoneNumber: '+12015550120' }],
        ['/v1/sms', { phoneNumber: '+12015550120', message: 'Join: https://meet.example/r/1' }],
      ] as const) {
        const key = newKey();
        const first = slow.api('POST', path, { key, body });
        // The first request holds its key from its claim until its answer.
        while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
        const second = await slow.api('POST', path, { key, body });
        assert.equal(second.status, 409);
        assert.equal(second.body.code, 'idempotency-in-progress');
        assert.equal(second.headers.get('retry-after'), '1');
        held.shift()!();
        assert.equal((await first).status, 202);
        const replayed = await slow.api('POST', path, { key, body });
        assert.deepEqual(replayed.body, (await first).body);
      }
    } finally {
      await slow.close();
    }
  });

  test('keys are scoped to the caller: another user with the same key places their own call', async () => {
    const key = newKey();
    const mine = await server.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' } });
    const theirs = await server.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' }, token: await token({ sub: 'user-2' }) });
    const otherTenant = await server.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550130' }, token: await token({ tenant: 'beta' }) });
    assert.equal(theirs.status, 202);
    assert.equal(otherTenant.status, 202);
    assert.notEqual(theirs.body.id, mine.body.id);
  });

  test('a refused request is not remembered: the key can be used for a corrected number', async () => {
    const key = newKey();
    assert.equal((await server.api('POST', '/v1/calls', { key, body: { phoneNumber: '+19005550120' } })).status, 422);
    assert.equal((await server.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' } })).status, 202);
  });

  test('keys are kept for the configured time (24 h by default), then forgotten', async () => {
    let now = Date.now();
    const clocked = await startServer({ provider, now: () => now });
    try {
      const key = newKey();
      const first = await clocked.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' } });
      now += 24 * 60 * 60 * 1000 - 1;
      assert.deepEqual((await clocked.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' } })).body, first.body);
      now += 2;
      const later = await clocked.api('POST', '/v1/calls', { key, body: { phoneNumber: '+12015550120' } });
      assert.equal(later.status, 202);
      assert.notEqual(later.body.id, first.body.id);
    } finally {
      await clocked.close();
    }
  });

  test('Last-Event-ID resumes with exactly the missed events after the connection is cut mid-call', async () => {
    const placed = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120' } });
    const dial = provider.dials.at(-1)!;
    assert.equal(dial.request.callId, placed.body.id);
    const path = `/v1/calls/${placed.body.id}/events`;

    const cut = await readEvents(server, path, { until: (events) => events.length === 1 });
    assert.deepEqual(states(cut.events), ['dialing']);
    assert.equal(cut.ended, false);

    // While nobody listens, the call moves on.
    dial.report({ state: 'ringing' });
    dial.report({ state: 'ringing' });
    dial.report({ state: 'answered' });
    assert.equal((await server.api('GET', `/v1/calls/${placed.body.id}`)).body.state, 'answered');

    const resumed = readEvents(server, path, { lastEventId: String(cut.events.at(-1)!.id) });
    const second = await readEvents(server, path, { lastEventId: '1', until: (events) => events.length === 2 });
    assert.deepEqual(
      second.events.map((event) => [event.id, event.data.state]),
      [
        [2, 'ringing'],
        [3, 'answered'],
      ],
    );
    dial.finish({ state: 'joined', participantId: 'p-1' });
    const { events, ended } = await resumed;
    assert.ok(ended);
    assert.deepEqual(
      events.map((event) => [event.id, event.data]),
      [
        [2, { state: 'ringing' }],
        [3, { state: 'answered' }],
        [4, { state: 'joined', participantId: 'p-1' }],
      ],
    );
    // Updates after the final one change nothing.
    dial.report({ state: 'failed' });
    assert.equal((await server.api('GET', `/v1/calls/${placed.body.id}`)).body.state, 'joined');
  });

  test('a hang-up reaches the provider as an abort', async () => {
    const placed = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120' } });
    const dial = provider.dials.at(-1)!;
    assert.equal(dial.signal.aborted, false);
    assert.equal((await server.api('DELETE', `/v1/calls/${placed.body.id}`)).status, 202);
    assert.equal(dial.signal.aborted, true);
    // A late answer from the provider does not undo the hang-up.
    dial.report({ state: 'joined', participantId: 'late' });
    assert.equal((await server.api('GET', `/v1/calls/${placed.body.id}`)).body.state, 'canceled');
  });
});
