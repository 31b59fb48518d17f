// The library's createHttpTransport (invite-elements/http, from the root build) against the real
// server on a loopback port: every answer it receives is checked against openapi.yaml.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHttpTransport, type HttpTransport } from '../../dist/http.js';
import type { DialOutUpdate } from '../../dist/transport/types.js';
import { DEFAULT_TENANT } from '../dist/index.js';
import { checkContract, newKey, startServer, startWithManualProvider, token, type Claims, type ManualProvider, type Server } from './support.js';

interface Sent {
  method: string;
  path: string;
  headers: Headers;
  status?: number;
  replayed?: boolean;
}

/** A fetch that records each request, checks each answer against openapi.yaml, and lets a test step in. */
function recordingFetch(step?: (request: Request, index: number) => Promise<Response | undefined> | undefined): typeof fetch & { sent: Sent[] } {
  const sent: Sent[] = [];
  const recording = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const entry: Sent = { method: request.method, path: new URL(request.url).pathname, headers: request.headers };
    sent.push(entry);
    const response = (await step?.(request, sent.length - 1)) ?? (await fetch(request));
    entry.status = response.status;
    entry.replayed = response.headers.get('idempotent-replayed') === 'true';
    const contentType = response.headers.get('content-type');
    if (!contentType?.startsWith('text/event-stream')) {
      const raw = await response.clone().text();
      if (response.status >= 400) assert.equal(contentType, 'application/problem+json');
      checkContract(request.method, request.url, response.status, contentType, raw === '' ? {} : JSON.parse(raw));
    }
    return response;
  };
  return Object.assign(recording, { sent });
}

function transportFor(server: Server, { claims, fetch: fetchFn = recordingFetch() }: { claims?: Claims; fetch?: typeof fetch } = {}): HttpTransport {
  return createHttpTransport({ baseUrl: server.url, getToken: () => token(claims), fetch: fetchFn });
}

/** Follows a call, keeping every status it reports; `reached(state)` resolves once that state was reported. */
function follower() {
  const statuses: string[] = [];
  const waiting = new Map<string, () => void>();
  return {
    statuses,
    onStatus(update: DialOutUpdate) {
      statuses.push(update.state);
      waiting.get(update.state)?.();
    },
    reached(state: string): Promise<void> {
      if (statuses.includes(state)) return Promise.resolve();
      return new Promise((resolve) => waiting.set(state, resolve));
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; retryAfterMs?: number; status?: number }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error, 'rejects with an Error');
    return error as Error & { code?: string };
  }
  assert.fail('did not reject');
}

const signal = () => new AbortController().signal;

