import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/invite-dialog.js';
import type { InviteDialog } from '../../src/invite-dialog.js';
import type { SmsComposer } from '../../src/sms-composer.js';
import { SmsSendController } from '../../src/controllers/sms-send-controller.js';
import { ManualTransport, settle, transportError } from '../helpers/manual-transport.js';

function $<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const element = root.shadowRoot!.querySelector<T>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
const composer = (dialog: InviteDialog) => $<SmsComposer>(dialog, 'sms-composer');
const textarea = (dialog: InviteDialog) => $<HTMLTextAreaElement>(composer(dialog), 'textarea');
const sendButton = (dialog: InviteDialog) => $<HTMLButtonElement>(dialog, '[part="send-button"]');
const tabs = (dialog: InviteDialog) => [...dialog.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];

function regionText(dialog: InviteDialog, role: 'status' | 'alert'): string {
  return plain(
    [...dialog.shadowRoot!.querySelectorAll(`[part="notices"] [role="${role}"] p`)].map((paragraph) => paragraph.textContent).join(' '),
  );
}

function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent!.trim() === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

async function openSms(transport = new ManualTransport(), attributes: { role?: string; pin?: boolean } = {}): Promise<InviteDialog> {
  const dialog = await fixture<InviteDialog>(
    html`<invite-dialog
      user-role=${attributes.role ?? 'owner'}
      default-country="US"
      room-name="Weekly sync"
      room-link="https://meet.example.com/weekly-sync"
      ?pin-required=${attributes.pin ?? false}
      panel="sms"
      .transport=${transport}
    ></invite-dialog>`,
  );
  dialog.show();
  await settle(dialog);
  return dialog;
}

async function typeInto(dialog: InviteDialog, element: HTMLElement, text: string): Promise<void> {
  element.focus();
  await sendKeys({ type: text });
  await settle(dialog);
}

async function sendTo(transport: ManualTransport, number = '2015550123'): Promise<InviteDialog> {
  const dialog = await openSms(transport);
  await typeInto(dialog, $(dialog, '#sms-number'), number);
  sendButton(dialog).click();
  await settle(dialog);
  return dialog;
}

