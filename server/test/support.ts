// Test helpers: a real server on a loopback port, tokens, requests checked against openapi.yaml,
// and an event-stream reader.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { parse } from 'yaml';
import {
  createApp,
  createSimulatedProvider,
  type AppOptions,
  type DialRequest,
  type RateLimitStore,
  type SmsSendRequest,
  type SmsUpdate,
  type TelephonyProvider,
} from '../dist/index.js';
import type { DialOutUpdate } from '../dist/library.js';

/** Test-only: never a real deployment's secret. */
export const TEST_SECRET = 'test-only-secret-0123456789abcdef0123456789';

export interface Claims {
  sub?: string;
  role?: string;
  tenant?: string;
  room?: string;
  name?: string;
}

/** A token as the host's app would mint it. */
export async function token(claims: Claims = {}, { secret = TEST_SECRET, expiresIn = '10m' }: { secret?: string; expiresIn?: string | number } = {}): Promise<string> {
  const { sub = 'user-1', role = 'owner', tenant = 'acme', room = 'room-1', ...rest } = claims;
  return new SignJWT({ role, tenant, room, ...rest })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

// The contract: every response a test receives is checked against it.
const document = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8')) as OpenApi;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ ...document, $id: 'openapi.json' });

interface OpenApi {
  paths: Record<string, Record<string, { responses?: Record<string, Ref | ResponseObject> }>>;
  components: { responses: Record<string, ResponseObject> };
}
interface Ref {
  $ref: string;
}
interface ResponseObject {
  content?: Record<string, { schema: unknown; 'x-event-schema'?: Ref }>;
}

const pointerEscape = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function validator(pointer: string): (value: unknown) => void {
  const validate = ajv.getSchema(`openapi.json#${pointer}`);
  assert.ok(validate, `no schema at ${pointer}`);
  return (value) => {
    if (!validate(value)) assert.fail(`Not as openapi.yaml says at ${pointer}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`);
  };
}

function templateOf(pathname: string): string {
  const template = Object.keys(document.paths).find((candidate) =>
    new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname),
  );
  assert.ok(template, `${pathname} is not in openapi.yaml`);
  return template;
}

/** What the tests received, `get /v1/policy 200`: run-tests.mjs checks that every response in openapi.yaml was. */
const seen = new Set<string>();
process.on('exit', () => {
  const dir = process.env.INVITE_CONTRACT_SEEN;
  if (dir) writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify([...seen]));
});

/** Checks a response's status, media type and body against openapi.yaml; returns the event schema's checker for a stream. */
export function checkContract(method: string, url: string, status: number, contentType: string | null, body: unknown): ((data: unknown) => void) | undefined {
  const template = templateOf(new URL(url).pathname);
  const verb = method.toLowerCase();
  const operation = document.paths[template]?.[verb];
  assert.ok(operation, `${method} ${template} is not in openapi.yaml`);
  seen.add(`${verb} ${template} ${status}`);
  let pointer = `/paths/${pointerEscape(template)}/${verb}/responses/${status}`;
  let response = operation.responses?.[String(status)];
  assert.ok(response, `openapi.yaml has no ${status} for ${method} ${template}`);
  if ('$ref' in response) {
    pointer = response.$ref.slice(1);
    response = document.components.responses[response.$ref.split('/').pop()!]!;
  }
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  const media = response.content?.[mediaType];
  assert.ok(media, `openapi.yaml has no ${mediaType || 'body'} for ${status} of ${method} ${template}`);
  const mediaPointer = `${pointer}/content/${pointerEscape(mediaType)}`;
  if (mediaType === 'text/event-stream') {
    assert.ok(media['x-event-schema'], `${method} ${template}: no x-event-schema`);
    return validator(media['x-event-schema'].$ref.slice(1));
  }
  validator(`${mediaPointer}/schema`)(body);
  return undefined;
}