describe('createHttpTransport against the server', () => {
  let server: Server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  test('getPolicy reads GET /v1/policy for the token’s role', async () => {
    assert.deepEqual(await transportFor(server).getPolicy({ signal: signal() }), { dialOut: true, sms: true, countries: ['US', 'CA'] });
    assert.deepEqual(await transportFor(server, { claims: { role: 'moderator' } }).getPolicy({ signal: signal() }), {
      dialOut: true,
      sms: false,
      countries: ['US', 'CA'],
    });
  });

  test('a call that joins: its statuses in order, then the final update', async () => {
    const fetchFn = recordingFetch();
    const call = follower();
    const key = newKey();
    const end = await transportFor(server, { fetch: fetchFn }).dialOut(
      { phoneNumber: '+12015550120', idempotencyKey: key, displayName: 'Ada' },
      { signal: signal(), onStatus: call.onStatus },
    );
    assert.equal(end.state, 'joined');
    assert.match(String(end.participantId), /^simulated-participant-/);
    assert.deepEqual(call.statuses, ['dialing', 'ringing', 'answered']);
    const post = fetchFn.sent[0]!;
    assert.deepEqual([post.method, post.path, post.status, post.headers.get('idempotency-key')], ['POST', '/v1/calls', 202, key]);
    assert.match(post.headers.get('authorization') ?? '', /^Bearer ey/);
    assert.match(fetchFn.sent[1]!.path, /^\/v1\/calls\/call_[^/]+\/events$/);
    assert.equal(fetchFn.sent.length, 2);
  });

  test('a busy number: dialing, ringing, then busy', async () => {
    const call = follower();
    const end = await transportFor(server).dialOut({ phoneNumber: '+12015550122', idempotencyKey: newKey() }, { signal: signal(), onStatus: call.onStatus });
    assert.deepEqual(end, { state: 'busy' });
    assert.deepEqual(call.statuses, ['dialing', 'ringing']);
  });

  test('aborting the signal sends DELETE and settles as canceled; the server’s call is canceled', async () => {
    const fetchFn = recordingFetch();
    const call = follower();
    const abort = new AbortController();
    // Ends in 9: rings until hung up.
    const ended = transportFor(server, { fetch: fetchFn }).dialOut({ phoneNumber: '+12015550129', idempotencyKey: newKey() }, { signal: abort.signal, onStatus: call.onStatus });
    await call.reached('ringing');
    abort.abort();
    assert.deepEqual(await ended, { state: 'canceled' });
    const hangUp = fetchFn.sent.find((entry) => entry.method === 'DELETE');
    assert.equal(hangUp?.status, 202, 'a DELETE was sent and taken');
    const id = hangUp.path.split('/').at(-1);
    assert.deepEqual((await server.api('GET', hangUp.path)).body, { id, state: 'canceled' });
  });

  test('aborting before the POST is answered still hangs up the call the server placed', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const fetchFn = recordingFetch((request) => (request.method === 'POST' ? fetch(request).finally(answer) : undefined));
    const abort = new AbortController();
    const ended = transportFor(server, { fetch: fetchFn }).dialOut({ phoneNumber: '+12015550129', idempotencyKey: newKey() }, { signal: abort.signal, onStatus: () => {} });
    abort.abort();
    await answered;
    assert.deepEqual(await ended, { state: 'canceled' });
    const hangUp = fetchFn.sent.find((entry) => entry.method === 'DELETE');
    assert.equal(hangUp?.status, 202);
    assert.equal((await server.api('GET', hangUp.path)).body.state, 'canceled');
    assert.ok(!fetchFn.sent.some((entry) => entry.path.endsWith('/events')), 'the call was not followed');
  });

  test('a refused number rejects with the problem’s code, and is not sent again', async () => {
    for (const [phoneNumber, code] of [
      ['+18765550120', 'destination-not-allowed'],
      ['+19005550120', 'destination-not-allowed'],
      ['12015550120', 'invalid-number'],
    ] as const) {
      const fetchFn = recordingFetch();
      const error = await rejection(transportFor(server, { fetch: fetchFn }).dialOut({ phoneNumber, idempotencyKey: newKey() }, { signal: signal(), onStatus: () => {} }));
      assert.equal(error.code, code, phoneNumber);
      assert.equal(error.status, 422);
      assert.equal(fetchFn.sent.length, 1, `${phoneNumber}: one request`);
    }
  });

  test('an SMS that is sent resolves with its id; one that fails rejects with its code', async () => {
    const sent = await transportFor(server).sendSms({ phoneNumber: '+12015550120', message: 'Join: https://meet.example/r/1', idempotencyKey: newKey() }, { signal: signal() });
    assert.match(String(sent.messageId), /^sms_/);
    const error = await rejection(transportFor(server).sendSms({ phoneNumber: '+12015550125', message: 'Join', idempotencyKey: newKey() }, { signal: signal() }));
    assert.equal(error.code, 'unavailable');
  });

  test('401 and 403 problems become not-authorized and not-entitled', async () => {
    const unsigned = createHttpTransport({ baseUrl: `${server.url}/`, getToken: () => 'not-a-token', fetch: recordingFetch() });
    const error = await rejection(unsigned.getPolicy({ signal: signal() }));
    assert.deepEqual([error.code, error.status], ['not-authorized', 401]);
    const guest = transportFor(server, { claims: { role: 'guest' } });
    const refused = await rejection(guest.dialOut({ phoneNumber: '+12015550120', idempotencyKey: newKey() }, { signal: signal(), onStatus: () => {} }));
    assert.deepEqual([refused.code, refused.status], ['not-authorized', 403]);
    const moderator = transportFor(server, { claims: { role: 'moderator' } });
    assert.equal((await rejection(moderator.sendSms({ phoneNumber: '+12015550120', message: 'Join', idempotencyKey: newKey() }, { signal: signal() }))).code, 'not-authorized');
  });
});

