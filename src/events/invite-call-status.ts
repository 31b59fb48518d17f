import type { DialOutState } from '../transport/types.js';

export interface InviteCallStatusDetail {
  phoneNumber: string;
  state: DialOutState | 'unknown';
  reason?: string;
  /** The invitee's name, when the person gave one: for the participant's tile. Untrusted text. */
  displayName?: string;
}

/** A placed call changed state. `unknown`: the backend has not said how it ended in time. */
export class InviteCallStatusEvent extends CustomEvent<InviteCallStatusDetail> {
  static readonly type = 'invite-call-status';

  constructor(detail: InviteCallStatusDetail) {
    super(InviteCallStatusEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'invite-call-status': InviteCallStatusEvent;
  }
}
