/**
 * invite-elements: registers `<invite-dialog>`, `<country-picker>` and `<sms-composer>`, and
 * exports their classes, the transport contract, the shipped simulated transport, the events,
 * the settings context and the phone helpers.
 */
export * from './country-picker.js';
export * from './invite-dialog.js';
export * from './sms-composer.js';
export * from './transport/index.js';
export * from './events/index.js';
export { inviteSettingsContext, provideInviteSettings, type InviteSettings } from './context/invite-settings.js';
// Each from its own module: what a page loads without a bundler stays what it uses.
export { REFUSAL_REASONS, type RefusalReason } from './phone/refusals.js';
export type { DialCheck, Dialable, Refusal } from './phone/dialable.js';
export { loadDialCheck } from './phone/load-rules.js';
export { parseCountryCodes } from './phone/country-codes.js';
export { permissionsFor, type Permissions } from './controllers/permissions-controller.js';
export { countSms, type SmsCount, type SmsEncoding } from './sms/segments.js';
export { fillTemplate, defaultSmsTemplate } from './sms/template.js';
export { registerStrings, type InviteStrings, type InviteStringOverrides } from './i18n/index.js';
