import { FINAL_DIAL_OUT_STATES, type DialOutUpdate, type InvitePolicy, type InviteTransport, type TransportError } from './types.js';

/** Options for {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Where the server's `/v1` routes are: `https://invite.example.com`, or a path on the page's origin such as `/invite`. */
  baseUrl: string | URL;
  /** The bearer token (a JWT your app mints for the signed-in person). Asked for before every request, so it may be renewed. */
  getToken(): string | Promise<string>;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** What {@link createHttpTransport} returns: an {@link InviteTransport} whose `getPolicy` is always there. */
export type HttpTransport = Required<InviteTransport>;

/** An error as the dialog reads it, and the HTTP status when there was one. */
type HttpError = TransportError & { status?: number };

/** How many times a request that may have reached the server is sent again, and a dropped event stream reopened. */
const RETRIES = 3;
/** The longest pause before a retry, whatever `Retry-After` asks: longer waits are the dialog's to show. */
const MAX_PAUSE_MS = 5000;

function failure(code: string, message: string, extra: { status?: number; retryAfterMs?: number } = {}): HttpError {
  return Object.assign(new Error(message), { code }, extra);
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The code a refusal without a problem document gets, from its status alone. */
function codeOf(status: number): string {
  if (status === 401 || status === 403) return 'not-authorized';
  if (status === 429) return 'rate-limited';
  if (status === 408 || status === 504) return 'timeout';
  return status >= 500 ? 'unavailable' : 'unexpected-answer';
}

/** A problem+json answer (or any other refusal) as an `Error` with `code`, and `retryAfterMs` from the body or `Retry-After`. */
async function refusal(response: Response): Promise<HttpError> {
  const { status, headers } = response;
  const body = /[/+]json\b/.test(headers.get('content-type') ?? '') ? record(await response.json().catch(() => undefined)) : undefined;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value) || undefined;
  const header = headers.get('retry-after')?.trim() ?? '';
  const waitMs = typeof body?.retryAfterMs === 'number' ? body.retryAfterMs : /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return failure(text(body?.code) ?? codeOf(status), text(body?.detail) ?? text(body?.title) ?? `HTTP ${status}`, {
    status,
    ...(waitMs > 0 ? { retryAfterMs: waitMs } : {}),
  });
}

/** Worth sending again with the same key: the request may not have been answered, or the server asks to wait. */
function retryable(error: unknown): boolean {
  const { code, status } = (record(error) ?? {}) as Partial<HttpError>;
  return code === 'network' || code === 'idempotency-in-progress' || status === 502 || status === 503 || status === 504;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    const timer = setTimeout(done, Math.min(ms, MAX_PAUSE_MS));
    signal?.addEventListener('abort', done, { once: true });
  });
}

const backoff = (attempt: number): number => 100 * 4 ** attempt;

