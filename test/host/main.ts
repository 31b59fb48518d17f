// A host app that knows the package only by its name, as a web developer would use it.
import 'invite-elements';
import { createSimulatedTransport, type InviteDialog } from 'invite-elements';

declare global {
  interface Window {
    hostResult?: { joined: string; defined: boolean };
  }
}

const dialog: InviteDialog = document.querySelector('invite-dialog')!;
dialog.transport = createSimulatedTransport({ delays: 20 });
dialog.addEventListener('invite-participant-joined', (event) => {
  window.hostResult = { joined: event.detail.phoneNumber, defined: customElements.get('country-picker') !== undefined };
});
dialog.show();
