import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/invite-dialog.js';
import type { InviteDialog } from '../../src/invite-dialog.js';
import { ManualTransport, settle } from '../helpers/manual-transport.js';

/** The element focus is on, looking into shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function describeActive(): string {
  const active = deepActive();
  if (!active) return 'nothing';
  return active.id ? `#${active.id}` : (active.getAttribute('part') ?? active.textContent?.trim() ?? active.tagName);
}

/** Presses a key, or a chord such as `Shift+Tab`. */
async function press(key: string): Promise<void> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
}

/** Presses Tab (or `key`) until focus is on what `describeActive()` names `target`; fails after `limit` presses. */
async function tabTo(target: string, key = 'Tab', limit = 12): Promise<void> {
  const seen: string[] = [];
  for (let index = 0; index < limit; index += 1) {
    if (describeActive() === target) return;
    seen.push(describeActive());
    await press(key);
  }
  throw new Error(`Tab never reached ${target}; went through ${seen.join(', ')}`);
}

async function openWithKeyboard(transport: ManualTransport, lang = 'en'): Promise<{ dialog: InviteDialog; opener: HTMLButtonElement }> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <button id="opener">Invite</button>
      <invite-dialog user-role="owner" room-link="https://meet.example.com/k" .transport=${transport}></invite-dialog>
    </div>`,
  );
  const dialog = wrapper.querySelector('invite-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.addEventListener('click', () => dialog.show());
  opener.focus();
  await press('Enter');
  await settle(dialog);
  return { dialog, opener };
}

describe('<invite-dialog> with the keyboard alone', () => {
  it('chooses a country, calls, confirms a second call and closes', async () => {
    const transport = new ManualTransport();
    const { dialog, opener } = await openWithKeyboard(transport);
    expect(describeActive()).to.equal('#call-number');

    // No default country: choose one in the picker, before the phone field.
    await press('Shift+Tab');
    expect(describeActive()).to.equal('combobox');
    await press('ArrowDown');
    await sendKeys({ type: 'u' });
    await press('Enter');
    await settle(dialog);
    expect(dialog.shadowRoot!.querySelector('country-picker')!.value).to.equal('US');

    await press('Tab');
    expect(describeActive()).to.equal('#call-number');
    await sendKeys({ type: '2015550123' });
    await press('Enter');
    await settle(dialog);
    expect(transport.dials.map((dial) => dial.request.phoneNumber)).to.deep.equal(['+12015550123']);
    // The Call button disables itself: focus goes to the new call's Cancel call, not to the page.
    expect(describeActive()).to.equal('Cancel call');

    transport.lastDial.resolve({ state: 'no-answer' });
    await settle(dialog);
    // Where Cancel call was, the ended call offers Call again. It asks first; Enter on the focused
    // Cancel declines, then Call again.
    expect(describeActive()).to.equal('Call again');
    await press('Enter');
    await settle(dialog);
    expect(describeActive()).to.equal('Cancel');
    await press('Tab');
    expect(describeActive()).to.equal('Call again');
    await press('Enter');
    await settle(dialog);
    expect(transport.dials).to.have.length(2);
    expect(describeActive(), 'focus goes to the new call').to.equal('Cancel call');

    // The attempt can be hung up where its status is shown.
    await press('Enter');
    await settle(dialog);
    expect(transport.lastDial.signal.aborted).to.equal(true);

    await press('Escape');
    await settle(dialog);
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('switches to SMS with the arrow keys, edits the message and sends it', async () => {
    const transport = new ManualTransport();
    const { dialog } = await openWithKeyboard(transport);
    await press('Shift+Tab');
    await press('Enter');
    await press('End');
    await press('Enter');
    await settle(dialog);

    await tabTo('#tab-call', 'Shift+Tab');
    await press('ArrowDown');
    await settle(dialog);
    expect(dialog.panel).to.equal('sms');
    expect(describeActive()).to.equal('#tab-sms');

    await press('Tab');
    expect(describeActive()).to.equal('combobox');
    await press('Tab');
    expect(describeActive()).to.equal('#sms-number');
    await sendKeys({ type: '4165550123' });
    await press('Tab');
    expect(describeActive()).to.equal('#message');
    await press('End');
    await sendKeys({ type: ' See you soon.' });
    await settle(dialog);
    await tabTo('send-button');
    await press('Enter');
    await settle(dialog);
    expect(transport.texts).to.have.length(1);
    expect(transport.texts[0]!.request.message).to.equal(
      "You're invited to a video call. Join here: https://meet.example.com/k See you soon.",
    );
    expect(transport.texts[0]!.request.phoneNumber).to.equal('+14165550123');
  });
});

describe('<invite-dialog> naming the invitee with the keyboard', () => {
  it('goes from the number to the name, and Enter there places the call with both', async () => {
    const transport = new ManualTransport();
    const { dialog } = await openWithKeyboard(transport);
    // No default country here: the number goes in with its calling code.
    await sendKeys({ type: '+12015550123' });
    await press('Tab');
    expect(describeActive()).to.equal('#call-name');
    await sendKeys({ type: 'Ana Lima' });
    await press('Enter');
    await settle(dialog);
    expect(transport.dials.map((dial) => [dial.request.phoneNumber, dial.request.displayName])).to.deep.equal([['+12015550123', 'Ana Lima']]);
    expect(describeActive(), 'then on the new call').to.equal('Cancel call');
  });

  it('reaches Copy invite link on the SMS tab', async () => {
    const { dialog } = await openWithKeyboard(new ManualTransport());
    dialog.panel = 'sms';
    await settle(dialog);
    await tabTo('Copy invite link');
    expect(deepActive()?.tagName).to.equal('BUTTON');
  });
});