/**
 * An {@link InviteTransport} that speaks the invite server's HTTP contract (`server/openapi.yaml`)
 * with `fetch`. Events are read from the response body rather than with `EventSource`, which cannot
 * send the bearer token.
 *
 * - A `POST` that may have reached the server (a network error, a gateway error, a request with the
 *   same key still being answered) is sent again with the same `Idempotency-Key`, up to 3 times.
 * - A dropped event stream is reopened with `Last-Event-ID`, up to 3 times in a row without news.
 * - Aborting a call's signal sends `DELETE` and resolves `{ state: 'canceled' }`.
 * - A refusal rejects with an `Error` whose `code` is the problem document's (`retryAfterMs` from it or
 *   from `Retry-After`); a failed request `network`, an answer the contract does not allow `unexpected-answer`.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const base = String(options.baseUrl).replace(/\/*$/, '/v1/');
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function send(method: string, path: string, init: { signal?: AbortSignal; key?: string; body?: object; lastEventId?: string } = {}): Promise<Response> {
    const token = await options.getToken();
    init.signal?.throwIfAborted();
    let response: Response;
    try {
      response = await fetchFn(base + path, {
        method,
        signal: init.signal ?? null,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.key ? { 'idempotency-key': init.key } : {}),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.lastEventId ? { 'last-event-id': init.lastEventId } : {}),
        },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw failure('network', String(error));
    }
    if (!response.ok) throw await refusal(response);
    return response;
  }

  async function json(response: Response): Promise<Record<string, unknown>> {
    // Not JSON is a wrong answer; a body cut short, a failed request.
    const body = record(
      await response.json().catch((error: unknown) => {
        if (error instanceof SyntaxError) return undefined;
        throw failure('network', String(error));
      }),
    );
    if (!body) throw failure('unexpected-answer', 'Not a JSON object.');
    return body;
  }

  /** `POST`s `body` under `key`, sending it again while that is safe and useful; resolves with the new attempt's id. */
  async function place(path: string, body: object, key: string, signal?: AbortSignal): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { id } = await json(await send('POST', path, { key, body, ...(signal ? { signal } : {}) }));
        if (typeof id !== 'string' || !id) throw failure('unexpected-answer', 'No id.');
        return id;
      } catch (error) {
        if (signal?.aborted || attempt >= RETRIES || !retryable(error)) throw error;
        await pause((error as HttpError).retryAfterMs ?? backoff(attempt), signal);
      }
    }
  }

  /**
   * Reads `path`'s `status` events, reopening a dropped stream after the last one received, until
   * `take` returns an update: the attempt's end.
   */
  async function follow<U>(path: string, signal: AbortSignal, take: (data: Record<string, unknown>) => U | undefined): Promise<U> {
    let lastId = '';
    for (let drops = 0; ; ) {
      try {
        const response = await send('GET', path, { signal, lastEventId: lastId });
        if (!response.body || !/^text\/event-stream\b/.test(response.headers.get('content-type') ?? '')) throw failure('unexpected-answer', 'Not an event stream.');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        let data: string[] = [];
        let type = '';
        let id = lastId;
        for (;;) {
          // A connection cut mid-stream fails here, as a TypeError.
          const { value, done } = await reader.read().catch((error: unknown) => {
            throw failure('network', String(error));
          });
          if (done) break;
          // A lone "\r" at the end may be half of a "\r\n": it waits for the next chunk.
          const lines = (buffer + value).split(/\r\n|\r(?!$)|\n/);
          buffer = lines.pop()!;
          for (const line of lines) {
            if (line === '') {
              const event = data.join('\n');
              // An event the stream already gave (a server replaying more than it was asked) is not news.
              if (data.length > 0 && (type === '' || type === 'status') && !(lastId && Number(id) <= Number(lastId))) {
                lastId = id;
                drops = 0;
                let update: Record<string, unknown> | undefined;
                try {
                  update = record(JSON.parse(event));
                } catch {
                  // Read as not an update, below.
                }
                if (typeof update?.state !== 'string') throw failure('unexpected-answer', 'An event without a state.');
                const end = take(update);
                if (end !== undefined) {
                  void reader.cancel().catch(() => {});
                  return end;
                }
              }
              data = [];
              type = '';
              id = lastId;
              continue;
            }
            const colon = line.indexOf(':');
            if (colon === 0) continue;
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') data.push(value);
            else if (field === 'event') type = value;
            else if (field === 'id' && !value.includes('\0')) id = value;
          }
        }
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (!retryable(error)) throw error;
      }
      if (++drops > RETRIES) throw failure('network', 'The event stream kept dropping.');
      await pause(backoff(drops - 1), signal);
    }
  }

  return {
    async getPolicy({ signal }) {
      return (await json(await send('GET', 'policy', { signal }))) as unknown as InvitePolicy;
    },

    async dialOut({ phoneNumber, idempotencyKey, displayName }, { signal, onStatus }) {
      const canceled: DialOutUpdate = { state: 'canceled' };
      if (signal.aborted) return canceled;
      // Not aborted with the signal: a call the server may have placed has to be known, to be hung up.
      const placed = place('calls', { phoneNumber, ...(displayName ? { displayName } : {}) }, idempotencyKey);
      const reading = new AbortController();
      let hangUp = (): void => {};
      const hungUp = new Promise<DialOutUpdate>((resolve) => {
        hangUp = () => {
          reading.abort();
          // Best effort: the call ends as canceled for the person whatever the server answers.
          resolve(placed.then((id) => send('DELETE', `calls/${encodeURIComponent(id)}`)).then(() => canceled, () => canceled));
        };
        signal.addEventListener('abort', hangUp, { once: true });
      });
      const followed = placed.then((id) =>
        follow(`calls/${encodeURIComponent(id)}/events`, reading.signal, (update) => {
          if ((FINAL_DIAL_OUT_STATES as readonly unknown[]).includes(update.state)) return update as unknown as DialOutUpdate;
          onStatus(update as unknown as DialOutUpdate);
          return undefined;
        }),
      );
      try {
        // Once hung up, the stream's abort is not the answer: the hang-up is.
        return await Promise.race([hungUp, followed.catch((error: unknown) => (signal.aborted ? hungUp : Promise.reject(error)))]);
      } finally {
        signal.removeEventListener('abort', hangUp);
        reading.abort();
      }
    },

    async sendSms({ phoneNumber, message, idempotencyKey }, { signal }) {
      const id = await place('sms', { phoneNumber, message }, idempotencyKey, signal);
      // Sent is the end for the dialog; a later delivery report has nowhere to go.
      const end = await follow(`sms/${encodeURIComponent(id)}/events`, signal, (update) =>
        ['sent', 'delivered', 'undelivered', 'failed'].includes(update.state as string) ? update : undefined,
      );
      if (end.state === 'sent' || end.state === 'delivered') return { messageId: id };
      const code = typeof end.code === 'string' && end.code ? end.code : 'unavailable';
      throw failure(code, `The message was ${end.state === 'undelivered' ? 'not delivered' : 'not sent'}.`);
    },
  };
}
