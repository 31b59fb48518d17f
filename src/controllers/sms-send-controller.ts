import type { ReactiveControllerHost } from 'lit';
import { InviteErrorEvent } from '../events/invite-error.js';
import { InviteSmsSentEvent } from '../events/invite-sms-sent.js';
import type { InviteTransport } from '../transport/types.js';
import { InviteActionController, type InviteRecord } from './invite-action-controller.js';

/** `unknown`: the backend has not answered within `SmsSendController.timeout`; it may still. */
export const SMS_SEND_STATES = ['sending', 'sent', 'failed', 'unknown'] as const;
export type SmsSendState = (typeof SMS_SEND_STATES)[number];

/** How long a send may go unanswered before it shows as `unknown`: 30 s. */
export const SMS_TIMEOUT = 30_000;

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
  /** `SMS_TIMEOUT`; tests shorten it. */
  static timeout = SMS_TIMEOUT;
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
   * Sends `message` to `phoneNumber` (E.164). Resolves with the record once the backend answered
   * or the timeout passed (`unknown`: a later answer is still taken), or is undefined at once when
   * this number has a message on its way or the backend asked to wait.
   */
  send(phoneNumber: string, message: string): Promise<SmsSend> | undefined {
    if (this.isSending(phoneNumber) || this.retry.secondsLeft > 0) return undefined;
    const record: SmsSend = { ...this.newRecord(phoneNumber), message, state: 'sending' };
    this.add(record);
    const { idempotencyKey } = record;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (state: SmsSendState): SmsSend => {
      clearTimeout(timer);
      record.state = state;
      record.dismissed = false;
      this.changed();
      return record;
    };
    const answered = this.request('sendSms', { phoneNumber, message, idempotencyKey }, { signal: new AbortController().signal }).then((answer) => {
      if (answer.code === undefined) {
        try {
          const { messageId } = answer.value as { messageId?: unknown };
          if (typeof messageId === 'string') record.messageId = messageId;
        } catch {
          // No answer, or one whose getters throw: sent, without an id.
        }
        update('sent');
        this.emit(new InviteSmsSentEvent({ phoneNumber, messageId: record.messageId }));
      } else {
        record.errorCode = answer.code;
        update('failed');
        this.emit(new InviteErrorEvent({ phoneNumber, action: 'sms', code: answer.code, message: '' }));
      }
      return record;
    });
    const silent = new Promise<SmsSend>((resolve) => (timer = setTimeout(() => resolve(update('unknown')), SmsSendController.timeout)));
    return Promise.race([answered, silent]);
  }
}
