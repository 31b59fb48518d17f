// Type-checked against the packed package's .d.ts files only.
import type { CountryPicker, InviteDialog, InviteTransport, DialOutUpdate } from 'invite-elements';
import { InviteCallStatusEvent, createSimulatedTransport, loadDialCheck } from 'invite-elements';

const dialog: InviteDialog = document.createElement('invite-dialog');
const picker: CountryPicker | null = document.querySelector('country-picker');
const composer = document.createElement('sms-composer');
composer.maxSegments = 3;
dialog.userRole = 'moderator';
picker?.addEventListener('change', () => picker.value.toUpperCase());

dialog.addEventListener('invite-call-status', (event) => {
  const status: InviteCallStatusEvent = event;
  const state: string = status.detail.state;
  return state;
});
dialog.addEventListener('invite-sms-sent', (event) => event.detail.phoneNumber.startsWith('+'));

const transport: InviteTransport = {
  async dialOut(request, { onStatus }) {
    onStatus({ state: 'ringing' });
    const done: DialOutUpdate = { state: 'joined', participantId: request.idempotencyKey };
    return done;
  },
  async sendSms() {
    return {};
  },
};
dialog.transport = transport;
dialog.transport = createSimulatedTransport({ outcome: 'busy' });

const check = (await loadDialCheck(['US']))('+1 201 555 0123');
if (check.ok) check.e164.toLowerCase();

// @ts-expect-error: roles are a closed set.
dialog.userRole = 'admin';
// @ts-expect-error: a transport must send SMS too.
const incomplete: InviteTransport = { dialOut: transport.dialOut };
export { incomplete };
