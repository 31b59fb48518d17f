export interface InviteParticipantJoinedDetail {
  phoneNumber: string;
  participantId?: string;
  /** The invitee's name, when the person gave one: for the participant's tile. Untrusted text. */
  displayName?: string;
}

/** The person called answered and is now in the call. */
export class InviteParticipantJoinedEvent extends CustomEvent<InviteParticipantJoinedDetail> {
  static readonly type = 'invite-participant-joined';

  constructor(detail: InviteParticipantJoinedDetail) {
    super(InviteParticipantJoinedEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'invite-participant-joined': InviteParticipantJoinedEvent;
  }
}
