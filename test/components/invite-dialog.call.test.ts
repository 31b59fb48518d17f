import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/invite-dialog.js';
import type { InviteDialog } from '../../src/invite-dialog.js';
import type { CountryPicker } from '../../src/country-picker.js';
import { provideInviteSettings } from '../../src/context/invite-settings.js';
import { PermissionsController } from '../../src/controllers/permissions-controller.js';
import { ManualTransport, settle, transportError } from '../helpers/manual-transport.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function $<T extends Element = HTMLElement>(dialog: InviteDialog, selector: string): T {
  const element = dialog.shadowRoot!.querySelector<T>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

function maybe(dialog: InviteDialog, selector: string): Element | null {
  return dialog.shadowRoot!.querySelector(selector);
}

const numberInput = (dialog: InviteDialog) => $<HTMLInputElement>(dialog, '#call-number');
const error = (dialog: InviteDialog) => $(dialog, '#call-number-error').textContent!.trim();
const callButton = (dialog: InviteDialog) => $<HTMLButtonElement>(dialog, '[part="call-button"]');
/** What the notices in one live region say, without their buttons. */
function regionText(dialog: InviteDialog, role: 'status' | 'alert'): string {
  return [...dialog.shadowRoot!.querySelectorAll(`[part="notices"] [role="${role}"] p`)]
    .map((paragraph) => paragraph.textContent!.trim())
    .join(' ');
}
const statusText = (dialog: InviteDialog) => regionText(dialog, 'status');
const alertText = (dialog: InviteDialog) => regionText(dialog, 'alert');
/** Text without the bidi isolates that surround numbers. */
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

function noticeButton(dialog: InviteDialog, label: string): HTMLButtonElement {
  const button = [...dialog.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="notice"] button')].find(
    (candidate) => candidate.textContent!.trim() === label,
  );
  if (!button) throw new Error(`no notice button ${label}`);
  return button;
}

async function openDialog(
  transport: ManualTransport | null = new ManualTransport(),
  attributes: { role?: string; country?: string } = {},
): Promise<InviteDialog> {
  const dialog = await fixture<InviteDialog>(
    html`<invite-dialog
      user-role=${attributes.role ?? 'owner'}
      default-country=${attributes.country ?? 'US'}
      room-name="Weekly sync"
      .transport=${transport ?? undefined}
    ></invite-dialog>`,
  );
  dialog.show();
  await settle(dialog);
  return dialog;
}

async function typeNumber(dialog: InviteDialog, text: string): Promise<void> {
  numberInput(dialog).focus();
  await sendKeys({ type: text });
  await settle(dialog);
}

async function placeCall(transport: ManualTransport, number = '2015550123'): Promise<InviteDialog> {
  const dialog = await openDialog(transport);
  await typeNumber(dialog, number);
  callButton(dialog).click();
  await settle(dialog);
  return dialog;
}

/** A call to …0123 that was busy, then a call to …0124 still being placed. */
async function busyThenCalling(transport = new ManualTransport()): Promise<InviteDialog> {
  const dialog = await placeCall(transport, '2015550123');
  transport.lastDial.resolve({ state: 'busy' });
  numberInput(dialog).select();
  await typeNumber(dialog, '2015550124');
  callButton(dialog).click();
  await settle(dialog);
  return dialog;
}

