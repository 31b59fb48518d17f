export interface InviteErrorDetail {
  phoneNumber: string;
  action: 'call' | 'sms';
  code: string;
  message: string;
}

/** A call or an SMS failed. `code` is the backend's error code, or `unknown`. */
export class InviteErrorEvent extends CustomEvent<InviteErrorDetail> {
  static readonly type = 'invite-error';

  constructor(detail: InviteErrorDetail) {
    super(InviteErrorEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'invite-error': InviteErrorEvent;
  }
}
