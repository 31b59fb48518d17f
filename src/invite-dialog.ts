/** Registers `<invite-dialog>`, and the `<country-picker>` and `<sms-composer>` it uses. */
export { InviteDialog, INVITE_PANELS, type InvitePanel } from './components/invite-dialog/invite-dialog.js';
