/**
 * The page `scripts/csp-check.mjs` bundles and serves under a strict Content-Security-Policy. It
 * registers the elements exactly as a host would (`import 'invite-elements'`) and gives the check a
 * small harness to mount one `<invite-dialog>` on the simulated transport. Nothing here writes HTML:
 * attributes are set with `setAttribute`, so whatever the elements show of them is their own doing.
 */
import {
  createSimulatedTransport,
  type DialOutRequest,
  type DialOutUpdate,
  type InviteDialog,
  type InviteTransport,
  type SimulatedTransport,
  type SimulatedTransportOptions,
} from '../../src/index.js';

/** What the check asks for. Only data: the options cross from Node into the page as JSON. */
export interface MountOptions {
  /** Attributes of `<invite-dialog>`, set as given. */
  attributes: Record<string, string>;
  /** Options of the simulated transport (no scripted outcomes: the number's last digit decides). */
  transport?: Omit<SimulatedTransportOptions, 'outcome' | 'smsOutcome'>;
  /**
   * One failure reason per call: a call to a number ending in 4 fails with
   * `failureReasons[n]`, where `n` is the two digits before that 4.
   */
  failureReasons?: string[];
}

interface Recorded {
  type: string;
  detail: unknown;
}

const EVENTS = ['invite-call-start', 'invite-call-status', 'invite-participant-joined', 'invite-sms-sent', 'invite-error'] as const;

let dialog: InviteDialog | undefined;
let transports: SimulatedTransport[] = [];
const events: Recorded[] = [];

/** Sends a call to a number ending in 4 to the transport whose failure reason it names. */
function routedTransport(base: SimulatedTransport, options: MountOptions): InviteTransport {
  const failing = (options.failureReasons ?? []).map((reason) => createSimulatedTransport({ ...options.transport, failureReason: reason }));
  transports = [base, ...failing];
  return {
    getPolicy: (request) => base.getPolicy(request),
    sendSms: (request, rest) => base.sendSms(request, rest),
    dialOut(request: DialOutRequest, rest): Promise<DialOutUpdate> {
      const digits = request.phoneNumber.replace(/\D/g, '');
      const chosen = digits.endsWith('4') ? failing[Number(digits.slice(-3, -1))] : undefined;
      return (chosen ?? base).dialOut(request, rest);
    },
  };
}

const harness = {
  /** Replaces any dialog with a new one, opened. */
  mount(options: MountOptions): void {
    dialog?.remove();
    events.length = 0;
    const element = document.createElement('invite-dialog');
    for (const [name, value] of Object.entries(options.attributes)) element.setAttribute(name, value);
    element.transport = routedTransport(createSimulatedTransport(options.transport), options);
    for (const type of EVENTS) {
      element.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail ?? null }));
    }
    document.querySelector('main')?.append(element);
    dialog = element;
    element.show();
  },

  /** Sets one attribute and waits until the dialog and its composer have rendered it. */
  async setAttribute(name: string, value: string): Promise<void> {
    if (!dialog) throw new Error('no dialog mounted');
    dialog.setAttribute(name, value);
    await dialog.updateComplete;
    const composer = dialog.shadowRoot?.querySelector('sms-composer');
    if (composer) await composer.updateComplete;
  },

  /** What every transport was asked to do, oldest first. */
  records(): { calls: SimulatedTransport['calls']; messages: SimulatedTransport['messages'] } {
    return { calls: transports.flatMap((t) => t.calls), messages: transports.flatMap((t) => t.messages) };
  },

  /** The events the dialog dispatched since it was mounted. */
  events(): Recorded[] {
    return [...events];
  },
};

declare global {
  interface Window {
    cspHarness: typeof harness;
  }
}

window.cspHarness = harness;
document.documentElement.dataset['harness'] = 'ready';