describe('<invite-dialog> SMS', () => {
  it('hands settings set as its settings property on to the composer', async () => {
    const dialog = await fixture<InviteDialog>(html`<invite-dialog panel="sms" .transport=${new ManualTransport()}></invite-dialog>`);
    dialog.settings = {
      userRole: 'owner',
      roomLink: 'https://meet.example.com/set',
      pinRequired: true,
      strings: { messageLabel: 'Your text' },
    };
    dialog.show();
    await settle(dialog);
    expect(composer(dialog).value).to.contain('https://meet.example.com/set');
    expect($(composer(dialog), '[part="reminder"]').hidden).to.equal(false);
    expect($(composer(dialog), '[part="label"]').textContent).to.equal('Your text');
  });

  it('enables Send at its next update once a valid number meets the default message', async () => {
    const dialog = await fixture<InviteDialog>(
      html`<invite-dialog user-role="owner" default-country="US" room-link="https://meet.example.com/x" .transport=${new ManualTransport()}></invite-dialog>`,
    );
    dialog.show();
    await settle(dialog);
    await typeInto(dialog, $(dialog, '#call-number'), '2015550123');
    dialog.panel = 'sms';
    await dialog.updateComplete;
    expect(sendButton(dialog).disabled, 'no polling: updateComplete covers the composer').to.equal(false);
  });

  it('keeps focus in the dialog, on the phone field, when Send disables itself', async () => {
    const transport = new ManualTransport();
    const dialog = await openSms(transport);
    await typeInto(dialog, $(dialog, '#sms-number'), '2015550123');
    sendButton(dialog).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => transport.texts.length === 1, 'the SMS is sent');
    await dialog.updateComplete;
    expect(sendButton(dialog).disabled).to.equal(true);
    expect(dialog.shadowRoot!.activeElement?.id).to.equal('sms-number');
  });

  it('offers Call and SMS to the owner, Call only to a moderator, nothing to others', async () => {
    const owner = await openSms();
    expect(tabs(owner).map((tab) => tab.textContent!.trim())).to.deep.equal(['Call', 'SMS']);
    const moderator = await openSms(new ManualTransport(), { role: 'moderator' });
    expect(tabs(moderator).map((tab) => tab.textContent!.trim())).to.deep.equal(['Call']);
    expect(moderator.shadowRoot!.querySelector('sms-composer'), 'not rendered, not merely hidden').to.equal(null);
    for (const role of ['participant', 'guest']) {
      const other = await openSms(new ManualTransport(), { role });
      expect(tabs(other)).to.have.length(0);
      expect(other.shadowRoot!.querySelector('input, textarea, sms-composer')).to.equal(null);
    }
  });

  it('offers SMS only when the policy entitles it', async () => {
    const transport = new ManualTransport();
    transport.policy = { dialOut: true, sms: false };
    const dialog = await openSms(transport);
    expect(tabs(dialog).map((tab) => tab.textContent!.trim())).to.deep.equal(['Call']);
    expect(dialog.shadowRoot!.querySelector('sms-composer')).to.equal(null);
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    const dialog = await openSms();
    const [call, sms] = tabs(dialog);
    sms!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await settle(dialog);
    expect(dialog.panel).to.equal('call');
    expect(dialog.shadowRoot!.activeElement).to.equal(call);
    expect(call!.getAttribute('aria-selected')).to.equal('true');
    expect($(dialog, '#panel-sms').hidden).to.equal(true);
    await sendKeys({ press: 'End' });
    await settle(dialog);
    expect(dialog.shadowRoot!.activeElement).to.equal(sms);
    expect(dialog.panel).to.equal('sms');
    await sendKeys({ press: 'Home' });
    await settle(dialog);
    expect(dialog.panel).to.equal('call');
    await sendKeys({ press: 'ArrowDown' });
    await settle(dialog);
    expect(dialog.panel).to.equal('sms');
    expect(call!.tabIndex).to.equal(-1);
    expect(sms!.tabIndex).to.equal(0);
  });

  it('starts from a default message with the join link, and is accessible', async () => {
    const dialog = await openSms();
    expect(textarea(dialog).value).to.equal('You\'re invited to the video call "Weekly sync". Join here: https://meet.example.com/weekly-sync');
    expect($(composer(dialog), '[part="label"]').textContent).to.equal('Text message');
    expect($(composer(dialog), '[part="reminder"]').hidden).to.equal(true);
    await expect(dialog).shadowDom.to.be.accessible();
    await expect(composer(dialog)).shadowDom.to.be.accessible();
  });

  it('reminds the person of the PIN without asking for it or putting it in the message', async () => {
    const dialog = await openSms(new ManualTransport(), { pin: true });
    const reminder = $(composer(dialog), '[part="reminder"]');
    expect(reminder.hidden).to.equal(false);
    expect(reminder.textContent).to.equal('This room needs a PIN. The message does not include it: tell the person the PIN yourself.');
    expect(textarea(dialog).value).not.to.contain('PIN');
    expect([...dialog.shadowRoot!.querySelectorAll('#panel-sms input')].map((input) => input.id)).to.deep.equal(['sms-number']);
    await expect(composer(dialog)).shadowDom.to.be.accessible();
  });

  it('sends one SMS with the edited message, says so, and asks before sending again', async () => {
    const transport = new ManualTransport();
    const dialog = await openSms(transport);
    await typeInto(dialog, $(dialog, '#sms-number'), '2015550123');
    textarea(dialog).select();
    await typeInto(dialog, textarea(dialog), 'Join us: https://meet.example.com/x');
    sendButton(dialog).click();
    sendButton(dialog).click();
    await settle(dialog);
    expect(transport.texts).to.have.length(1);
    expect(transport.texts[0]!.request).to.include({ phoneNumber: '+12015550123', message: 'Join us: https://meet.example.com/x' });
    expect(regionText(dialog, 'status')).to.equal('Sending the SMS to +1 201 555 0123…');
    expect(sendButton(dialog).disabled).to.equal(true);
    await expect(dialog).shadowDom.to.be.accessible();

    const sent = oneEvent(dialog, 'invite-sms-sent');
    transport.texts[0]!.resolve({ messageId: 'm-1' });
    expect((await sent).detail).to.deep.equal({ phoneNumber: '+12015550123', messageId: 'm-1' });
    await settle(dialog);
    expect(regionText(dialog, 'status')).to.equal('SMS sent to +1 201 555 0123');
    await expect(dialog).shadowDom.to.be.accessible();

    button($(dialog, '[part="notices"]'), 'Send again').click();
    await settle(dialog);
    const confirm = $<HTMLDialogElement>(dialog, '[part="confirm"]');
    expect(confirm.open).to.equal(true);
    expect(plain(confirm.textContent!)).to.contain('Send the SMS to +1 201 555 0123 again?');
    await expect(dialog).shadowDom.to.be.accessible();
    button(confirm, 'Cancel').click();
    await settle(dialog);
    expect(transport.texts).to.have.length(1);

    button($(dialog, '[part="notices"]'), 'Send again').click();
    await settle(dialog);
    button(confirm, 'Send again').click();
    await settle(dialog);
    expect(transport.texts).to.have.length(2);
    expect(transport.texts[1]!.request.message).to.equal('Join us: https://meet.example.com/x');
    expect(transport.texts[1]!.request.idempotencyKey).not.to.equal(transport.texts[0]!.request.idempotencyKey);
  });

  it('keeps the number and the edited message when sending fails, and says why', async () => {
    const transport = new ManualTransport();
    const dialog = await sendTo(transport);
    const failed = oneEvent(dialog, 'invite-error');
    transport.texts[0]!.reject(transportError('network'));
    expect((await failed).detail).to.include({ action: 'sms', code: 'network', phoneNumber: '+12015550123' });
    await settle(dialog);
    expect(regionText(dialog, 'alert')).to.contain('The SMS to +1 201 555 0123 was not sent.');
    expect(regionText(dialog, 'alert')).to.contain('Could not reach the service.');
    expect($<HTMLInputElement>(dialog, '#sms-number').value).to.equal('(201) 555-0123');
    expect(sendButton(dialog).disabled).to.equal(false);
    await expect(dialog).shadowDom.to.be.accessible();
  });

  it('brings Send back after the rate limit, with a countdown', async () => {
    const transport = new ManualTransport();
    const dialog = await sendTo(transport);
    transport.texts[0]!.reject(transportError('rate-limited', { retryAfterMs: 1200 }));
    await settle(dialog);
    expect($(dialog, '#panel-sms .note').textContent).to.match(/Try again in [12] s/);
    expect(sendButton(dialog).disabled).to.equal(true);
    await expect(dialog).shadowDom.to.be.accessible();
    await waitUntil(() => !sendButton(dialog).disabled, 'Send comes back when the wait is over', { timeout: 10000 });
    expect(sendButton(dialog).disabled).to.equal(false);
  });

  it('refuses a Send again that today\'s countries no longer allow (#12)', async () => {
    const transport = new ManualTransport();
    const dialog = await sendTo(transport, '4165550123');
    transport.texts[0]!.resolve({ messageId: 'm-1' });
    await settle(dialog);
    dialog.allowedCountries = ['US'];
    await settle(dialog);
    button(dialog.shadowRoot!, 'Send again').click();
    await settle(dialog);
    expect($<HTMLDialogElement>(dialog, '[part="confirm"]').open).to.equal(false);
    expect($<HTMLInputElement>(dialog, '#sms-number').value).to.equal('+1 416 555 0123');
    expect(plain($(dialog, '#sms-number-error').textContent!)).to.contain('Calls to Canada are not available.');
    expect(transport.texts).to.have.length(1);
  });

  it('keeps the message of an owner made moderator, and says why SMS is gone', async () => {
    const dialog = await openSms();
    textarea(dialog).select();
    await typeInto(dialog, textarea(dialog), 'Bring the slides');
    dialog.userRole = 'moderator';
    await settle(dialog);
    expect(tabs(dialog).filter((tab) => tab.checkVisibility()).length, 'one way left: no tabs').to.equal(0);
    expect($(dialog, '#panel-sms').hidden).to.equal(true);
    expect(plain($(dialog, '#panel-call .note').textContent!)).to.equal('Only the call’s owner can invite by SMS.');
    await expect(dialog).shadowDom.to.be.accessible();
    dialog.userRole = 'owner';
    dialog.panel = 'sms';
    await settle(dialog);
    expect(textarea(dialog).value).to.equal('Bring the slides');
  });

  it('keeps the number and message across tabs and reopening', async () => {
    const dialog = await openSms();
    await typeInto(dialog, $(dialog, '#sms-number'), '4165550123');
    textarea(dialog).select();
    await typeInto(dialog, textarea(dialog), 'See you there');
    tabs(dialog)[0]!.click();
    await settle(dialog);
    expect($<HTMLInputElement>(dialog, '#call-number').value).to.equal('(416) 555-0123');
    dialog.close();
    await settle(dialog);
    dialog.show();
    await settle(dialog);
    tabs(dialog)[1]!.click();
    await settle(dialog);
    expect(textarea(dialog).value).to.equal('See you there');
    expect($<HTMLInputElement>(dialog, '#sms-number').value).to.equal('(416) 555-0123');
  });

  it('disables Send over the limit and says why', async () => {
    const dialog = await openSms();
    dialog.maxSegments = 1;
    await typeInto(dialog, $(dialog, '#sms-number'), '2015550123');
    textarea(dialog).select();
    await typeInto(dialog, textarea(dialog), 'x'.repeat(161));
    expect(sendButton(dialog).disabled).to.equal(true);
    expect($(composer(dialog), '[part="warning"]').textContent).to.contain('This message takes 2 texts; the most allowed is 1. Shorten it.');
    await expect(composer(dialog)).shadowDom.to.be.accessible();
  });

  it('shows HTML in the template, room name and link as text', async () => {
    const dialog = await openSms();
    dialog.messageTemplate = '<b>{room}</b> {link}';
    dialog.roomName = '<img src=x onerror="window.hacked=1">';
    dialog.roomLink = 'javascript:alert(1)';
    await settle(dialog);
    expect(textarea(dialog).value).to.equal('<b><img src=x onerror="window.hacked=1"></b> javascript:alert(1)');
    expect(composer(dialog).shadowRoot!.querySelector('b, img')).to.equal(null);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });
});