describe('<invite-dialog> who may invite', () => {
  for (const role of ['guest', 'participant']) {
    it(`offers nothing to a ${role} and never calls the transport`, async () => {
      const transport = new ManualTransport();
      const dialog = await openDialog(transport, { role });
      expect(maybe(dialog, '[role="tab"]')).to.equal(null);
      expect(maybe(dialog, 'input')).to.equal(null);
      expect($(dialog, '.message').textContent).to.contain('Only the call’s owner or a moderator can invite people.');
      expect(transport.policyCalls).to.equal(0);
      await expect(dialog).shadowDom.to.be.accessible();
    });
  }

  it('tells the host whether inviting is possible at all', async () => {
    const transport = new ManualTransport();
    const owner = await fixture<InviteDialog>(html`<invite-dialog user-role="owner" .transport=${transport}></invite-dialog>`);
    expect(owner.canInvite, 'before the policy is known').to.equal(true);
    owner.userRole = 'guest';
    expect(owner.canInvite).to.equal(false);
    owner.userRole = 'moderator';
    owner.transport = undefined;
    expect(owner.canInvite, 'without a transport').to.equal(false);

    transport.policy = { dialOut: false, sms: true };
    const moderator = await openDialog(transport, { role: 'moderator' });
    expect(moderator.canInvite, 'a moderator where only SMS is sold').to.equal(false);
    const sms = await openDialog(transport);
    expect(sms.canInvite, 'an owner where SMS is sold').to.equal(true);
  });

  it('prepares once the page is idle, asking for the policy and rendering the form closed, so that the first opening shows the form at once', async () => {
    const transport = new ManualTransport();
    transport.policy = { dialOut: true, sms: false };
    const dialog = await fixture<InviteDialog>(html`<invite-dialog user-role="owner" default-country="US" .transport=${transport}></invite-dialog>`);
    await waitUntil(() => transport.policyCalls === 1, 'the policy is asked before any opening');
    await waitUntil(() => maybe(dialog, '#call-number') !== null, 'the form is rendered before any opening');
    expect(dialog.open).to.equal(false);
    expect(numberInput(dialog)!.checkVisibility(), 'and stays out of sight').to.equal(false);
    dialog.show();
    await dialog.updateComplete;
    expect(maybe(dialog, '.empty'), 'no loading state').to.equal(null);
    expect(dialog.shadowRoot!.activeElement).to.equal(numberInput(dialog));
    expect(transport.policyCalls, 'not asked again on opening').to.equal(1);
  });

  it('is a guest by default', async () => {
    const transport = new ManualTransport();
    const dialog = await fixture<InviteDialog>(html`<invite-dialog .transport=${transport}></invite-dialog>`);
    dialog.show();
    await settle(dialog);
    expect(maybe(dialog, 'input')).to.equal(null);
    expect(transport.policyCalls).to.equal(0);
  });

  it('lets a moderator call, but not text', async () => {
    const dialog = await openDialog(new ManualTransport(), { role: 'moderator' });
    const tabs = [...dialog.shadowRoot!.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent!.trim());
    expect(tabs).to.deep.equal(['Call']);
    // One way to invite: no rail to choose from, and the panel takes the dialog's width.
    expect($(dialog, '[part="tabs"]').checkVisibility()).to.equal(false);
    expect($(dialog, '.body').getBoundingClientRect().width).to.be.closeTo($(dialog, '.layout').getBoundingClientRect().width, 1);
    expect(maybe(dialog, '#panel-sms')).to.equal(null);
    expect(numberInput(dialog)).to.be.instanceOf(HTMLInputElement);
    expect($(dialog, '#panel-call .note').textContent, 'says why there is no SMS').to.equal('Only the call’s owner can invite by SMS.');
  });

  it('says nothing of SMS to an owner', async () => {
    const dialog = await openDialog(new ManualTransport());
    expect(maybe(dialog, '#panel-call .note')).to.equal(null);
  });

  it('says why when the customer is entitled to nothing', async () => {
    const transport = new ManualTransport();
    transport.policy = { dialOut: false, sms: false };
    const dialog = await openDialog(transport);
    expect($(dialog, '.message').textContent).to.contain('not part of your plan');
    expect(maybe(dialog, 'input')).to.equal(null);
    // A next step: the host's, or by default a line saying who can add it.
    const next = $<HTMLSlotElement>(dialog, 'slot[name="upgrade"]');
    expect(next.textContent!.trim()).to.equal('An administrator of your account can add it.');
    const link = Object.assign(document.createElement('a'), { slot: 'upgrade', href: '#plans', textContent: 'See plans' });
    dialog.append(link);
    expect(next.assignedElements()).to.deep.equal([link]);
    expect(link.checkVisibility()).to.equal(true);
    await expect(dialog).shadowDom.to.be.accessible();
  });

  it('says so when no transport was given', async () => {
    const dialog = await openDialog(null);
    expect($(dialog, '.message').textContent).to.contain('not set up on this page');
  });

  it('takes a role change at once while open', async () => {
    const dialog = await openDialog(new ManualTransport());
    expect(numberInput(dialog)).to.be.instanceOf(HTMLInputElement);
    dialog.userRole = 'participant';
    await settle(dialog);
    expect(maybe(dialog, 'input')).to.equal(null);
    dialog.userRole = 'moderator';
    await settle(dialog);
    expect(numberInput(dialog)).to.be.instanceOf(HTMLInputElement);
  });

  it('narrows the allowed countries by the policy, never widens them', async () => {
    const transport = new ManualTransport();
    transport.policy = { dialOut: true, sms: false, countries: ['CA', 'GB'] };
    const dialog = await openDialog(transport, { country: '' });
    expect($<CountryPicker>(dialog, 'country-picker').allowedCountries).to.deep.equal(['CA']);
  });

  it('takes its settings from an ancestor, and a property set on it wins', async () => {
    const transport = new ManualTransport();
    const wrapper = await fixture<HTMLDivElement>(html`<div><invite-dialog></invite-dialog><invite-dialog user-role="guest"></invite-dialog></div>`);
    provideInviteSettings(wrapper, { transport, userRole: 'moderator', defaultCountry: 'CA', roomName: 'Board' });
    const [fromContext, overridden] = [...wrapper.querySelectorAll('invite-dialog')] as InviteDialog[];
    // Consumers ask for the context when they connect: attach them again under the provider.
    wrapper.append(fromContext!, overridden!);
    fromContext!.show();
    overridden!.show();
    await settle(fromContext!);
    await settle(overridden!);
    expect($<CountryPicker>(fromContext!, 'country-picker').value).to.equal('CA');
    expect($(fromContext!, '.room').textContent).to.equal('Room: Board');
    expect(maybe(overridden!, 'input')).to.equal(null);
  });
});

