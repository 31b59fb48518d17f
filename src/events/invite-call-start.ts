export interface InviteCallStartDetail {
  phoneNumber: string;
  idempotencyKey: string;
  /** The invitee's name, when the person gave one: for the participant's tile. Untrusted text. */
  displayName?: string;
}

/** A call was placed: the person pressed Call, or confirmed Call again. `phoneNumber` is E.164. */
export class InviteCallStartEvent extends CustomEvent<InviteCallStartDetail> {
  static readonly type = 'invite-call-start';

  constructor(detail: InviteCallStartDetail) {
    super(InviteCallStartEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'invite-call-start': InviteCallStartEvent;
  }
}
