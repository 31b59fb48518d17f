import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/invite-dialog.js';
import type { InviteDialog, InvitePanel } from '../../src/invite-dialog.js';
import { containsComposed, describeElement, drawnAt, focusedElement, isDrawn, whyNotTappable } from '../helpers/layout.js';
import { ManualTransport, transportError, type PendingDial } from '../helpers/manual-transport.js';

// Issue #11: the dialog as a person meets it on a phone and on a desktop. Where a test collects
// problems rather than stopping at the first, its failure lists everything that is wrong at once.

const MAIN_ACTION = { call: 'call-button', sms: 'send-button' } as const;
const round = Math.round;

/** The element with this part that is drawn: the one in the panel shown, where both panels have one. */
function drawn<T extends HTMLElement = HTMLElement>(dialog: InviteDialog, name: string): T | undefined {
  return [...dialog.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)].find(isDrawn);
}

function part<T extends HTMLElement = HTMLElement>(dialog: InviteDialog, name: string): T {
  const element = drawn<T>(dialog, name);
  if (!element) throw new Error(`no part "${name}" is drawn`);
  return element;
}

const tab = (dialog: InviteDialog, panel: InvitePanel) => dialog.shadowRoot!.querySelector<HTMLElement>(`#tab-${panel}`)!;

async function resize(width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  await waitUntil(() => innerWidth === width && innerHeight === height, `the viewport becomes ${width}×${height}`);
}

/** Waits for the dialog to render, and its phone field to be there. */
async function ready(dialog: InviteDialog): Promise<void> {
  await waitUntil(async () => {
    await dialog.updateComplete;
    return drawn(dialog, 'number-input') !== undefined;
  }, 'the phone field is shown');
}

async function openDialog(transport: ManualTransport, panel: InvitePanel = 'call'): Promise<InviteDialog> {
  const dialog = await fixture<InviteDialog>(
    html`<invite-dialog
      user-role="owner"
      default-country="US"
      room-name="Weekly sync"
      room-link="https://meet.example.com/weekly-sync"
      panel=${panel}
      .transport=${transport}
    ></invite-dialog>`,
  );
  dialog.show();
  await ready(dialog);
  return dialog;
}

/** Puts a number in the phone field as a paste would: quick, for setting a scene up. */
async function pasteNumber(dialog: InviteDialog, digits: string): Promise<void> {
  const input = part<HTMLInputElement>(dialog, 'number-input');
  input.value = digits;
  input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true, composed: true }));
  await dialog.updateComplete;
}

/** Calls the next of +1 201 555 0100, 0101… from the form, and returns the pending call. */
async function placeCall(dialog: InviteDialog, transport: ManualTransport): Promise<PendingDial> {
  const count = transport.dials.length;
  await pasteNumber(dialog, `20155501${String(count).padStart(2, '0')}`);
  part(dialog, 'call-button').click();
  await waitUntil(() => transport.dials.length === count + 1, `call ${count + 1} reaches the transport`);
  return transport.lastDial;
}

/** Has the transport report on a call, and waits for the dialog to show it. */
async function report(dialog: InviteDialog, send: () => void): Promise<void> {
  const heard = oneEvent(dialog, 'invite-call-status');
  send();
  await heard;
  await dialog.updateComplete;
}

async function placeUnansweredCalls(dialog: InviteDialog, transport: ManualTransport, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const dial = await placeCall(dialog, transport);
    await report(dialog, () => dial.resolve({ state: 'no-answer' }));
  }
}

