import { createHash, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { pino, type Logger } from 'pino';
import { MemoryAttemptStore, RETENTION_MS, type AttemptEvent, type AttemptKind, type AttemptSnapshot, type AttemptStore } from './attempts.js';
import { audit, type AuditAction } from './audit.js';
import { asCaller, jwtAuthenticate, type Authenticate, type Caller } from './auth.js';
import { IDEMPOTENCY_TTL_MS, MemoryIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import { countSms, FINAL_DIAL_OUT_STATES, loadDialCheck, permissionsFor, type DialCheck, type DialOutUpdate } from './library.js';
import { problem, ProblemError, rateLimited, type ProblemCode } from './problem.js';
import { FINAL_SMS_STATES, type SmsUpdate, type TelephonyProvider } from './provider.js';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';
import { countersFor, DEFAULT_LIMITS, SCOPE_REASONS, type LimitedAction } from './rate-limits.js';
import { createSimulatedProvider } from './simulated-provider.js';
import { everyTenant, type Tenant, type Tenants } from './tenants.js';

export interface AppOptions {
  /** The HS256 secret of the bearer tokens (`INVITE_JWT_SECRET`); at least 32 characters. */
  jwtSecret?: string;
  /** Replaces the JWT check: the host's own sessions. Return `null` for a request that is not signed in. */
  authenticate?: Authenticate;
  /** Each tenant's entitlements. Default: every tenant may dial out and text the United States and Canada. */
  tenants?: Tenants;
  /** Origins that may call the API from a browser; none by default. */
  corsOrigins?: readonly string[];
  /** Where the rate-limit counters live (each tenant's `limits` say how many). Default: this process's memory. */
  rateLimits?: RateLimitStore;
  /** Where idempotency keys live. Default: this process's memory, each key kept `idempotencyTtlMs`. */
  idempotency?: IdempotencyStore;
  /** Where calls and SMS sends and their events live. Default: this process's memory, each kept `retentionMs`. */
  attempts?: AttemptStore;
  /** Default: the simulated provider at the library simulator's pace. */
  provider?: TelephonyProvider;
  /** Where the audit lines and errors go. Default: pino to stdout. */
  logger?: Logger;
  /** How long the in-memory store remembers an idempotency key. Default 24 h, the least the contract promises. */
  idempotencyTtlMs?: number;
  /** How long the in-memory store keeps a call or SMS after it was placed. Default 24 h. */
  retentionMs?: number;
  /** The in-memory stores' clock, for tests. */
  now?: () => number;
}

/** The largest request body accepted: 16 KB. */
export const MAX_BODY_BYTES = 16 * 1024;
/** The most SMS segments one message may take. */
export const MAX_SMS_SEGMENTS = 10;
/** The longest invitee name, as the dialog's Name field allows. */
export const MAX_DISPLAY_NAME = 64;
const MAX_IDEMPOTENCY_KEY = 255;
const KEEP_ALIVE_MS = 15_000;
const DESTINATION_REFUSALS = new Set(['country-not-allowed', 'premium-rate', 'shared-cost', 'voicemail', 'emergency', 'n11', 'short-code']);
const DIAL_STATES = new Set<string>(['ringing', 'answered', ...FINAL_DIAL_OUT_STATES]);
/** What differs between a call and an SMS send, for `start`. */
interface AttemptRules<U extends { state: string }> {
  kind: AttemptKind;
  /** Where it is read: `<path>/<id>`. */
  path: string;
  finalStates: readonly string[];
  first: U;
  /** When the provider rejects. */
  failed: U;
  /** Recorded by a shared store when the process that placed the attempt stopped before it ended. */
  lost: U;
  /** A provider's update, reduced to what the contract allows. */
  clean(update: U): U;
  /** The provider's method, for the log. */
  method: string;
}

const CALL: AttemptRules<DialOutUpdate> = {
  kind: 'call',
  path: '/v1/calls',
  finalStates: FINAL_DIAL_OUT_STATES,
  first: { state: 'dialing' },
  failed: { state: 'failed', reason: 'The call could not be placed.' },
  lost: { state: 'failed', reason: 'The server placing the call stopped; the call may not have gone through.' },
  clean: dialUpdate,
  method: 'dial',
};

const SMS: AttemptRules<SmsUpdate> = {
  kind: 'sms',
  path: '/v1/sms',
  finalStates: FINAL_SMS_STATES,
  first: { state: 'accepted' },
  failed: { state: 'failed', code: 'unavailable' },
  lost: { state: 'failed', code: 'unavailable' },
  clean: smsUpdate,
  method: 'sendSms',
};

type Env = { Variables: { caller: Caller; tenant: Tenant } };
/** The answer to a call placed or an SMS accepted, remembered under its idempotency key. */
type Placed = { status: 202; body: { id: string; state: string }; headers: Record<string, string> };

/** The invite server's routes under `/v1`, as `openapi.yaml` describes them. */
export function createApp(options: AppOptions = {}): Hono<Env> {
  const authenticate = options.authenticate ?? (options.jwtSecret !== undefined ? jwtAuthenticate(options.jwtSecret) : undefined);
  if (!authenticate) throw new TypeError('createApp needs jwtSecret or authenticate');
  const tenants = options.tenants ?? everyTenant;
  const provider = options.provider ?? createSimulatedProvider();
  const logger = options.logger ?? pino();
  const now = options.now ?? Date.now;
  const rateLimits = options.rateLimits ?? new MemoryRateLimitStore();
  const keys = options.idempotency ?? new MemoryIdempotencyStore(options.idempotencyTtlMs ?? IDEMPOTENCY_TTL_MS, now);
  const attempts = options.attempts ?? new MemoryAttemptStore(options.retentionMs ?? RETENTION_MS, now);
  const dialChecks = new Map<string, Promise<(input: string) => DialCheck>>();

  const dialCheck = (countries: readonly string[]): Promise<(input: string) => DialCheck> => {
    const id = [...countries].sort().join(',');
    let check = dialChecks.get(id);
    if (!check) {
      check = loadDialCheck(countries);
      dialChecks.set(id, check);
    }
    return check;
  };

  /** The number as the dial check reads it, or the refusal's status and code. */
  const checkDestination = async (input: string, tenant: Tenant): Promise<{ e164: string } | { code: ProblemCode; reason: string }> => {
    if (!/^\+\d{2,15}$/.test(input)) return { code: 'invalid-number', reason: 'not-e164' };
    const result = (await dialCheck(tenant.countries))(input);
    if (result.ok) return { e164: result.e164 };
    return { code: DESTINATION_REFUSALS.has(result.reason) ? 'destination-not-allowed' : 'invalid-number', reason: result.reason };
  };

  const app = new Hono<Env>();

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    const allowed = new Set(options.corsOrigins);
    app.use(
      '*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'DELETE'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'],
        exposeHeaders: ['Retry-After', 'Location', 'Idempotent-Replayed'],
        credentials: false,
        maxAge: 600,
      }),
    );
  }

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problem(c, 413, 'payload-too-large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`),
    }),
  );

  app.use('/v1/*', async (c, next) => {
    let caller: Caller | null = null;
    try {
      caller = asCaller(await authenticate(c.req.raw));
    } catch (error) {
      logger.warn({ err: error }, 'authenticate threw');
    }
    if (!caller) return problem(c, 401, 'not-authorized', 'Send a valid bearer token.', { 'www-authenticate': 'Bearer' });
    const tenant = tenants(caller.tenant);
    if (!tenant) return problem(c, 403, 'not-entitled', 'This tenant has no invite features.');
    c.set('caller', caller);
    c.set('tenant', tenant);
    c.header('cache-control', 'no-store');
    await next();
  });

  app.get('/v1/policy', (c) => {
    const tenant = c.get('tenant');
    const { dialOut, sms, countries } = permissionsFor(c.get('caller').role, tenant, tenant.countries);
    return c.json({ dialOut, sms, countries });
  });

  app.post('/v1/calls', async (c) => {
    const caller = c.get('caller');
    const tenant = c.get('tenant');
    mayAct(logger, caller, tenant, 'dialOut');
    const key = idempotencyKey(c);
    const body = await readObject(c, ['phoneNumber', 'displayName']);
    const phoneNumber = body.phoneNumber;
    if (typeof phoneNumber !== 'string') throw new ProblemError(400, 'invalid-request', 'phoneNumber must be a string.');
    const displayName = body.displayName;
    if (displayName !== undefined && (typeof displayName !== 'string' || displayName.length > MAX_DISPLAY_NAME)) {
      throw new ProblemError(400, 'invalid-request', `displayName must be a string of at most ${MAX_DISPLAY_NAME} characters.`);
    }
    return idempotent(c, caller, key, { phoneNumber, displayName }, async () => {
      const destination = await checkDestination(phoneNumber, tenant);
      if ('code' in destination) return refuse(c, caller, 'call', phoneNumber, destination);
      const limited = await limit(c, caller, tenant, 'calls', destination.e164);
      if (limited) return limited;
      return start(caller, CALL, destination.e164, (id, signal, onStatus) =>
        provider.dial({ callId: id, phoneNumber: destination.e164, tenant: caller.tenant, room: caller.room, ...(displayName ? { displayName } : {}) }, { signal, onStatus }),
      );
    });
  });

  app.get('/v1/calls/:id', async (c) => {
    const call = await attempts.get(c.req.param('id'), 'call', ownerOf(c.get('caller')));
    if (!call) return problem(c, 404, 'not-found');
    return c.json({ id: call.id, ...call.current });
  });

  app.get('/v1/calls/:id/events', async (c) => {
    const call = await attempts.get(c.req.param('id'), 'call', ownerOf(c.get('caller')));
    if (!call) return problem(c, 404, 'not-found');
    return eventStream(c, call);
  });

  app.delete('/v1/calls/:id', async (c) => {
    const call = await attempts.get<DialOutUpdate>(c.req.param('id'), 'call', ownerOf(c.get('caller')));
    if (!call) return problem(c, 404, 'not-found');
    // Recorded before the provider hears of it (through the follower in `start`, in whichever
    // process placed the call): the hang-up wins over any late answer.
    if (!call.final && (await attempts.record<DialOutUpdate>(call.id, { state: 'canceled' }))) return c.json({ id: call.id, state: 'canceled' }, 202);
    const ended = call.final ? call : await attempts.get<DialOutUpdate>(call.id, 'call', ownerOf(c.get('caller')));
    if (!ended) return problem(c, 404, 'not-found');
    return problem(c, 409, 'already-final', `The call ended as ${ended.current.state}.`);
  });

  app.post('/v1/sms', async (c) => {
    const caller = c.get('caller');
    const tenant = c.get('tenant');
    mayAct(logger, caller, tenant, 'sms');
    const key = idempotencyKey(c);
    const body = await readObject(c, ['phoneNumber', 'message']);
    const { phoneNumber, message } = body;
    if (typeof phoneNumber !== 'string') throw new ProblemError(400, 'invalid-request', 'phoneNumber must be a string.');
    if (typeof message !== 'string' || message.trim() === '') throw new ProblemError(400, 'invalid-request', 'message must be a non-empty string.');
    return idempotent(c, caller, key, { phoneNumber, message }, async () => {
      const segments = countSms(message).segments;
      if (segments > MAX_SMS_SEGMENTS) {
        return refuse(c, caller, 'sms', phoneNumber, { code: 'message-too-long', reason: `${segments} segments` }, `At most ${MAX_SMS_SEGMENTS} SMS segments.`);
      }
      const destination = await checkDestination(phoneNumber, tenant);
      if ('code' in destination) return refuse(c, caller, 'sms', phoneNumber, destination);
      const limited = await limit(c, caller, tenant, 'sms', destination.e164);
      if (limited) return limited;
      return start(caller, SMS, destination.e164, (id, signal, onStatus) =>
        provider.sendSms({ messageId: id, phoneNumber: destination.e164, message, tenant: caller.tenant }, { signal, onStatus }),
      );
    });
  });

  app.get('/v1/sms/:id', async (c) => {
    const sms = await attempts.get(c.req.param('id'), 'sms', ownerOf(c.get('caller')));
    if (!sms) return problem(c, 404, 'not-found');
    return c.json({ id: sms.id, ...sms.current });
  });

  app.get('/v1/sms/:id/events', async (c) => {
    const sms = await attempts.get(c.req.param('id'), 'sms', ownerOf(c.get('caller')));
    if (!sms) return problem(c, 404, 'not-found');
    return eventStream(c, sms);
  });

  app.notFound((c) => problem(c, 404, 'not-found'));

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error.status, error.code, error.detail);
    logger.error({ err: error }, 'unhandled error');
    return problem(c, 500, 'unavailable');
  });

  return app;

  /**
   * Creates the attempt, audits it and runs the provider: records each update it reports (cleaned,
   * in order) and its outcome. A call is hung up when a final state the provider did not report is
   * recorded, through this process or another on the same store: a hang-up (`canceled`), or the
   * `lost` update when this process's heartbeat lapsed. Answers 202 once the call is followed,
   * before the provider is done.
   */
  async function start<U extends { state: string }>(
    caller: Caller,
    rules: AttemptRules<U>,
    number: string,
    run: (id: string, signal: AbortSignal, onStatus: (update: U) => void) => Promise<U>,
  ): Promise<Placed> {
    const { kind } = rules;
    const id = `${kind}_${randomUUID()}`;
    await attempts.create<U>({ id, kind, owner: ownerOf(caller), finalStates: rules.finalStates, first: rules.first, lost: rules.lost });
    audit(logger, caller, kind, { number, outcome: 'accepted', id });
    const hangUp = new AbortController();
    /** The states the provider reported: their events are its own, not a reason to hang up. */
    const reported = new Set<string>();
    let unfollow: (() => void) | undefined;
    try {
      if (kind === 'call') {
        unfollow = await attempts.follow<U>(id, 1, (event, final) => {
          if (final && !reported.has(event.update.state)) hangUp.abort();
        });
      }
    } catch (error) {
      // Not dialed: the attempt ends here, and the request fails (its key is released).
      await attempts.record(id, rules.failed).catch(() => undefined);
      throw error;
    }
    let recorded: Promise<unknown> = Promise.resolve();
    const record = (update: U): Promise<unknown> => {
      const clean = rules.clean(update);
      reported.add(clean.state);
      return (recorded = recorded.then(() => attempts.record(id, clean)).catch((error: unknown) => logger.error({ err: error, id }, 'could not record an update')));
    };
    let running: Promise<U>;
    try {
      running = run(id, hangUp.signal, (update) => void record(update));
    } catch (error) {
      running = Promise.reject(error);
    }
    void running
      .then(record, (error: unknown) => {
        logger.warn({ err: error, id }, `provider ${rules.method} failed`);
        return record(rules.failed);
      })
      .finally(async () => {
        unfollow?.();
        const ended = await attempts.get<U>(id, kind, ownerOf(caller)).catch(() => undefined);
        audit(logger, caller, kind, { number, outcome: ended?.current.state ?? 'unknown', id });
      });
    return { status: 202, body: { id, state: rules.first.state }, headers: { location: `${rules.path}/${id}` } };
  }

  /** `text/event-stream` of an attempt's `status` events after `Last-Event-ID` (from the first without it), ending after the final one. */
  function eventStream<U extends { state: string }>(c: Context, attempt: AttemptSnapshot<U>): Response {
    const lastEventId = c.req.header('last-event-id')?.trim() ?? '';
    // An id this server never sent starts the stream over rather than skipping events.
    const after = /^\d{1,9}$/.test(lastEventId) && Number(lastEventId) <= attempt.lastEventId ? Number(lastEventId) : 0;
    const encoder = new TextEncoder();
    let closed = false;
    let cleanup = (): void => {};
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const close = (): void => {
          if (closed) return;
          closed = true;
          cleanup();
          controller.close();
        };
        if (attempt.final && after >= attempt.lastEventId) return close();
        const keepAlive = setInterval(() => controller.enqueue(encoder.encode(': keep-alive\n\n')), KEEP_ALIVE_MS);
        keepAlive.unref();
        let unfollow = (): void => {};
        cleanup = () => {
          clearInterval(keepAlive);
          unfollow();
        };
        try {
          const following = await attempts.follow<U>(attempt.id, after, (event: AttemptEvent<U>, final) => {
            if (closed) return;
            controller.enqueue(encoder.encode(`event: status\nid: ${event.id}\ndata: ${JSON.stringify(event.update)}\n\n`));
            if (final) queueMicrotask(close);
          });
          // Expired since it was read: nothing more will come.
          if (!following) return close();
          unfollow = following;
        } catch (error) {
          // The client resumes with Last-Event-ID.
          logger.warn({ err: error, id: attempt.id }, 'could not follow an attempt');
          return close();
        }
        if (closed) unfollow();
      },
      cancel() {
        closed = true;
        cleanup();
      },
    });
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
    });
  }

  /** A refusal that changed nothing: logged, and not remembered under the idempotency key. */
  function refuse(c: Context, caller: Caller, action: AuditAction, number: string, refusal: { code: ProblemCode; reason: string }, detail?: string): Response {
    audit(logger, caller, action, { number, outcome: 'refused', reason: refusal.reason });
    return problem(c, 422, refusal.code, detail);
  }

  /**
   * Takes a point from the caller's, the room's and the number's counters, just before dialing or
   * sending; a 429 (audited) when one of them is spent, and then nothing is taken.
   */
  async function limit(c: Context, caller: Caller, tenant: Tenant, action: LimitedAction, e164: string): Promise<Response | undefined> {
    const verdict = await rateLimits.take(countersFor(action, caller, e164, tenant.limits ?? DEFAULT_LIMITS));
    if (verdict.ok) return undefined;
    const reason = verdict.spent.map((counter) => SCOPE_REASONS[counter.scope]).join(',');
    audit(logger, caller, action === 'calls' ? 'call' : 'sms', { number: e164, outcome: 'rate-limited', reason });
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    return rateLimited(c, verdict.retryAfterMs, `Too many attempts (${reason.replaceAll(',', ', ')}). Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`);
  }

  /** Runs `act` once per key and request; replays its answer to a repeat. */
  async function idempotent(
    c: Context,
    caller: Caller,
    key: string,
    request: object,
    act: () => Promise<Response | Placed>,
  ): Promise<Response> {
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.routePath}\n${JSON.stringify(request)}`).digest('base64url');
    const claim = await keys.claim(ownerOf(caller), key, fingerprint);
    const action: AuditAction = c.req.routePath === '/v1/sms' ? 'sms' : 'call';
    switch (claim.kind) {
      case 'replay': {
        const { status, body, headers } = claim.response as Placed;
        audit(logger, caller, action, { number: (request as { phoneNumber?: unknown }).phoneNumber, outcome: 'replayed', id: body.id });
        return c.json(body, status, { ...headers, 'idempotent-replayed': 'true' });
      }
      case 'mismatch':
        audit(logger, caller, action, { number: (request as { phoneNumber?: unknown }).phoneNumber, outcome: 'refused', reason: 'idempotency-mismatch' });
        return problem(c, 422, 'idempotency-mismatch');
      case 'in-progress':
        return problem(c, 409, 'idempotency-in-progress', 'Retry once the first request has been answered.', { 'retry-after': '1' });
    }
    // A refusal stays the answer even if the key could not be freed (it then frees itself later).
    const release = (): Promise<void> => claim.release().catch((error: unknown) => logger.error({ err: error }, 'could not release an idempotency key'));
    let result: Awaited<ReturnType<typeof act>>;
    try {
      result = await act();
    } catch (error) {
      await release();
      throw error;
    }
    if (result instanceof Response) {
      await release();
      return result;
    }
    // The call is placed: its answer goes out even if the key could not be settled.
    await claim.complete(result).catch((error: unknown) => logger.error({ err: error }, 'could not remember an idempotency key'));
    return c.json(result.body, result.status, result.headers);
  }
}

/** Role first (403 not-authorized), then what the tenant bought (403 not-entitled); a refusal is audited. */
function mayAct(logger: Logger, caller: Caller, tenant: Tenant, feature: 'dialOut' | 'sms'): void {
  const byRole = permissionsFor(caller.role, { dialOut: true, sms: true }, ['US']);
  const refusal: ProblemCode | undefined = !byRole[feature] ? 'not-authorized' : !permissionsFor(caller.role, tenant, tenant.countries)[feature] ? 'not-entitled' : undefined;
  if (!refusal) return;
  audit(logger, caller, feature === 'dialOut' ? 'call' : 'sms', { number: undefined, outcome: 'refused', reason: refusal });
  throw new ProblemError(403, refusal, refusal === 'not-authorized' ? `The ${caller.role} role may not do this.` : undefined);
}

function ownerOf(caller: Caller): string {
  return `${caller.tenant}\u0000${caller.sub}`;
}

/** The `Idempotency-Key` header; an empty one counts as missing. */
function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key')?.trim() ?? '';
  if (key === '') throw new ProblemError(400, 'invalid-request', 'Send an Idempotency-Key header, one per intent.');
  if (key.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ProblemError(400, 'invalid-request', `The Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY} printable ASCII characters.`);
  }
  return key;
}

/** The request body: a JSON object with only the `allowed` keys. */
async function readObject(c: Context, allowed: readonly string[]): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch (error) {
    // The body limit answers through its own handler.
    if (error instanceof Error && error.name === 'BodyLimitError') throw error;
    throw new ProblemError(400, 'invalid-request', 'The body must be JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProblemError(400, 'invalid-request', 'The body must be a JSON object.');
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new ProblemError(400, 'invalid-request', `Unknown fields: ${unknown.join(', ')}.`);
  return value as Record<string, unknown>;
}

/** A provider's update, reduced to what the contract allows. */
function dialUpdate(update: DialOutUpdate): DialOutUpdate {
  if (!DIAL_STATES.has(update.state)) return { state: 'failed', reason: 'The call could not be placed.' };
  return {
    state: update.state,
    ...(typeof update.participantId === 'string' && update.state === 'joined' ? { participantId: update.participantId.slice(0, 200) } : {}),
    ...(typeof update.reason === 'string' && update.state === 'failed' ? { reason: update.reason.slice(0, 200) } : {}),
  };
}

function smsUpdate(update: SmsUpdate): SmsUpdate {
  const states = ['sent', 'delivered', 'undelivered', 'failed'];
  if (!states.includes(update.state)) return { state: 'failed', code: 'unavailable' };
  const failed = update.state === 'failed' || update.state === 'undelivered';
  return { state: update.state, ...(failed ? { code: typeof update.code === 'string' ? update.code.slice(0, 64) : 'unavailable' } : {}) };
}
