export { InviteCallStartEvent, type InviteCallStartDetail } from './invite-call-start.js';
export { InviteCallStatusEvent, type InviteCallStatusDetail } from './invite-call-status.js';
export { InviteParticipantJoinedEvent, type InviteParticipantJoinedDetail } from './invite-participant-joined.js';
export { InviteSmsSentEvent, type InviteSmsSentDetail } from './invite-sms-sent.js';
export { InviteErrorEvent, type InviteErrorDetail } from './invite-error.js';
