export interface InviteSmsSentDetail {
  phoneNumber: string;
  messageId?: string;
}

/** An SMS invitation was accepted by the backend for delivery. */
export class InviteSmsSentEvent extends CustomEvent<InviteSmsSentDetail> {
  static readonly type = 'invite-sms-sent';

  constructor(detail: InviteSmsSentDetail) {
    super(InviteSmsSentEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'invite-sms-sent': InviteSmsSentEvent;
  }
}
