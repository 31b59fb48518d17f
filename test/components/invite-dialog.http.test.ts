import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/invite-dialog.js';
import type { InviteDialog } from '../../src/invite-dialog.js';
import { createHttpTransport } from '../../src/http.js';
import { settle } from '../helpers/manual-transport.js';

// The dialog over HTTP: createHttpTransport against the invite server (server/), which the test
// runner starts on a loopback port (scripts/invite-server-plugin.mjs) with its simulated provider.

interface ServerInfo {
  baseUrl: string;
  tokens: Record<'owner' | 'moderator', string>;
}

const server: Promise<ServerInfo> = fetch('/__invite-server.json').then((response) => response.json() as Promise<ServerInfo>);

function $<T extends Element = HTMLElement>(dialog: InviteDialog, selector: string): T {
  const element = dialog.shadowRoot!.querySelector<T>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '').trim();
const status = (dialog: InviteDialog) => plain(dialog.shadowRoot!.querySelector('.body [part="notice"] .notice-text')?.textContent ?? '');

/** Each wait spans a round trip to the server (and, on a busy machine, more than waitUntil's 1 s). */
const OVER_HTTP = { timeout: 5000 };

/** Each request the transport made and the status it got back. */
const exchanges: { method: string; path: string; status: number }[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  exchanges.push({ method: init?.method ?? (input instanceof Request ? input.method : 'GET'), path: url.pathname, status: response.status });
  return response;
};

async function openDialog(allowed = 'US CA', panel = 'call', widen = false): Promise<InviteDialog> {
  const { baseUrl, tokens } = await server;
  const http = createHttpTransport({ baseUrl, getToken: () => tokens.owner, fetch: recordingFetch });
  // A page that bypasses its own check: it drops the countries the server's policy names.
  const transport = widen ? { ...http, getPolicy: async (options: { signal: AbortSignal }) => ({ ...(await http.getPolicy(options)), countries: undefined }) } : http;
  const dialog = await fixture<InviteDialog>(
    html`<invite-dialog
      user-role="owner"
      default-country="US"
      allowed-countries=${allowed}
      room-link="https://meet.example.com/weekly-sync"
      panel=${panel}
      .transport=${transport}
    ></invite-dialog>`,
  );
  dialog.show();
  await waitUntil(async () => {
    await dialog.updateComplete;
    return dialog.shadowRoot!.querySelector(`#${panel}-number`) !== null;
  }, 'the server says what may be done', OVER_HTTP);
  return dialog;
}

async function call(dialog: InviteDialog, digits: string): Promise<void> {
  const input = $<HTMLInputElement>(dialog, '#call-number');
  input.value = digits;
  input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true, composed: true }));
  // The rules of a country beyond the United States and Canada load first.
  await waitUntil(async () => {
    await dialog.updateComplete;
    return !$<HTMLButtonElement>(dialog, '[part="call-button"]').disabled;
  }, `Call is enabled for ${digits}`, OVER_HTTP);
  $<HTMLButtonElement>(dialog, '[part="call-button"]').click();
}

describe('<invite-dialog> over HTTP, against the invite server', () => {
  it('places a call that joins, with each status from the server', async () => {
    const dialog = await openDialog();
    const states: string[] = [];
    dialog.addEventListener('invite-call-status', (event) => states.push(event.detail.state));
    const joined = oneEvent(dialog, 'invite-participant-joined');
    await call(dialog, '2015550100');
    expect((await joined).detail.phoneNumber).to.equal('+12015550100');
    await settle(dialog);
    expect(states).to.include.members(['dialing', 'ringing', 'joined']);
    expect(status(dialog)).to.equal('+1 201 555 0100 joined the call.');
  });

  it('shows a busy line as the server reports it', async () => {
    const dialog = await openDialog();
    await call(dialog, '2015550102');
    await waitUntil(() => status(dialog) === '+1 201 555 0102 is busy.', `busy, not ${status(dialog)}`, OVER_HTTP);
  });

  it('hangs up on the server when the person cancels', async () => {
    const dialog = await openDialog();
    await call(dialog, '2015550109');
    await waitUntil(() => status(dialog).startsWith('Ringing'), 'it rings', OVER_HTTP);
    const cancel = [...dialog.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="notice"] button')].find((button) => button.textContent!.trim() === 'Cancel call')!;
    cancel.click();
    await waitUntil(() => status(dialog) === 'Call to +1 201 555 0109 canceled.', `canceled, not ${status(dialog)}`, OVER_HTTP);
    // The server took the hang-up.
    await waitUntil(() => exchanges.some((exchange) => exchange.method === 'DELETE'), 'the transport asks the server to hang up', OVER_HTTP);
    const hangUp = exchanges.find((exchange) => exchange.method === 'DELETE')!;
    expect(hangUp.path).to.match(/^\/v1\/calls\/[^/]+$/);
    expect(hangUp.status).to.equal(202);
  });

  it('is refused by the server a number the page was told it may call (+1 876, Jamaica)', async () => {
    // The page's own check is widened to Jamaica; the server's is not.
    const dialog = await openDialog('US CA JM', 'call', true);
    const failed = oneEvent(dialog, 'invite-error');
    await call(dialog, '+18765550123');
    expect((await failed).detail.code).to.equal('destination-not-allowed');
    await settle(dialog);
    expect(plain($(dialog, '.body [part="notice"]').textContent!)).to.contain('The service does not call this destination.');
  });

  it('sends an SMS', async () => {
    const dialog = await openDialog('US CA', 'sms');
    const input = $<HTMLInputElement>(dialog, '#sms-number');
    input.value = '4165550100';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true, composed: true }));
    await waitUntil(async () => {
      await dialog.updateComplete;
      return !$<HTMLButtonElement>(dialog, '[part="send-button"]').disabled;
    }, 'Send is enabled', OVER_HTTP);
    const sent = oneEvent(dialog, 'invite-sms-sent');
    $<HTMLButtonElement>(dialog, '[part="send-button"]').click();
    expect((await sent).detail.phoneNumber).to.equal('+14165550100');
    await settle(dialog);
    expect(status(dialog)).to.equal('SMS sent to +1 416 555 0100');
  });
});