/** What sticks out sideways: the page, the dialog box, or anything drawn in the dialog. */
function horizontalOverflow(dialog: InviteDialog): string[] {
  const problems: string[] = [];
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > innerWidth) problems.push(`the page is ${pageWidth} px wide in a ${innerWidth} px viewport`);
  const box = part(dialog, 'dialog').getBoundingClientRect();
  if (box.left < 0 || box.right > innerWidth) problems.push(`the dialog spans ${round(box.left)}–${round(box.right)} px of ${innerWidth}`);
  // Only the outermost element that sticks out: its children would repeat it.
  const outside = new Set<Element>();
  for (const element of part(dialog, 'dialog').querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    const empty = rect.width === 0 || rect.height === 0;
    if (!isDrawn(element) || empty || (rect.left >= box.left - 1 && rect.right <= box.right + 1)) continue;
    outside.add(element);
    if (element.parentElement && outside.has(element.parentElement)) continue;
    problems.push(`${describeElement(element)} spans ${round(rect.left)}–${round(rect.right)} px, outside the dialog's ${round(box.left)}–${round(box.right)}`);
  }
  return problems;
}

/** What keeps the dialog from fitting the viewport, or its main action, close button or last call from a person's reach. */
function fitProblems(dialog: InviteDialog, panel: InvitePanel, moment: string): string[] {
  const problems = horizontalOverflow(dialog);
  const box = part(dialog, 'dialog').getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) problems.push(`the dialog spans ${round(box.top)}–${round(box.bottom)} px of ${innerHeight} in height`);
  const lastCall = [...(drawn(dialog, 'attempts')?.children ?? [])].filter(isDrawn).at(-1);
  if (lastCall) {
    lastCall.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    const rect = lastCall.getBoundingClientRect();
    if (rect.top < Math.max(box.top, 0) - 1 || rect.bottom > Math.min(box.bottom, innerHeight) + 1) {
      problems.push(`the last call listed, scrolled into view, spans ${round(rect.top)}–${round(rect.bottom)} px, outside the dialog's ${round(box.top)}–${round(box.bottom)} or the viewport`);
    }
  }
  for (const number of dialog.shadowRoot!.querySelectorAll('.number')) {
    // One box per line (an engine may give a bidi run boxes of its own on the same line).
    const lines = new Set([...number.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom))).size;
    if (isDrawn(number) && lines > 1) problems.push(`${number.textContent} is broken across ${lines} lines in ${describeElement(number.parentElement!)}`);
  }
  const main = part(dialog, MAIN_ACTION[panel]);
  main.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  for (const target of [main, part(dialog, 'close-button')]) {
    const why = whyNotTappable(target);
    if (why) problems.push(why);
  }
  return problems.map((problem) => `${moment}: ${problem}`);
}

async function expectSendEnabled(dialog: InviteDialog): Promise<void> {
  await waitUntil(
    async () => {
      await dialog.updateComplete;
      const send = drawn<HTMLButtonElement>(dialog, 'send-button');
      return send && !send.disabled && send.getAttribute('aria-disabled') !== 'true';
    },
    'Send SMS is enabled, with a valid number and the default message',
    { timeout: 2000 },
  );
}

