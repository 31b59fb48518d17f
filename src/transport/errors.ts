import type { InviteTransport, TransportError, TransportErrorCode } from './types.js';

/**
 * Every code a failed call or SMS can carry: a transport's codes, and the elements' own: no
 * transport on the page, an answer that is not a final update, or a rejection without a code.
 */
export const OWN_ERROR_CODES = ['no-transport', 'unexpected-answer', 'unknown'] as const;
export type InviteErrorCode = TransportErrorCode | (typeof OWN_ERROR_CODES)[number];

/** The longest wait a `rate-limited` rejection is taken at its word for: one hour. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * The `code` and `retryAfterMs` a transport's rejection carries, whatever was thrown: a wait that
 * is not a positive finite number is none, one over an hour (a timestamp sent by mistake) an hour.
 * Nothing, or a rejection whose getters throw (a hostile object, a Proxy), reads as `unknown`.
 */
export function readTransportError(error: unknown): { code: string; retryAfterMs?: number } {
  try {
    const { code, retryAfterMs } = error as Partial<TransportError>;
    return {
      code: typeof code === 'string' && code ? code : ('unknown' satisfies InviteErrorCode),
      ...(typeof retryAfterMs === 'number' && retryAfterMs > 0 && Number.isFinite(retryAfterMs)
        ? { retryAfterMs: Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) }
        : {}),
    };
  } catch {
    return { code: 'unknown' };
  }
}

type Method = 'getPolicy' | 'dialOut' | 'sendSms';
type Call<Name extends Method> = NonNullable<InviteTransport[Name]>;

/**
 * Calls `transport[method]` so that every way it can fail ends in a rejection: a missing transport
 * or method (code `no-transport`), a synchronous throw, a rejected promise.
 */
export function callTransport<Name extends Method>(
  transport: InviteTransport | undefined,
  method: Name,
  ...args: Parameters<Call<Name>>
): ReturnType<Call<Name>> {
  return Promise.resolve().then((): unknown => {
    const call = transport?.[method] as ((...args: Parameters<Call<Name>>) => unknown) | undefined;
    if (typeof call !== 'function') throw Object.assign(new Error('no transport'), { code: 'no-transport' satisfies InviteErrorCode });
    return call.apply(transport, args);
  }) as ReturnType<Call<Name>>;
}

/** A new key for one intent (a Call press, a confirmed Call again, a Send press): a random UUID. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts. A blob URL, in any context, ends in a random UUID
  // that the browser made for it (File API: "generate a random UUID").
  const url = URL.createObjectURL(new Blob());
  URL.revokeObjectURL(url);
  return url.slice(-36);
}
