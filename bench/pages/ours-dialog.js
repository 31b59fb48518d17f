// <invite-dialog> as a host uses it: an owner, the United States first, the simulated transport.
import { createSimulatedTransport } from '../../src/index.ts';
import { eventLatency, frames, longTaskReport, openCloseCycles, resetLongTasks, until, untilPainted } from './harness.js';

let dialog;

function createDialog(transport) {
  dialog?.remove();
  dialog = document.createElement('invite-dialog');
  dialog.setAttribute('user-role', 'owner');
  dialog.setAttribute('default-country', 'US');
  dialog.transport = transport;
  document.body.append(dialog);
  return dialog;
}

const field = () => dialog.shadowRoot?.querySelector('#call-number');
const focusInField = () =>
  dialog.shadowRoot?.querySelector('dialog[part="dialog"]')?.open === true && dialog.shadowRoot.activeElement === field();

function show() {
  return untilPainted(() => dialog.show(), focusInField);
}

async function close() {
  dialog.close();
  await frames(2);
}

const keys = eventLatency('keydown', 'input');

window.bench = {
  library: 'ours',
  async ready() {
    createDialog(createSimulatedTransport());
    await dialog.updateComplete;
    await frames(2);
  },
  /**
   * `fresh`: a new element, connected and rendered before the clock starts, opened for the first
   * time. Its transport answers the policy at once (delay 0) so that the figure is this library's
   * work, not the simulated network's 150 ms.
   */
  async open(fresh) {
    if (fresh) await this.prepareFresh();
    return show();
  },
  /** The untimed part of a fresh opening (npm run bench:profile traces only what follows). */
  async prepareFresh() {
    createDialog(createSimulatedTransport({ delays: { policy: 0 } }));
    await dialog.updateComplete;
    await frames(2);
  },
  close,
  cycles: (count) => openCloseCycles(count, show, close),
  async startTyping() {
    dialog.show();
    await until(() => field() !== null && focusInField(), '#call-number');
    await frames(2);
  },
  keys,
  /** What the field shows and whether the dialog accepts it (the Call button is enabled). */
  typed() {
    const button = dialog.shadowRoot.querySelector('[part="call-button"]');
    return { value: field().value, valid: button ? !button.disabled : false };
  },
  longTaskReport,
  resetLongTasks,
};
