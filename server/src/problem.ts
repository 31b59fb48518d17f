import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { TRANSPORT_ERROR_CODES } from './library.js';

/**
 * Every code an error response may carry: the library's transport codes (what the dialog already
 * understands), then the ones only this API needs.
 */
export const PROBLEM_CODES = [
  ...TRANSPORT_ERROR_CODES,
  'invalid-request',
  'idempotency-mismatch',
  'idempotency-in-progress',
  'payload-too-large',
  'message-too-long',
  'not-found',
  'already-final',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const TITLES: Record<ProblemCode, string> = {
  'invalid-number': 'The phone number is not a valid E.164 number.',
  'destination-not-allowed': 'This number may not be called or texted.',
  'not-authorized': 'Not authorized.',
  'not-entitled': 'Your organization does not have this feature.',
  'rate-limited': 'Too many requests. Try again later.',
  network: 'The network failed.',
  timeout: 'The request timed out.',
  unavailable: 'The service is unavailable.',
  'invalid-request': 'The request is malformed.',
  'idempotency-mismatch': 'This Idempotency-Key was used with another request.',
  'idempotency-in-progress': 'A request with this Idempotency-Key is still being processed.',
  'payload-too-large': 'The request body is too large.',
  'message-too-long': 'The message is longer than the SMS limit.',
  'not-found': 'Not found.',
  'already-final': 'The attempt has already ended.',
};

/** An RFC 9457 problem document. `detail` is for people and never repeats a number or a message. */
export interface Problem {
  status: number;
  title: string;
  code: ProblemCode;
  detail?: string;
  /** With `rate-limited`: how long to wait, as `Retry-After` says in whole seconds. */
  retryAfterMs?: number;
}

export function problemBody(status: number, code: ProblemCode, detail?: string): Problem {
  return { status, title: TITLES[code], code, ...(detail ? { detail } : {}) };
}

export function problem(c: Context, status: ContentfulStatusCode, code: ProblemCode, detail?: string, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problemBody(status, code, detail)), status, { 'content-type': 'application/problem+json', ...headers });
}

/** 429 `rate-limited`: `retryAfterMs` in the body, and `Retry-After` rounded up to whole seconds so that a client never retries early. */
export function rateLimited(c: Context, retryAfterMs: number, detail?: string): Response {
  const wait = Math.max(0, Math.ceil(retryAfterMs));
  const body: Problem = { ...problemBody(429, 'rate-limited', detail), retryAfterMs: wait };
  return c.body(JSON.stringify(body), 429, { 'content-type': 'application/problem+json', 'retry-after': String(Math.ceil(wait / 1000)) });
}

/** A problem thrown from deep in a handler, answered by the app's error handler. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    readonly detail?: string,
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'ProblemError';
  }
}