export interface Sent {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export interface Server {
  url: string;
  /** The JSON lines the server logged (audit and errors). */
  logs: Record<string, unknown>[];
  /** The raw log text, to prove what it never contains. */
  logText(): string;
  close(): Promise<void>;
  /** A request, checked against openapi.yaml; error bodies must be problem+json with the same status. */
  api(method: string, path: string, options?: { token?: string | null; key?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<Sent>;
}

/**
 * A store that limits nothing: the default of `startServer`, so that the suites about other things
 * may call one number as often as they like. rate-limits.test.ts passes the real store.
 */
export const unlimited: RateLimitStore = { take: () => Promise.resolve({ ok: true }) };

/** Starts the app on a free loopback port through @hono/node-server. */
export async function startServer(options: Partial<AppOptions> = {}): Promise<Server> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const app = createApp({ jwtSecret: TEST_SECRET, logger, provider: createSimulatedProvider({ delays: 0 }), rateLimits: unlimited, ...options });
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const defaultToken = await token();
  return {
    url,
    get logs() {
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    logText: () => text,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
    api: apiAt(url, defaultToken),
  };
}

/** Requests to a server at `url`, each checked against openapi.yaml; error bodies must be problem+json with the same status. */
export function apiAt(url: string, defaultToken: string): Server['api'] {
  return async (method, path, { token: bearer = defaultToken, key = null, body, headers = {} } = {}) => {
    const response = await fetch(url + path, {
      method,
      headers: {
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
        ...(key === null ? {} : { 'idempotency-key': key }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const raw = await response.text();
    const parsed = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
    const contentType = response.headers.get('content-type');
    if (response.status >= 400) {
      assert.equal(contentType, 'application/problem+json', `${method} ${path} ${response.status} is not problem+json`);
      assert.equal(parsed.status, response.status);
      assert.equal(typeof parsed.title, 'string');
    }
    checkContract(method, url + path, response.status, contentType, parsed);
    return { status: response.status, headers: response.headers, body: parsed };
  };
}

export interface StreamEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/**
 * Reads an event stream. Resolves with the events when the server ends the stream, or, with
 * `until`, cuts the connection once `until` returns true for the events so far.
 */
export async function readEvents(
  server: Pick<Server, 'url'>,
  path: string,
  {
    token: bearer,
    lastEventId,
    until,
    onEvent,
  }: { token?: string; lastEventId?: string; until?: (events: StreamEvent[]) => boolean; onEvent?: (event: StreamEvent) => void } = {},
): Promise<{ events: StreamEvent[]; ended: boolean }> {
  const controller = new AbortController();
  const response = await fetch(server.url + path, {
    signal: controller.signal,
    headers: { authorization: `Bearer ${bearer ?? (await token())}`, ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }) },
  });
  const checkData = checkContract('GET', server.url + path, response.status, response.headers.get('content-type'), undefined);
  assert.ok(checkData, `${path}: not an event stream (${response.status})`);
  const events: StreamEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body!.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { events, ended: true };
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
      }
      if (!fields.has('data')) continue;
      assert.match(fields.get('id') ?? '', /^\d+$/, 'every event has a numeric id');
      const data = JSON.parse(fields.get('data')!) as Record<string, unknown>;
      checkData(data);
      const event = { id: Number(fields.get('id')), event: fields.get('event') ?? 'message', data };
      events.push(event);
      onEvent?.(event);
      if (until?.(events)) {
        controller.abort();
        await reader.cancel().catch(() => {});
        return { events, ended: false };
      }
    }
  }
}

/** The states of a stream's events. */
export const states = (events: StreamEvent[]): unknown[] => events.map((event) => event.data.state);

export type ManualProvider = ReturnType<typeof manualProvider>;

/** A server whose provider the test drives (`manualProvider`). */
export async function startWithManualProvider(options: Partial<AppOptions> = {}): Promise<{ server: Server; provider: ManualProvider }> {
  const provider = manualProvider();
  return { provider, server: await startServer({ provider, ...options }) };
}

/** A provider the test drives: each dial waits for the test to report its states. */
export function manualProvider(): TelephonyProvider & {
  dials: { request: DialRequest; signal: AbortSignal; report(update: DialOutUpdate): void; finish(update: DialOutUpdate): void }[];
  /** Every SMS the provider was asked to send; each is sent and delivered at once. */
  sends: SmsSendRequest[];
} {
  const dials: ManualProvider['dials'] = [];
  const sends: SmsSendRequest[] = [];
  return {
    name: 'manual',
    dials,
    sends,
    dial(request, { signal, onStatus }) {
      return new Promise((resolve) => {
        signal.addEventListener('abort', () => resolve({ state: 'canceled' }), { once: true });
        dials.push({ request, signal, report: onStatus, finish: resolve });
      });
    },
    sendSms(request, { onStatus }) {
      sends.push(request);
      const sent: SmsUpdate = { state: 'sent' };
      onStatus(sent);
      return Promise.resolve({ state: 'delivered' });
    },
  };
}

/** A key per intent. */
let keys = 0;
export const newKey = (): string => `key-${process.pid}-${++keys}-${Math.random().toString(36).slice(2)}`;
