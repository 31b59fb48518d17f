import type { TransportError } from './types.js';

/** The `code` and `retryAfterMs` a transport's rejection carries, whatever was thrown. */
export function readTransportError(error: unknown): { code: string; retryAfterMs?: number } {
  const { code, retryAfterMs } = (typeof error === 'object' && error !== null ? error : {}) as Partial<TransportError>;
  return {
    code: typeof code === 'string' && code ? code : 'unknown',
    ...(typeof retryAfterMs === 'number' && retryAfterMs > 0 && Number.isFinite(retryAfterMs) ? { retryAfterMs } : {}),
  };
}

/** A new key for one intent (a Call press, a confirmed Call again, a Send press). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a page served over plain http still needs keys.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
