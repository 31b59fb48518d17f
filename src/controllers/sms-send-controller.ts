import type { ReactiveControllerHost } from 'lit';
import { InviteErrorEvent } from '../events/invite-error.js';
import { InviteSmsSentEvent } from '../events/invite-sms-sent.js';
import type { InviteTransport } from '../transport/types.js';
import { InviteActionController, type InviteRecord } from './invite-action-controller.js';

export const SMS_SEND_STATES = ['sending', 'sent', 'failed'] as const;
export type SmsSendState = (typeof SMS_SEND_STATES)[number];

export interface SmsSend extends InviteRecord {
  readonly message: string;
  state: SmsSendState;
  errorCode?: string;
  messageId?: string;
}

/**
 * Sends SMS invitations through the transport. One message per intent: a number with a message
 * on its way is not sent another. Announces the outcome with events on the host.
 */
export class SmsSendController extends InviteActionController<SmsSend> {
  #transport: () => InviteTransport | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, transport: () => InviteTransport | undefined) {
    super(host);
    this.#transport = transport;
  }

  protected get transport(): InviteTransport | undefined {
    return this.#transport();
  }

  /** Every send of this session, newest first. */
  get sends(): readonly SmsSend[] {
    return this.records;
  }

  isSending(phoneNumber: string): boolean {
    return this.records.some((send) => send.phoneNumber === phoneNumber && send.state === 'sending');
  }

  /**
   * Sends `message` to `phoneNumber` (E.164). Resolves with the record once the backend answered,
   * or undefined at once when this number has a message on its way or the backend asked to wait.
   */
  send(phoneNumber: string, message: string): Promise<SmsSend> | undefined {
    if (this.isSending(phoneNumber) || this.retry.secondsLeft > 0) return undefined;
    const record: SmsSend = { ...this.newRecord(phoneNumber), message, state: 'sending' };
    this.add(record);
    const { idempotencyKey } = record;
    return this.request('sendSms', { phoneNumber, message, idempotencyKey }, { signal: new AbortController().signal }).then((answer) => {
      if (answer.code === undefined) {
        const messageId = (answer.value as { messageId?: unknown } | null)?.messageId;
        record.state = 'sent';
        if (typeof messageId === 'string') record.messageId = messageId;
        this.emit(new InviteSmsSentEvent({ phoneNumber, messageId: record.messageId }));
      } else {
        record.state = 'failed';
        record.errorCode = answer.code;
        this.emit(new InviteErrorEvent({ phoneNumber, action: 'sms', code: answer.code, message: '' }));
      }
      record.dismissed = false;
      this.changed();
      return record;
    });
  }
}