describe('<invite-dialog> invite link', () => {
  /** Replaces the page's clipboard for one test. */
  function clipboard(writeText: (text: string) => Promise<void>): () => void {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    return () => delete (navigator as { clipboard?: unknown }).clipboard;
  }

  it('copies the room link, and says so with a reminder to share the PIN apart', async () => {
    const written: string[] = [];
    const restore = clipboard(async (text) => void written.push(text));
    try {
      const dialog = await openSms(new ManualTransport(), { pin: true });
      button(dialog.shadowRoot!, 'Copy invite link').click();
      await waitUntil(() => written.length === 1, 'the link reaches the clipboard');
      await settle(dialog);
      expect(written).to.deep.equal(['https://meet.example.com/weekly-sync']);
      expect(plain($(dialog, '.copy-status[role="status"]').textContent!)).to.equal('Link copied. Share the room’s PIN separately.');
      await expect(dialog).shadowDom.to.be.accessible();
    } finally {
      restore();
    }
  });

  it('shows the link selected, to copy by hand, where the clipboard is refused', async () => {
    const restore = clipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    try {
      const dialog = await openSms();
      button(dialog.shadowRoot!, 'Copy invite link').click();
      await waitUntil(() => dialog.shadowRoot!.activeElement?.id === 'invite-link', 'the link field takes focus');
      const field = $<HTMLInputElement>(dialog, '#invite-link');
      expect(field.value).to.equal('https://meet.example.com/weekly-sync');
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      expect(field.readOnly).to.equal(true);
      await expect(dialog).shadowDom.to.be.accessible();
    } finally {
      restore();
    }
  });
});

