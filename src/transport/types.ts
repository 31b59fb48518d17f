/**
 * The contract between the elements and the host page's telephony backend. The host supplies
 * an object of this shape; the elements never reach the backend any other way.
 *
 * The elements only guard the person using them: a backend must enforce the same rules (who may
 * invite, which numbers may be called), since any page script can call it directly.
 */

/** Who the person using the dialog is in the call. */
export const INVITE_ROLES = ['owner', 'moderator', 'participant', 'guest'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

/** What the customer is entitled to, as the backend says. */
export interface InvitePolicy {
  dialOut: boolean;
  sms: boolean;
  /** ISO 3166-1 alpha-2 codes. Narrows the element's `allowed-countries`; never widens it. */
  countries?: string[];
}

export const DIAL_OUT_STATES = [
  'dialing',
  'ringing',
  'answered',
  'joined',
  'no-answer',
  'busy',
  'rejected',
  'failed',
  'canceled',
] as const;
export type DialOutState = (typeof DIAL_OUT_STATES)[number];

/** States that end an attempt: `dialOut` resolves with one of them. */
export const FINAL_DIAL_OUT_STATES = ['joined', 'no-answer', 'busy', 'rejected', 'failed', 'canceled'] as const;
export type FinalDialOutState = (typeof FINAL_DIAL_OUT_STATES)[number];

export interface DialOutUpdate {
  state: DialOutState;
  /** The backend's id for the participant, once they are in the call. */
  participantId?: string;
  /** The backend's reason for a failure, shown to the person as text. */
  reason?: string;
}

export interface DialOutRequest {
  /** E.164, for example `+12015550123`. */
  phoneNumber: string;
  /** The same for every send of one intent (one Call press), so a backend can drop repeats. */
  idempotencyKey: string;
  /** The invitee's name, when the person gave one: for the participant's tile. Untrusted text. */
  displayName?: string;
}

export interface SmsRequest {
  /** E.164. */
  phoneNumber: string;
  message: string;
  idempotencyKey: string;
}

/** Error codes a transport may reject with (`error.code`). Unknown codes show as a generic failure. */
export const TRANSPORT_ERROR_CODES = [
  'invalid-number',
  'destination-not-allowed',
  'not-authorized',
  'not-entitled',
  'rate-limited',
  'network',
  'timeout',
  'unavailable',
] as const;
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

/** The shape of an error a transport rejects with. Any `Error` works; these fields are read when present. */
export interface TransportError extends Error {
  code?: string;
  /** With `rate-limited`: how long to wait before trying again. */
  retryAfterMs?: number;
}

export interface InviteTransport {
  /** What the customer is entitled to. Without it, both features count as entitled. */
  getPolicy?(options: { signal: AbortSignal }): Promise<InvitePolicy>;
  /**
   * Calls `phoneNumber` and adds the person to the call when they answer. Reports progress
   * through `onStatus` and resolves with the final update. Aborting `signal` means the person
   * cancelled this attempt: hang up.
   */
  dialOut(
    request: DialOutRequest,
    options: { signal: AbortSignal; onStatus(update: DialOutUpdate): void },
  ): Promise<DialOutUpdate>;
  sendSms(request: SmsRequest, options: { signal: AbortSignal }): Promise<{ messageId?: string }>;
}