describe('createHttpTransport: entitlements', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ tenants: (tenant) => (tenant === 'calls-only' ? { ...DEFAULT_TENANT, sms: false, countries: ['US'] } : undefined) });
  });
  after(() => server.close());

  test('a tenant without SMS gets not-entitled; an unknown tenant too', async () => {
    const callsOnly = transportFor(server, { claims: { tenant: 'calls-only' } });
    assert.deepEqual(await callsOnly.getPolicy({ signal: signal() }), { dialOut: true, sms: false, countries: ['US'] });
    const error = await rejection(callsOnly.sendSms({ phoneNumber: '+12015550120', message: 'Join', idempotencyKey: newKey() }, { signal: signal() }));
    assert.deepEqual([error.code, error.status], ['not-entitled', 403]);
    assert.equal((await rejection(transportFor(server, { claims: { tenant: 'unknown' } }).getPolicy({ signal: signal() }))).code, 'not-entitled');
  });
});

describe('createHttpTransport: dropped connections', () => {
  let server: Server;
  let provider: ManualProvider;
  before(async () => ({ server, provider } = await startWithManualProvider()));
  after(() => server.close());

  test('a stream cut mid-call is resumed with Last-Event-ID: no status lost or repeated', async () => {
    let reconnected!: () => void;
    const reconnecting = new Promise<void>((resolve) => (reconnected = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let streams = 0;
    const fetchFn = recordingFetch((request) => {
      if (!request.url.endsWith('/events')) return undefined;
      streams += 1;
      if (streams === 1) return fetch(request).then(cutAfterFirstEvent);
      // The second stream waits while the call moves on, so that what it missed must be replayed.
      reconnected();
      return released.then(() => fetch(request));
    });
    const call = follower();
    const ended = transportFor(server, { fetch: fetchFn }).dialOut({ phoneNumber: '+12015550120', idempotencyKey: newKey() }, { signal: signal(), onStatus: call.onStatus });
    await reconnecting;
    assert.deepEqual(call.statuses, ['dialing']);
    const dial = provider.dials.at(-1)!;
    dial.report({ state: 'ringing' });
    dial.report({ state: 'answered' });
    release();
    await call.reached('answered');
    dial.finish({ state: 'joined', participantId: 'p-1' });
    assert.deepEqual(await ended, { state: 'joined', participantId: 'p-1' });
    assert.deepEqual(call.statuses, ['dialing', 'ringing', 'answered']);
    const streamsSent = fetchFn.sent.filter((entry) => entry.path.endsWith('/events'));
    assert.deepEqual(
      streamsSent.map((entry) => entry.headers.get('last-event-id')),
      [null, '1'],
    );
  });

  test('a POST whose answer was lost is sent again with the same key, and dials once', async () => {
    let lost = false;
    const fetchFn = recordingFetch(async (request) => {
      if (request.method !== 'POST' || lost) return undefined;
      lost = true;
      // The server receives and answers the request; the answer never arrives.
      await (await fetch(request)).arrayBuffer();
      throw new TypeError('fetch failed');
    });
    const dialsBefore = provider.dials.length;
    const call = follower();
    const key = newKey();
    const ended = transportFor(server, { fetch: fetchFn }).dialOut({ phoneNumber: '+12015550130', idempotencyKey: key }, { signal: signal(), onStatus: call.onStatus });
    await call.reached('dialing');
    assert.equal(provider.dials.length, dialsBefore + 1, 'one dial');
    provider.dials.at(-1)!.finish({ state: 'busy' });
    assert.deepEqual(await ended, { state: 'busy' });
    const posts = fetchFn.sent.filter((entry) => entry.method === 'POST');
    assert.deepEqual(
      posts.map((entry) => [entry.headers.get('idempotency-key'), entry.status, entry.replayed]),
      [
        [key, undefined, undefined],
        [key, 202, true],
      ],
    );
    assert.equal(provider.dials.length, dialsBefore + 1, 'still one dial');
  });
});

describe('createHttpTransport: answers that are not the contract’s', () => {
  const reply = (response: () => Response | Promise<Response>) => createHttpTransport({ baseUrl: 'http://127.0.0.1:9/api', getToken: () => 't', fetch: async () => response() });
  const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify({ status, title: 'x', ...body }), { status, headers: { 'content-type': 'application/problem+json', ...headers } });

  test('retryAfterMs comes from the body, else from Retry-After seconds', async () => {
    const fromBody = await rejection(reply(() => problem(429, { code: 'rate-limited', retryAfterMs: 1234 }, { 'retry-after': '2' })).getPolicy({ signal: signal() }));
    assert.deepEqual([fromBody.code, fromBody.retryAfterMs], ['rate-limited', 1234]);
    const fromHeader = await rejection(reply(() => problem(429, { code: 'rate-limited' }, { 'retry-after': '7' })).getPolicy({ signal: signal() }));
    assert.deepEqual([fromHeader.code, fromHeader.retryAfterMs], ['rate-limited', 7000]);
  });

  test('without a problem document the status says what it was; a failed fetch is network; a body that is not JSON unexpected-answer', async () => {
    assert.equal((await rejection(reply(() => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } })).getPolicy({ signal: signal() }))).code, 'unavailable');
    assert.equal((await rejection(reply(() => new Response('', { status: 429, headers: { 'retry-after': '3' } })).getPolicy({ signal: signal() }))).retryAfterMs, 3000);
    assert.equal((await rejection(reply(() => new Response('', { status: 403 })).getPolicy({ signal: signal() }))).code, 'not-authorized');
    assert.equal((await rejection(reply(() => Promise.reject(new TypeError('fetch failed'))).getPolicy({ signal: signal() }))).code, 'network');
    assert.equal((await rejection(reply(() => new Response('ok', { status: 200 })).getPolicy({ signal: signal() }))).code, 'unexpected-answer');
    const notAStream = reply(() => new Response(JSON.stringify({ id: 'sms_1', state: 'accepted' }), { status: 202, headers: { 'content-type': 'application/json' } }));
    assert.equal((await rejection(notAStream.sendSms({ phoneNumber: '+12015550120', message: 'Join', idempotencyKey: 'k' }, { signal: signal() }))).code, 'unexpected-answer');
  });

  test('a POST that keeps failing is sent a bounded number of times, always with the same key', async () => {
    const keys: (string | null)[] = [];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:9',
      getToken: () => 't',
      fetch: async (input, init) => {
        keys.push(new Request(input, init).headers.get('idempotency-key'));
        throw new TypeError('fetch failed');
      },
    });
    const error = await rejection(transport.sendSms({ phoneNumber: '+12015550120', message: 'Join', idempotencyKey: 'one-intent' }, { signal: signal() }));
    assert.equal(error.code, 'network');
    assert.deepEqual(keys, ['one-intent', 'one-intent', 'one-intent', 'one-intent']);
  });

  test('a POST answered 409 idempotency-in-progress or 503 is sent again; the events are read as server-sent events', async () => {
    const posts: (string | null)[] = [];
    const chunks = [
      ': keep-alive\r\n\r\n',
      'event: status\r\nid: 1\r',
      '\ndata: {"state":"accepted"}\r\n\r\n',
      // Replayed, and of another type: neither is news.
      'id: 1\ndata: {"state":"failed","code":"network"}\n\n',
      'event: other\nid: 2\ndata: {"state":"failed","code":"network"}\n\n',
      'event: status\nid: 2\ndata: {"state":\ndata: "sent"}\n\n',
    ];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:9/',
      getToken: () => 't',
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'GET') {
          assert.equal(request.url, 'http://127.0.0.1:9/v1/sms/sms_1/events');
          const encoder = new TextEncoder();
          const body = new ReadableStream<Uint8Array>({ start: (controller) => chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk))) });
          return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
        }
        posts.push(request.headers.get('idempotency-key'));
        if (posts.length === 1) return problem(409, { code: 'idempotency-in-progress' }, { 'retry-after': '0' });
        if (posts.length === 2) return new Response('busy', { status: 503 });
        return new Response(JSON.stringify({ id: 'sms_1', state: 'accepted' }), { status: 202, headers: { 'content-type': 'application/json' } });
      },
    });
    assert.deepEqual(await transport.sendSms({ phoneNumber: '+12015550120', message: 'Join', idempotencyKey: 'k-1' }, { signal: signal() }), { messageId: 'sms_1' });
    assert.deepEqual(posts, ['k-1', 'k-1', 'k-1']);
  });

  test('an aborted getPolicy rejects with the abort, not a code', async () => {
    const abort = new AbortController();
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:9',
      getToken: () => 't',
      fetch: (_input, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    });
    const pending = transport.getPolicy({ signal: abort.signal });
    abort.abort();
    assert.equal(((await rejection(pending)) as Error).name, 'AbortError');
  });
});

/** The first event passes; then the connection breaks, as a dropped network would. */
function cutAfterFirstEvent(response: Response): Response {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let text = '';
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await reader.read();
      if (done) return controller.close();
      text += decoder.decode(value, { stream: true });
      const end = text.indexOf('\n\n');
      if (end === -1) return;
      controller.enqueue(encoder.encode(text.slice(0, end + 2)));
      await reader.cancel();
      controller.error(new TypeError('terminated'));
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}
