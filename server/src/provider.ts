import type { DialOutUpdate } from './library.js';

export const SMS_STATES = ['accepted', 'sent', 'delivered', 'undelivered', 'failed'] as const;
export type SmsState = (typeof SMS_STATES)[number];
export const FINAL_SMS_STATES = ['delivered', 'undelivered', 'failed'] as const;

export interface SmsUpdate {
  state: SmsState;
  /** With `undelivered` and `failed`: why, as a transport error code. */
  code?: string;
}

export interface DialRequest {
  /** The server's id for the attempt: a provider may pass it to its status callbacks. */
  callId: string;
  /** E.164, already through the dial check. */
  phoneNumber: string;
  displayName?: string;
  /** Where the person is to be added. */
  tenant: string;
  room: string;
}

export interface SmsSendRequest {
  messageId: string;
  /** E.164, already through the dial check. */
  phoneNumber: string;
  message: string;
  tenant: string;
}

/**
 * The telephony side. The routes know nothing else of a provider, so that a real one (Twilio,
 * LiveKit SIP, …) fits in without changing them.
 *
 * `dial` reports each state through `onStatus` (`dialing` is already recorded by the server) and
 * settles with the final update; aborting `signal` means hang up, and the server has then already
 * recorded `canceled`. A rejection counts as `failed`. `sendSms` reports `sent` and then the
 * delivery outcome through `onStatus` (`accepted` is recorded by the server) and settles with the
 * final one. Updates after the final one are ignored.
 */
export interface TelephonyProvider {
  readonly name: string;
  dial(request: DialRequest, options: { signal: AbortSignal; onStatus(update: DialOutUpdate): void }): Promise<DialOutUpdate>;
  sendSms(request: SmsSendRequest, options: { signal: AbortSignal; onStatus(update: SmsUpdate): void }): Promise<SmsUpdate>;
}
