// The one door to the element library: the server reuses its phone rules, SMS counter and
// vocabularies from the library's build, so that the page and the server give the same answers.
// Only modules that run in Node without a DOM are imported here (not the package entry, which
// defines the custom elements).
export { loadDialCheck } from '../../dist/phone/load-rules.js';
export type { DialCheck } from '../../dist/phone/dialable.js';
export { countSms } from '../../dist/sms/segments.js';
export { permissionsFor } from '../../dist/controllers/permissions-controller.js';
export { INVITE_ROLES, FINAL_DIAL_OUT_STATES, TRANSPORT_ERROR_CODES } from '../../dist/transport/types.js';
export type { DialOutState, DialOutUpdate, InvitePolicy, InviteRole, TransportErrorCode } from '../../dist/transport/types.js';