describe('<invite-dialog> opening and closing', () => {
  it('typing a number does not re-render the country picker', async () => {
    const dialog = await openDialog();
    const picker = $<CountryPicker>(dialog, 'country-picker') as CountryPicker & { update(changed: Map<PropertyKey, unknown>): void };
    const update = picker.update.bind(picker);
    let updates = 0;
    picker.update = (changed) => {
      updates += 1;
      update(changed);
    };
    await typeNumber(dialog, '2015550123');
    expect(numberInput(dialog).value).to.equal('(201) 555-0123');
    expect(updates).to.equal(0);
  });

  it('is accessible closed, before and after a first opening', async () => {
    const dialog = await fixture<InviteDialog>(html`<invite-dialog user-role="owner" .transport=${new ManualTransport()}></invite-dialog>`);
    await expect(dialog).shadowDom.to.be.accessible();
    dialog.show();
    await settle(dialog);
    dialog.close();
    await settle(dialog);
    expect($<HTMLDialogElement>(dialog, 'dialog[part="dialog"]').open).to.equal(false);
    await expect(dialog).shadowDom.to.be.accessible();
  });

  it('opens modal with focus in the phone field, and Escape returns focus to the opener', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button id="opener">Invite</button><invite-dialog user-role="owner" default-country="US"></invite-dialog></div>`,
    );
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    const dialog = wrapper.querySelector('invite-dialog')!;
    dialog.transport = new ManualTransport();
    opener.addEventListener('click', () => dialog.show());
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await settle(dialog);
    expect(dialog.open).to.equal(true);
    expect($<HTMLDialogElement>(dialog, 'dialog[part="dialog"]').matches(':modal')).to.equal(true);
    expect(dialog.shadowRoot!.activeElement).to.equal(numberInput(dialog));
    expect($(dialog, '[part="title"]').textContent).to.equal('Invite a participant to the call');
    await expect(dialog).shadowDom.to.be.accessible();

    await sendKeys({ press: 'Escape' });
    // The dialog's close event is a task of its own, which a busy machine may run after others.
    await waitUntil(() => !dialog.open, 'Escape closes the dialog');
    await settle(dialog);
    expect(dialog.hasAttribute('open')).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('closes with its close button and keeps the typed number for next time', async () => {
    const dialog = await openDialog();
    await typeNumber(dialog, '2015550123');
    $<HTMLButtonElement>(dialog, '[part="close-button"]').click();
    await settle(dialog);
    expect(dialog.open).to.equal(false);
    dialog.show();
    await settle(dialog);
    expect(numberInput(dialog).value).to.equal('(201) 555-0123');
  });
});

describe('<invite-dialog> the phone field', () => {
  it('is a labelled telephone field, written left to right', async () => {
    const dialog = await openDialog();
    const input = numberInput(dialog);
    expect(input.type).to.equal('tel');
    expect(input.autocomplete).to.equal('tel');
    expect(input.inputMode).to.equal('tel');
    expect(input.dir).to.equal('ltr');
    expect(input.labels![0]!.textContent).to.equal('Phone number');
  });

  it('formats as the person types and keeps the caret by its digit', async () => {
    const dialog = await openDialog();
    await typeNumber(dialog, '201555012');
    const input = numberInput(dialog);
    expect(input.value).to.equal('(201) 555-012');
    expect(input.selectionStart).to.equal(input.value.length);

    // Insert a digit in the middle: the caret stays after it, not at the end.
    input.setSelectionRange(2, 2);
    await sendKeys({ type: '9' });
    await settle(dialog);
    expect(input.value).to.equal('(290) 155-5012');
    expect(input.value.slice(0, input.selectionStart!)).to.equal('(29');
  });

  it('deletes the digit before a separator on Backspace', async () => {
    const dialog = await openDialog();
    await typeNumber(dialog, '2015550123');
    const input = numberInput(dialog);
    const afterParen = input.value.indexOf(')') + 1;
    input.setSelectionRange(afterParen, afterParen);
    await sendKeys({ press: 'Backspace' });
    await settle(dialog);
    expect(input.value.replace(/\D/g, '')).to.equal('205550123');
  });

  it('shows the country a national number belongs to within a shared plan', async () => {
    const dialog = await openDialog();
    const picker = $<CountryPicker>(dialog, 'country-picker');
    expect(picker.value).to.equal('US');
    await typeNumber(dialog, '4165550123');
    expect(picker.value, '416 is a Canadian area code').to.equal('CA');
    expect(callButton(dialog).disabled).to.equal(false);
  });

  it('needs a country before a national number can be called; a + number chooses it', async () => {
    const dialog = await openDialog(new ManualTransport(), { country: '' });
    await typeNumber(dialog, '2015550123');
    expect(callButton(dialog).disabled).to.equal(true);

    const picker = $<CountryPicker>(dialog, 'country-picker');
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await settle(dialog);
    expect(picker.value).to.equal('US');
    expect(callButton(dialog).disabled).to.equal(false);

    numberInput(dialog).select();
    await sendKeys({ press: 'Backspace' });
    picker.value = '';
    await typeNumber(dialog, '+1 416 555 0123');
    expect(picker.value).to.equal('CA');
    expect(callButton(dialog).disabled).to.equal(false);
  });

  it('shows why a number is refused, linked to the field, and keeps Call disabled', async () => {
    const dialog = await openDialog();
    await typeNumber(dialog, '+1 809 555 0123');
    numberInput(dialog).blur();
    await settle(dialog);
    const error = $(dialog, '#call-number-error');
    expect(numberInput(dialog).getAttribute('aria-describedby')).to.equal('call-number-error');
    expect(numberInput(dialog).getAttribute('aria-invalid')).to.equal('true');
    expect(error.textContent).to.contain('Calls to Dominican Republic are not available.');
    expect(callButton(dialog).disabled).to.equal(true);
    await expect(dialog).shadowDom.to.be.accessible();
  });

  it('waits for the person to finish, then says what a number lacks until it is whole', async () => {
    const dialog = await openDialog();
    // Six digits also make a short code: a person typing them is not done yet.
    await typeNumber(dialog, '201555');
    expect(error(dialog)).to.equal('');
    numberInput(dialog).blur();
    await settle(dialog);
    expect(error(dialog)).to.equal('!Enter all 10 digits.');
    expect(numberInput(dialog).getAttribute('aria-invalid')).to.equal('true');
    // Typing on keeps what was said while it holds, and clears it once the number is whole.
    await typeNumber(dialog, '0');
    expect(error(dialog)).to.equal('!Enter all 10 digits.');
    await typeNumber(dialog, '123');
    expect(error(dialog)).to.equal('');
    // A new problem waits for the next time the person leaves the field.
    await typeNumber(dialog, '4');
    expect(error(dialog)).to.equal('');
    numberInput(dialog).blur();
    await settle(dialog);
    expect(error(dialog)).to.equal('!This number is too long.');
  });

  it('shows an example number of the chosen country until one is typed', async () => {
    const dialog = await openDialog();
    expect(numberInput(dialog).placeholder).to.equal('(201) 555-0123');
    const picker = dialog.shadowRoot!.querySelector<CountryPicker>('country-picker')!;
    picker.value = 'CA';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(dialog);
    expect(numberInput(dialog).placeholder).to.equal('(416) 555-0123');
  });

  it('leaves an input method its text while it composes, and formats the number once it is done', async () => {
    const dialog = await openDialog();
    const input = numberInput(dialog);
    input.focus();
    // Full-width digits, as a Japanese keyboard composes them.
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    input.value = '２０１５５５';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: '２０１５５５', isComposing: true, bubbles: true, composed: true }));
    await settle(dialog);
    expect(input.value, 'not reformatted mid-composition').to.equal('２０１５５５');
    input.dispatchEvent(new CompositionEvent('compositionend', { data: '２０１５５５', bubbles: true, composed: true }));
    await settle(dialog);
    expect(input.value).to.equal('(201) 555');
    expect(input.selectionStart, 'the caret after the last digit').to.equal(input.value.length);
  });

  it('names the country of a number it cannot call, and the ones it can, keeping the spacing typed', async () => {
    const dialog = await openDialog();
    await typeNumber(dialog, '+44 20 7946 0958');
    await waitUntil(async () => {
      await settle(dialog);
      return error(dialog).includes('United Kingdom');
    }, 'the country is named once every country is known');
    expect(numberInput(dialog).value).to.equal('+44 20 7946 0958');
    expect(error(dialog)).to.equal('!Calls to United Kingdom are not available. You can call numbers in these countries: United States and Canada.');
  });
});

describe('<invite-dialog> dialling out', () => {
  it('places one call with the E.164 number and a fresh idempotency key, and says so', async () => {
    const transport = new ManualTransport();
    const dialog = await openDialog(transport);
    await typeNumber(dialog, '2015550123');
    const started = oneEvent(dialog, 'invite-call-start');
    callButton(dialog).click();
    const event = await started;
    await settle(dialog);

    expect(transport.dials).to.have.length(1);
    expect(transport.lastDial.request.phoneNumber).to.equal('+12015550123');
    expect(transport.lastDial.request.idempotencyKey).to.match(UUID);
    expect(event.detail.phoneNumber).to.equal('+12015550123');
    expect(event.composed && event.bubbles).to.equal(true);
    expect(plain(statusText(dialog))).to.equal('Calling +1 201 555 0123…');
    expect(dialog.open, 'the dialog stays open for the next invite').to.equal(true);
    // One live status per call: the notice. The list holds the calls before it.
    expect(maybe(dialog, '[part="attempts"]')).to.equal(null);
    await expect(dialog).shadowDom.to.be.accessible();
  });

  it('sends the name given for the invitee with the call, its events and its status, and clears the field', async () => {
    const transport = new ManualTransport();
    const dialog = await openDialog(transport);
    await typeNumber(dialog, '2015550123');
    const name = $<HTMLInputElement>(dialog, '#call-name');
    expect(name.labels![0]!.textContent).to.equal('Name (optional)');
    name.focus();
    await sendKeys({ type: ' <b>Ana</b> Lima ' });
    const started = oneEvent(dialog, 'invite-call-start');
    callButton(dialog).click();
    expect((await started).detail.displayName).to.equal('<b>Ana</b> Lima');
    await settle(dialog);
    expect(transport.lastDial.request).to.deep.include({ phoneNumber: '+12015550123', displayName: '<b>Ana</b> Lima' });
    expect(plain(statusText(dialog))).to.equal('<b>Ana</b> Lima: Calling +1 201 555 0123…');
    expect(maybe(dialog, '[part="notice"] b'), 'the name is text').to.equal(null);
    expect(name.value, 'ready for the next person').to.equal('');

    const joined = oneEvent(dialog, 'invite-participant-joined');
    transport.lastDial.resolve({ state: 'joined', participantId: 'p-1' });
    expect((await joined).detail).to.deep.equal({ phoneNumber: '+12015550123', participantId: 'p-1', displayName: '<b>Ana</b> Lima' });
  });

  it('calls again with the name the call was placed with', async () => {
    const transport = new ManualTransport();
    const dialog = await openDialog(transport);
    await typeNumber(dialog, '2015550123');
    $<HTMLInputElement>(dialog, '#call-name').focus();
    await sendKeys({ type: 'Ana' });
    callButton(dialog).click();
    await settle(dialog);
    transport.lastDial.resolve({ state: 'no-answer' });
    await settle(dialog);
    noticeButton(dialog, 'Call again').click();
    await settle(dialog);
    const confirm = $<HTMLDialogElement>(dialog, '[part="confirm"]');
    [...confirm.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Call again')!.click();
    await waitUntil(() => transport.dials.length === 2, 'the second call is placed');
    expect(transport.lastDial.request.displayName).to.equal('Ana');
  });

  it('sends no name when none is given', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    expect(transport.lastDial.request).to.have.keys('phoneNumber', 'idempotencyKey');
    expect(plain(statusText(dialog))).to.equal('Calling +1 201 555 0123…');
  });

  it('shows each call once: the newest as the live status, the ones before it in the list', async () => {
    const transport = new ManualTransport();
    const dialog = await busyThenCalling(transport);
    const texts = [...dialog.shadowRoot!.querySelectorAll('.notice-text, .attempt-text')].map((text) => plain(text.textContent!));
    expect(texts).to.deep.equal(['Calling +1 201 555 0124…', '+1 201 555 0123 is busy.']);
    // Dismissed, the newest goes back to the list, newest first.
    transport.lastDial.resolve({ state: 'no-answer' });
    await settle(dialog);
    ($(dialog, '[part="notice"] .dismiss') as HTMLButtonElement).click();
    await settle(dialog);
    expect(maybe(dialog, '[part="notice"]')).to.equal(null);
    const listed = [...dialog.shadowRoot!.querySelectorAll('.attempt-text')].map((text) => plain(text.textContent!));
    expect(listed).to.deep.equal(['+1 201 555 0124 did not answer.', '+1 201 555 0123 is busy.']);
  });

  it('shows the notice inside the open dialog, clear of its header, and at the upper corner in the top layer once it closes', async () => {
    const dialog = await placeCall(new ManualTransport());
    const notice = () => $(dialog, '[part="notice"]');
    /** The notice is painted on top where it is, and usable: hit testing skips inert content. */
    const expectUsable = (rect: DOMRect) => {
      const hit = dialog.shadowRoot!.elementFromPoint(rect.left + rect.width / 2, rect.top + 8);
      expect(notice().contains(hit), hit?.outerHTML.slice(0, 60)).to.equal(true);
    };
    const inside = notice().getBoundingClientRect();
    const header = $(dialog, '[part="header"]').getBoundingClientRect();
    const body = $(dialog, '.body').getBoundingClientRect();
    expect(inside.top, 'below the title and the close button').to.be.at.least(header.bottom);
    expect(inside.left).to.be.at.least(body.left);
    expect(inside.right).to.be.at.most(body.right);
    expectUsable(inside);
    dialog.close();
    await settle(dialog);
    expect($(dialog, '[part="notices"]').matches(':popover-open')).to.equal(true);
    const closed = notice().getBoundingClientRect();
    expect(closed.right).to.be.closeTo(window.innerWidth - 16, 2);
    expect(closed.top).to.be.closeTo(16, 2);
    expectUsable(closed);
  });

  it('shows how long a call has been ringing, each second, until it ends', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    const elapsed = () => maybe(dialog, '[part="notice"] [role="timer"]')?.textContent;
    expect(elapsed()).to.equal('0:00');
    await waitUntil(() => elapsed() === '0:01', 'a second later, without anything else happening', { timeout: 3000 });
    transport.lastDial.resolve({ state: 'no-answer' });
    await settle(dialog);
    expect(elapsed()).to.equal(undefined);
  });

  it('lists the last three calls, and all of them once asked', async () => {
    const transport = new ManualTransport();
    const dialog = await openDialog(transport);
    for (const last of ['11', '12', '13', '14', '15']) {
      numberInput(dialog).select();
      await typeNumber(dialog, `20155501${last}`);
      callButton(dialog).click();
      await waitUntil(() => transport.dials.length === Number(last) - 10, 'the call is placed');
      transport.lastDial.resolve({ state: 'no-answer' });
      await settle(dialog);
    }
    const listed = () => [...dialog.shadowRoot!.querySelectorAll('[part="attempts"] .attempt-text')].map((text) => plain(text.textContent!));
    // The newest is the live status above the list.
    expect(listed()).to.deep.equal(['+1 201 555 0114 did not answer.', '+1 201 555 0113 did not answer.', '+1 201 555 0112 did not answer.']);
    const showAll = [...dialog.shadowRoot!.querySelectorAll<HTMLButtonElement>('.attempts button')].find(
      (button) => button.textContent!.trim() === 'Show all 4 calls',
    )!;
    showAll.click();
    await settle(dialog);
    expect(listed()).to.have.length(4);
    expect(listed().at(-1)).to.equal('+1 201 555 0111 did not answer.');
    expect(maybe(dialog, '.show-all')).to.equal(null);
    // Four buttons named Call again: each says which call it is for.
    const again = [...dialog.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="attempts"] button')];
    const described = again.map((button) => plain(dialog.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!.textContent!));
    expect(described).to.deep.equal(listed());
    await expect(dialog).shadowDom.to.be.accessible();
  });

  it('shows the newest notice in the open dialog, and up to three once it closes', async () => {
    const dialog = await busyThenCalling();
    const notices = () => [...dialog.shadowRoot!.querySelectorAll('[part="notice"] .notice-text')].map((text) => plain(text.textContent!));
    expect(notices()).to.deep.equal(['Calling +1 201 555 0124…']);
    dialog.close();
    await settle(dialog);
    expect(notices()).to.have.members(['Calling +1 201 555 0124…', '+1 201 555 0123 is busy.']);
  });

  it('reaches the transport once for a double click, and for Enter held down', async () => {
    const transport = new ManualTransport();
    const dialog = await openDialog(transport);
    await typeNumber(dialog, '2015550123');
    callButton(dialog).click();
    callButton(dialog).click();
    await settle(dialog);
    expect(transport.dials).to.have.length(1);

    const other = new ManualTransport();
    const second = await openDialog(other);
    await typeNumber(second, '2015550124');
    await sendKeys({ down: 'Enter' });
    await sendKeys({ down: 'Enter' });
    await sendKeys({ down: 'Enter' });
    await sendKeys({ up: 'Enter' });
    await settle(second);
    expect(other.dials).to.have.length(1);
  });

  it('follows ringing to joined, and announces the participant', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    const states: string[] = [];
    dialog.addEventListener('invite-call-status', (event) => states.push(event.detail.state));
    transport.lastDial.status({ state: 'ringing' });
    await settle(dialog);
    expect(plain(statusText(dialog))).to.equal('Ringing +1 201 555 0123…');
    await expect(dialog).shadowDom.to.be.accessible();

    transport.lastDial.status({ state: 'answered' });
    await settle(dialog);
    const joined = oneEvent(dialog, 'invite-participant-joined');
    transport.lastDial.resolve({ state: 'joined', participantId: 'p-7' });
    const event = await joined;
    await settle(dialog);
    expect(event.detail).to.deep.equal({ phoneNumber: '+12015550123', participantId: 'p-7' });
    expect(states).to.deep.equal(['ringing', 'answered', 'joined']);
    expect(plain(statusText(dialog))).to.equal('+1 201 555 0123 joined the call.');
    await expect(dialog).shadowDom.to.be.accessible();
  });


  it('lets a success at the page\'s corner fade after a few seconds, but not while it is focused; in the open dialog it stays', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    dialog.style.setProperty('--invite-notice-duration', '400ms');
    transport.lastDial.resolve({ state: 'joined', participantId: 'p-7' });
    await settle(dialog);
    const fading = (notice: Element) => notice.getAnimations().some((animation) => (animation as CSSAnimation).animationName === 'fade-out');
    expect(fading($(dialog, '[part="notice"].success')), 'the open dialog keeps its status').to.equal(false);

    dialog.close();
    await settle(dialog);
    const notice = $(dialog, '[part="notice"].success');
    expect(fading(notice)).to.equal(true);
    ($(dialog, '[part="notice"] .dismiss') as HTMLButtonElement).focus();
    await waitUntil(() => !fading(notice), 'focus holds it');
    expect(notice.isConnected).to.equal(true);
    ($(dialog, '[part="notice"] .dismiss') as HTMLButtonElement).blur();
    await waitUntil(() => !notice.isConnected, 'it fades once focus has left');
    dialog.show();
    await settle(dialog);
    expect(plain($(dialog, '[part="attempts"]').textContent!)).to.contain('+1 201 555 0123 joined the call.');
  });
  it('refuses a Call again that today\'s countries no longer allow, as it would the number typed (#12)', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport, '4165550123');
    transport.lastDial.resolve({ state: 'no-answer' });
    await settle(dialog);
    const confirm = $<HTMLDialogElement>(dialog, '[part="confirm"]');
    const refusal = '!Calls to Canada are not available. You can call numbers in these countries: United States.';

    // From the notice, once the host narrows the countries.
    dialog.allowedCountries = ['US'];
    await settle(dialog);
    noticeButton(dialog, 'Call again').click();
    await settle(dialog);
    expect(confirm.open, 'nothing to confirm').to.equal(false);
    expect(numberInput(dialog).value).to.equal('+1 416 555 0123');
    expect(error(dialog)).to.equal(refusal);

    // From a confirmation that was open when they narrowed.
    dialog.allowedCountries = ['US', 'CA'];
    await settle(dialog);
    noticeButton(dialog, 'Call again').click();
    await settle(dialog);
    expect(confirm.open).to.equal(true);
    dialog.allowedCountries = ['US'];
    await settle(dialog);
    [...confirm.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Call again')!.click();
    await settle(dialog);
    expect(error(dialog)).to.equal(refusal);
    expect(transport.dials, 'never called again').to.have.length(1);
  });

  it('stays modal, focus inside, when moved to another parent while a call rings (#12)', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    const elsewhere = document.createElement('section');
    dialog.parentElement!.append(elsewhere);
    elsewhere.append(dialog);
    await settle(dialog);
    await waitUntil(() => $(dialog, '[part="dialog"]').matches(':modal'), 'modal again');
    expect(dialog.open).to.equal(true);
    await waitUntil(() => $(dialog, '[part="dialog"]').contains(dialog.shadowRoot!.activeElement), 'focus inside');
    // The page behind is inert again: a button there cannot be reached.
    const outside = elsewhere.appendChild(document.createElement('button'));
    outside.focus();
    expect(document.activeElement).not.to.equal(outside);
    noticeButton(dialog, 'Cancel call').click();
    expect(transport.lastDial.signal.aborted).to.equal(true);
  });

  it('stacks the notices of several dialogs on a page, none over another (#12)', async () => {
    const transports = [new ManualTransport(), new ManualTransport()];
    const dialogs = [await placeCall(transports[0]!, '2015550123'), await placeCall(transports[1]!, '2015550124')];
    for (const dialog of dialogs) {
      dialog.close();
      await settle(dialog);
    }
    const boxes = () => dialogs.map((dialog) => $(dialog, '[part="notice"]').getBoundingClientRect());
    await waitUntil(() => {
      const [first, second] = boxes();
      return first!.bottom <= second!.top || second!.bottom <= first!.top;
    }, `the notices overlap: ${JSON.stringify(boxes().map((box) => [box.top, box.bottom]))}`);
    // One goes: the other moves up into its place.
    dialogs[0]!.remove();
    await waitUntil(() => Math.abs(boxes()[1]!.top - 16) < 2, 'the second notice moves up');
  });

  it('shows the notices again once moved while closed (#12)', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    dialog.close();
    await settle(dialog);
    const elsewhere = document.createElement('section');
    dialog.parentElement!.append(elsewhere);
    elsewhere.append(dialog);
    await settle(dialog);
    await waitUntil(() => $(dialog, '[part="notices"]').matches(':popover-open'), 'the notices are shown again');
  });

  it('offers Call again after no answer, and calls only once confirmed', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    const firstKey = transport.lastDial.request.idempotencyKey;
    transport.lastDial.resolve({ state: 'no-answer' });
    await settle(dialog);
    expect(plain(alertText(dialog))).to.contain('+1 201 555 0123 did not answer.');

    noticeButton(dialog, 'Call again').click();
    await settle(dialog);
    const confirm = $<HTMLDialogElement>(dialog, '[part="confirm"]');
    expect(confirm.open).to.equal(true);
    expect(plain(confirm.textContent!)).to.contain('Call +1 201 555 0123 again?');
    const buttons = [...confirm.querySelectorAll('button')].map((button) => button.textContent!.trim());
    expect(buttons).to.have.members(['Call again', 'Cancel']);
    expect(dialog.shadowRoot!.activeElement!.textContent!.trim(), 'the safe choice has focus').to.equal('Cancel');
    await expect(dialog).shadowDom.to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await settle(dialog);
    expect(confirm.open).to.equal(false);
    expect(transport.dials).to.have.length(1);

    noticeButton(dialog, 'Call again').click();
    await settle(dialog);
    [...confirm.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Call again')!.click();
    await settle(dialog);
    expect(transport.dials).to.have.length(2);
    expect(transport.lastDial.request.idempotencyKey).to.match(UUID).and.not.equal(firstKey);
  });

  it('asks before calling a number again from the form too', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    transport.lastDial.resolve({ state: 'busy' });
    await settle(dialog);
    expect(plain(alertText(dialog))).to.contain('+1 201 555 0123 is busy.');
    callButton(dialog).click();
    await settle(dialog);
    expect($<HTMLDialogElement>(dialog, '[part="confirm"]').open).to.equal(true);
    expect(transport.dials).to.have.length(1);
  });

  for (const [state, text] of [
    ['rejected', 'declined the call'],
    ['failed', 'The call to +1 201 555 0123 failed.'],
  ] as const) {
    it(`says when the call ends ${state}, as an alert`, async () => {
      const transport = new ManualTransport();
      const dialog = await placeCall(transport);
      transport.lastDial.resolve({ state, reason: state === 'failed' ? 'Carrier error 503' : undefined });
      await settle(dialog);
      expect(plain(alertText(dialog))).to.contain(text);
      if (state === 'failed') expect(alertText(dialog)).to.contain('Carrier error 503');
      expect(noticeButton(dialog, 'Call again')).to.be.instanceOf(HTMLButtonElement);
      await expect(dialog).shadowDom.to.be.accessible();
    });
  }

  it('hangs up with Cancel call while ringing', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    transport.lastDial.status({ state: 'ringing' });
    await settle(dialog);
    noticeButton(dialog, 'Cancel call').click();
    await settle(dialog);
    expect(transport.lastDial.signal.aborted).to.equal(true);
    expect(plain(statusText(dialog))).to.contain('Call to +1 201 555 0123 canceled.');
    // The adapter's late answer changes nothing.
    transport.lastDial.resolve({ state: 'joined' });
    transport.lastDial.status({ state: 'ringing' });
    await settle(dialog);
    expect(plain(statusText(dialog))).to.contain('canceled');
  });

  it('keeps the number and shows the reason when the transport rejects', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    const errored = oneEvent(dialog, 'invite-error');
    transport.lastDial.reject(transportError('destination-not-allowed'));
    const event = await errored;
    await settle(dialog);
    expect(event.detail).to.include({ phoneNumber: '+12015550123', action: 'call', code: 'destination-not-allowed' });
    expect(alertText(dialog)).to.contain('The service does not call this destination.');
    expect(numberInput(dialog).value).to.equal('(201) 555-0123');
    expect(callButton(dialog).disabled).to.equal(false);
  });

  it('reads an unknown error code as a generic failure', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    transport.lastDial.reject({ code: 'flux-capacitor' });
    await settle(dialog);
    expect(alertText(dialog)).to.contain('Something went wrong.');
  });

  it('waits out a rate limit with a visible countdown', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    transport.lastDial.reject(transportError('rate-limited', { retryAfterMs: 1500 }));
    await settle(dialog);
    expect($(dialog, '.note').textContent).to.match(/Try again in [12] s/);
    expect(callButton(dialog).disabled).to.equal(true);
    await waitUntil(() => !callButton(dialog).disabled, 'Call comes back when the wait is over', { timeout: 10000 });
    await settle(dialog);
    expect(maybe(dialog, '.note')).to.equal(null);
    expect(callButton(dialog).disabled).to.equal(false);
  });

  it('shows "outcome unknown" when the transport never settles, and never redials by itself', async () => {
    const transport = new ManualTransport();
    const dialog = await openDialog(transport);
    dialog.callTimeout = 200;
    await typeNumber(dialog, '2015550123');
    callButton(dialog).click();
    await waitUntil(() => alertText(dialog) !== '', 'the timeout passes', { timeout: 10000 });
    await settle(dialog);
    expect(plain(alertText(dialog))).to.contain('No update on the call to +1 201 555 0123. It may still be ringing.');
    expect(transport.dials).to.have.length(1);
    expect(noticeButton(dialog, 'Cancel call')).to.be.instanceOf(HTMLButtonElement);
    await expect(dialog).shadowDom.to.be.accessible();
  });

  it('survives a transport that throws, answers garbage, or reports after settling', async () => {
    const throwing = new ManualTransport();
    throwing.dialOut = () => {
      throw new Error('boom');
    };
    let dialog = await placeCall(throwing);
    expect(plain(alertText(dialog))).to.contain('The call to +1 201 555 0123 failed.');
    expect(alertText(dialog)).to.contain('Something went wrong.');

    const garbage = new ManualTransport();
    dialog = await placeCall(garbage);
    garbage.lastDial.resolve({ state: 'teleported' });
    await settle(dialog);
    expect(alertText(dialog)).to.contain('The service gave an answer we could not read.');

    const late = new ManualTransport();
    dialog = await placeCall(late);
    late.lastDial.status({ state: 'wormhole' } as never);
    late.lastDial.resolve({ state: 'busy' });
    await settle(dialog);
    late.lastDial.status({ state: 'ringing' });
    await settle(dialog);
    expect(plain(alertText(dialog))).to.contain('is busy');
    expect(statusText(dialog)).to.equal('');
  });

  it('stays quiet once removed from the page with a call in flight', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    const heard: string[] = [];
    for (const type of ['invite-call-status', 'invite-participant-joined', 'invite-error']) {
      document.addEventListener(type, () => heard.push(type));
    }
    dialog.remove();
    transport.lastDial.status({ state: 'ringing' });
    transport.lastDial.resolve({ state: 'joined', participantId: 'p-1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).to.deep.equal([]);
    expect(transport.lastDial.signal.aborted, 'removing the element does not hang up').to.equal(false);
  });

  it('renders untrusted strings as text', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    dialog.roomName = '<img src=x onerror="window.hacked=1">';
    transport.lastDial.resolve({ state: 'failed', reason: '<b>bold</b><script>window.hacked=1</script>' });
    await settle(dialog);
    expect($(dialog, '.room').textContent).to.equal('Room: <img src=x onerror="window.hacked=1">');
    expect(maybe(dialog, 'img, b, script')).to.equal(null);
    expect(alertText(dialog)).to.contain('<b>bold</b>');
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });
});

describe('<invite-dialog> hardening (#12)', () => {
  const policyTimeout = PermissionsController.timeout;
  afterEach(() => {
    PermissionsController.timeout = policyTimeout;
  });

  /** The call events that reach the document from now on, as `type state`, until `stop()`. */
  function hearCalls() {
    const heard: string[] = [];
    const types = ['invite-call-status', 'invite-participant-joined', 'invite-error'];
    const listen = (event: Event) => heard.push(`${event.type} ${(event as CustomEvent).detail.state ?? ''}`.trim());
    for (const type of types) document.addEventListener(type, listen);
    return { heard, stop: () => types.forEach((type) => document.removeEventListener(type, listen)) };
  }

  it('shows, and announces once, how a call went on while the element was out of the page, and Cancel works after the move', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    const { heard, stop } = hearCalls();
    try {
      const elsewhere = document.createElement('section');
      dialog.parentElement!.append(elsewhere);
      dialog.remove();
      transport.lastDial.status({ state: 'ringing' });
      expect(heard).to.deep.equal([]);
      elsewhere.append(dialog);
      await settle(dialog);
      expect(heard).to.deep.equal(['invite-call-status ringing']);
      expect(plain(statusText(dialog))).to.contain('Ringing +1 201 555 0123');
      noticeButton(dialog, 'Cancel call').click();
      await settle(dialog);
      expect(transport.lastDial.signal.aborted).to.equal(true);
      expect(heard).to.deep.equal(['invite-call-status ringing', 'invite-call-status canceled']);
    } finally {
      stop();
    }
  });

  it('shows a call that joined while the element was out of the page, and tells the host once', async () => {
    const transport = new ManualTransport();
    const dialog = await placeCall(transport);
    const { heard, stop } = hearCalls();
    try {
      const parent = dialog.parentElement!;
      dialog.remove();
      transport.lastDial.status({ state: 'ringing' });
      transport.lastDial.resolve({ state: 'joined', participantId: 'p-1' });
      // The answer is taken while the element is out of the page.
      await settle(dialog);
      expect(heard).to.deep.equal([]);
      parent.append(dialog);
      await settle(dialog);
      parent.append(dialog);
      await settle(dialog);
      const joined = ['invite-call-status ringing', 'invite-call-status joined', 'invite-participant-joined'];
      expect(heard).to.deep.equal(joined);
      expect(plain(statusText(dialog))).to.contain('+1 201 555 0123 joined the call.');
    } finally {
      stop();
    }
  });

  it('takes allowed countries set as a property in lower case, or as a string, like the attribute', async () => {
    const transport = new ManualTransport();
    transport.policy = { dialOut: true, sms: true, countries: ['US', 'CA'] };
    const dialog = await openDialog(transport);
    for (const allowed of [['us', 'ca'], 'us ca', 'US,CA']) {
      dialog.allowedCountries = allowed as string[];
      await settle(dialog);
      expect($<CountryPicker>(dialog, 'country-picker').allowedCountries, String(allowed)).to.deep.equal(['US', 'CA']);
    }
    await typeNumber(dialog, '2015550123');
    callButton(dialog).click();
    await settle(dialog);
    expect(transport.dials).to.have.length(1);
  });

  it('says that no country is set up when the allowed list is empty, not that the plan lacks it', async () => {
    const dialog = await openDialog(new ManualTransport());
    dialog.allowedCountries = [];
    await settle(dialog);
    expect($(dialog, '.message').textContent).to.contain('No country to call is set up on this page.');
    expect(maybe(dialog, 'slot[name="upgrade"]')).to.equal(null);
    expect(dialog.canInvite).to.equal(false);
  });

  it('offers the same Retry for a policy that never answers as for one that fails', async () => {
    PermissionsController.timeout = 100;
    const transport = new ManualTransport();
    transport.policy = new Promise(() => {});
    const dialog = await openDialog(transport);
    await waitUntil(() => maybe(dialog, '.empty.policy-failed button'), 'the policy request times out');
    expect($(dialog, '.message').textContent).to.contain('Could not load the invite options.');
    transport.policy = { dialOut: true, sms: true };
    $(dialog, '.empty.policy-failed button').click();
    await settle(dialog);
    expect(numberInput(dialog)).to.be.instanceOf(HTMLInputElement);
    expect(transport.policyCalls).to.equal(2);
  });

  it('does not ask for the policy by itself once opened, even when the page turns idle after a failure', async () => {
    const idle: IdleRequestCallback[] = [];
    const requestIdleCallback = window.requestIdleCallback;
    window.requestIdleCallback = (callback) => idle.push(callback);
    try {
      PermissionsController.timeout = 100;
      const transport = new ManualTransport();
      transport.policy = new Promise(() => {});
      const dialog = await openDialog(transport);
      await waitUntil(() => maybe(dialog, '.empty.policy-failed button'), 'the policy request times out');
      expect(idle.length, 'a request was planned for when the page is idle').to.be.greaterThan(0);
      for (const callback of idle) callback({ didTimeout: false, timeRemaining: () => 50 });
      await settle(dialog);
      expect(transport.policyCalls).to.equal(1);
      expect(maybe(dialog, '.empty.policy-failed button'), 'Try again is still offered').to.not.equal(null);
    } finally {
      window.requestIdleCallback = requestIdleCallback;
    }
  });

  it('reads call-timeout="Infinity" as no timeout', async () => {
    const endless = new ManualTransport();
    const dialog = await fixture<InviteDialog>(
      html`<invite-dialog user-role="owner" default-country="US" call-timeout="Infinity" .transport=${endless}></invite-dialog>`,
    );
    expect(dialog.callTimeout).to.equal(Infinity);
    dialog.show();
    await settle(dialog);
    await typeNumber(dialog, '2015550123');
    callButton(dialog).click();
    await settle(dialog);
    dialog.close();
    await settle(dialog);
    // Another dialog, with a short timeout, measures the time.
    const transport = new ManualTransport();
    const timed = await openDialog(transport);
    timed.callTimeout = 100;
    await typeNumber(timed, '2015550199');
    callButton(timed).click();
    await waitUntil(() => alertText(timed) !== '', 'the short timeout passes');
    expect(endless.dials).to.have.length(1);
    expect(alertText(dialog)).to.equal('');
    expect(plain(statusText(dialog))).to.contain('Calling +1 201 555 0123');
  });
});