describe('<invite-dialog> SMS hardening (#12)', () => {
  const timeout = SmsSendController.timeout;
  afterEach(() => {
    SmsSendController.timeout = timeout;
  });

  it('says the outcome is unknown when the backend never answers, keeps the number and message, and sends again once confirmed', async () => {
    SmsSendController.timeout = 150;
    const transport = new ManualTransport();
    const dialog = await openSms(transport);
    await typeInto(dialog, $(dialog, '#sms-number'), '2015550123');
    const message = textarea(dialog).value;
    sendButton(dialog).click();
    await waitUntil(() => regionText(dialog, 'alert') !== '', 'the send times out');
    await settle(dialog);
    expect(regionText(dialog, 'alert')).to.contain('No answer from the service about the SMS to +1 201 555 0123. It may have been sent.');
    expect($<HTMLInputElement>(dialog, '#sms-number').value).to.equal('(201) 555-0123');
    expect(textarea(dialog).value).to.equal(message);
    expect(sendButton(dialog).disabled).to.equal(false);
    await expect(dialog).shadowDom.to.be.accessible();

    button($(dialog, '[part="notices"]'), 'Send again').click();
    await settle(dialog);
    const confirm = $<HTMLDialogElement>(dialog, '[part="confirm"]');
    expect(confirm.open, 'asked first').to.equal(true);
    button(confirm, 'Send again').click();
    await settle(dialog);
    expect(transport.texts).to.have.length(2);
    expect(transport.texts[1]!.request.message).to.equal(message);
  });
});
