/** Registers `<invite-dialog>` (and the `<country-picker>` it uses). */
export { InviteDialog, INVITE_PANELS, type InvitePanel } from './components/invite-dialog/invite-dialog.js';