describe('<invite-dialog> layout', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const [width, height] of [[320, 568], [375, 667], [768, 1024], [1280, 800]] as const) {
    for (const panel of ['call', 'sms'] as const) {
      it(`has no horizontal overflow at ${width}×${height} on the ${panel} tab`, async () => {
        await resize(width, height);
        const dialog = await openDialog(new ManualTransport(), panel);
        await pasteNumber(dialog, '2015550123');
        expect(horizontalOverflow(dialog)).to.deep.equal([]);
      });
    }
  }

  for (const [width, height] of [[375, 667], [1280, 800]] as const) {
    for (const count of [0, 4, 20]) {
      it(`fits ${width}×${height} after ${count} calls, with Call and close in reach, also under a notice`, async () => {
        await resize(width, height);
        const transport = new ManualTransport();
        const dialog = await openDialog(transport);
        await placeUnansweredCalls(dialog, transport, count);
        const problems = fitProblems(dialog, 'call', `after ${count} calls`);

        const ringing = await placeCall(dialog, transport);
        await report(dialog, () => ringing.status({ state: 'ringing' }));
        problems.push(...fitProblems(dialog, 'call', 'while a call rings'));

        const reason = 'The carrier refused the call: the number is temporarily out of service in this region.';
        await report(dialog, () => ringing.resolve({ state: 'failed', reason }));
        problems.push(...fitProblems(dialog, 'call', 'after a failed call'));
        expect(problems).to.deep.equal([]);
      });
    }
  }

  it('never puts Cancel call where the close button is, or was a moment before (#12)', async () => {
    await resize(375, 667);
    const transport = new ManualTransport();
    const dialog = await openDialog(transport);
    const problems: string[] = [];
    for (let count = 1; count <= 3; count += 1) {
      const ringing = await placeCall(dialog, transport);
      await report(dialog, () => ringing.status({ state: 'ringing' }));
      const why = whyNotTappable(part(dialog, 'close-button'));
      if (why) problems.push(`with ${count} calls ringing: ${why}`);
    }
    const close = part(dialog, 'close-button').getBoundingClientRect();
    const [x, y] = [close.left + close.width / 2, close.top + close.height / 2];
    drawnAt(x, y)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => !dialog.open, 'a tap on the close button closes the dialog');
    await dialog.updateComplete;
    // A second tap, where the close button was: the notices now at the corner offer nothing that hangs up there.
    const second = drawnAt(x, y);
    if (second?.closest('button')?.textContent?.trim() === 'Cancel call') problems.push('a second tap where × was lands on Cancel call');
    expect(transport.dials.filter((dial) => dial.signal.aborted), 'no call was hung up').to.deep.equal([]);
    expect(problems).to.deep.equal([]);
  });

  for (const [what, reason] of [
    ['a 5 KB stack trace', 'Error: carrier refused\n    at dial (sip.js:42:7)\n'.repeat(120)],
    ['a 1 MB string', 'x '.repeat(500_000)],
    ['a long unbroken token', 'req_'.padEnd(4000, 'a9')],
  ] as const) {
    it(`keeps ${what} from the backend to a few lines of its notice, open or closed (#12)`, async () => {
      await resize(375, 667);
      const transport = new ManualTransport();
      const dialog = await openDialog(transport);
      const dial = await placeCall(dialog, transport);
      await report(dialog, () => dial.resolve({ state: 'failed', reason }));
      const problems = fitProblems(dialog, 'call', 'open');
      for (const moment of ['open', 'closed']) {
        if (moment === 'closed') {
          dialog.close();
          await dialog.updateComplete;
        }
        const notice = part(dialog, 'notice').getBoundingClientRect();
        const detail = part(dialog, 'notice').querySelector<HTMLElement>('.notice-detail')!;
        if (notice.height > innerHeight / 2) problems.push(`${moment}: the notice is ${round(notice.height)} px high`);
        if (notice.left < 0 || notice.right > innerWidth) problems.push(`${moment}: the notice spans ${round(notice.left)}–${round(notice.right)} px`);
        if (detail.scrollHeight <= detail.clientHeight) problems.push(`${moment}: the rest of the reason cannot be scrolled to`);
        if (detail.tabIndex !== 0) problems.push(`${moment}: the reason cannot be scrolled with the keyboard`);
        const why = whyNotTappable(part(dialog, 'notice').querySelector('.dismiss')!);
        if (why) problems.push(`${moment}: ${why}`);
      }
      expect(problems).to.deep.equal([]);
      await expect(dialog).shadowDom.to.be.accessible();
    });
  }

  it('fits 375×667 on the SMS tab, with Send and close in reach, also under a notice', async () => {
    await resize(375, 667);
    const transport = new ManualTransport();
    const dialog = await openDialog(transport, 'sms');
    await pasteNumber(dialog, '2015550123');
    const problems = fitProblems(dialog, 'sms', 'with a number typed');

    await expectSendEnabled(dialog);
    part(dialog, 'send-button').click();
    await waitUntil(() => transport.texts.length === 1, 'the SMS reaches the transport');
    const failed = oneEvent(dialog, 'invite-error');
    transport.texts[0]!.reject(transportError('network'));
    await failed;
    await dialog.updateComplete;
    problems.push(...fitProblems(dialog, 'sms', 'after a failed SMS'));
    expect(problems).to.deep.equal([]);
  });

  it('enables Send for a number carried over from an unanswered call, and Enter in the phone field sends', async () => {
    const transport = new ManualTransport();
    const dialog = await openDialog(transport);
    part(dialog, 'number-input').focus();
    await sendKeys({ type: '2015550123' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.dials.length === 1, 'Enter places the call');
    await report(dialog, () => transport.lastDial.resolve({ state: 'no-answer' }));

    tab(dialog, 'sms').click();
    await ready(dialog);
    expect(dialog.panel).to.equal('sms');
    await expectSendEnabled(dialog);
    part(dialog, 'number-input').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.texts.length === 1, 'Enter in the phone field sends the SMS');
    expect(transport.texts[0]!.request.phoneNumber).to.equal('+12015550123');
  });

  it('enables Send once a number is typed on the SMS tab it opened on', async () => {
    const dialog = await openDialog(new ManualTransport(), 'sms');
    part(dialog, 'number-input').focus();
    await sendKeys({ type: '2015550123' });
    await expectSendEnabled(dialog);
  });

  it('keeps Send enabled when the person goes to the Call tab and back', async () => {
    const dialog = await openDialog(new ManualTransport(), 'sms');
    part(dialog, 'number-input').focus();
    await sendKeys({ type: '2015550123' });
    for (const panel of ['call', 'sms', 'call', 'sms'] as const) {
      tab(dialog, panel).click();
      await ready(dialog);
    }
    await expectSendEnabled(dialog);
  });

  it('keeps focus on something usable in the dialog: on opening, after Call, when the call ends, after a tab change and a dismissed notice', async () => {
    const transport = new ManualTransport();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="opener">Invite</button>
        <invite-dialog user-role="owner" default-country="US" room-link="https://meet.example.com/k" .transport=${transport}></invite-dialog>
      </div>`,
    );
    const dialog = wrapper.querySelector('invite-dialog')!;
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    opener.addEventListener('click', () => dialog.show());
    const lost: string[] = [];
    const check = (moment: string) => {
      const focused = focusedElement();
      // Firefox leaves focus on a button that disables itself, where it is as lost as on <body>.
      const usable = focused && focused !== document.body && !focused.matches(':disabled');
      if (usable && containsComposed(part(dialog, 'dialog'), focused)) return;
      const where = focused === document.body ? '<body>' : describeElement(focused);
      lost.push(`${moment}: focus is on ${where}${focused?.matches(':disabled') ? ', disabled' : ''}`);
    };

    opener.focus();
    await sendKeys({ press: 'Enter' });
    await ready(dialog);
    check('after opening');

    part(dialog, 'number-input').focus();
    await sendKeys({ type: '2015550123' });
    part(dialog, 'call-button').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.dials.length === 1, 'Call places the call');
    await dialog.updateComplete;
    check('after pressing Call');

    await report(dialog, () => transport.lastDial.resolve({ state: 'no-answer' }));
    check('after the call ends unanswered');

    dialog.shadowRoot!.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => dialog.panel === 'sms', 'End moves to the SMS tab');
    await ready(dialog);
    check('after moving to the SMS tab with the keyboard');

    const dismiss = [...dialog.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[aria-label="Dismiss"]')].find(isDrawn);
    expect(dismiss, 'the unanswered call can be dismissed').to.be.instanceOf(HTMLButtonElement);
    dismiss!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dismiss!.isConnected || !isDrawn(dismiss!), 'the notice goes away');
    await dialog.updateComplete;
    check('after dismissing a notice');
    expect(lost).to.deep.equal([]);
  });
});
