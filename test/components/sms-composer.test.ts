import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/sms-composer.js';
import type { SmsComposer } from '../../src/sms-composer.js';
import { provideInviteSettings } from '../../src/context/invite-settings.js';

function part(composer: SmsComposer, name: string): HTMLElement {
  const element = composer.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!element) throw new Error(`no part ${name}`);
  return element;
}

const textarea = (composer: SmsComposer) => part(composer, 'textarea') as HTMLTextAreaElement;
const liveRegion = (composer: SmsComposer) => composer.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

async function typeInto(composer: SmsComposer, text: string): Promise<void> {
  textarea(composer).focus();
  await sendKeys({ type: text });
  await composer.updateComplete;
}

describe('<sms-composer>', () => {
  it('fills the template with the link, room and inviter', async () => {
    const composer = await fixture<SmsComposer>(
      html`<sms-composer
        message-template="{inviter} invites you to {room}: {link} ({unknown})"
        room-link="https://meet.example.com/r"
        room-name="Board"
        inviter-name="Ada"
      ></sms-composer>`,
    );
    expect(composer.value).to.equal('Ada invites you to Board: https://meet.example.com/r ({unknown})');
    expect(textarea(composer).value).to.equal(composer.value);
  });

  it('follows the template until the person edits the text, then offers the default back', async () => {
    const composer = await fixture<SmsComposer>(html`<sms-composer room-link="https://a.example/1"></sms-composer>`);
    composer.roomLink = 'https://a.example/2';
    await composer.updateComplete;
    expect(composer.value).to.contain('https://a.example/2');
    expect(composer.shadowRoot!.querySelector('[part="button"]')).to.equal(null);

    await typeInto(composer, '!');
    expect(composer.value).to.equal("You're invited to a video call. Join here: https://a.example/2!");
    composer.roomLink = 'https://a.example/3';
    await composer.updateComplete;
    expect(composer.value, 'an edited message is not overwritten').to.contain('https://a.example/2!');

    const reset = part(composer, 'button');
    expect(reset.textContent!.trim()).to.equal('Use the default text');
    reset.click();
    await composer.updateComplete;
    expect(composer.value).to.equal("You're invited to a video call. Join here: https://a.example/3");
  });

  it('names the inviter and the room when they are known, in plain GSM-7', async () => {
    const composer = await fixture<SmsComposer>(html`<sms-composer room-link="https://a.example/r"></sms-composer>`);
    const messages: string[] = [];
    for (const [inviter, room] of [['Ana Lima', 'Weekly sync'], ['', 'Weekly sync'], ['Ana Lima', ' '], ['', '']]) {
      composer.inviterName = inviter!;
      composer.roomName = room!;
      await composer.updateComplete;
      expect(composer.count, composer.value).to.include({ encoding: 'GSM-7', segments: 1 });
      expect(textarea(composer).value).to.equal(composer.value);
      messages.push(composer.value);
    }
    expect(messages).to.deep.equal([
      'Ana Lima invites you to the video call "Weekly sync". Join here: https://a.example/r',
      'You\'re invited to the video call "Weekly sync". Join here: https://a.example/r',
      'Ana Lima invites you to a video call. Join here: https://a.example/r',
      "You're invited to a video call. Join here: https://a.example/r",
    ]);
  });

  it('puts names in the default message as they are: a placeholder or markup in a name stays text', async () => {
    const composer = await fixture<SmsComposer>(
      html`<sms-composer room-link="https://a.example/r" inviter-name=${'{link} $& <b>x</b>'} room-name="{inviter}"></sms-composer>`,
    );
    expect(composer.value).to.equal('{link} $& <b>x</b> invites you to the video call "{inviter}". Join here: https://a.example/r');
    expect(composer.shadowRoot!.querySelector('b')).to.equal(null);
  });

  it('counts the characters used and available in the texts the message takes, as the person types', async () => {
    const composer = await fixture<SmsComposer>(html`<sms-composer message-template="Hello"></sms-composer>`);
    const counter = () => part(composer, 'counter').textContent!.trim();
    expect(counter()).to.equal('5 / 160 · 1 text');
    textarea(composer).select();
    await typeInto(composer, 'x'.repeat(161));
    expect(counter()).to.equal('161 / 306 · 2 texts');
    // € is sent as two characters.
    textarea(composer).select();
    await typeInto(composer, 'Price: 5€');
    expect(counter()).to.equal('10 / 160 · 1 text');
    composer.value = `${'x'.repeat(74)}“`;
    await composer.updateComplete;
    expect(counter(), 'Unicode: 67 a text once split').to.equal('75 / 134 · 2 texts');
  });

  it('says what to do when the message is empty, in place of the counter, and announces it', async () => {
    const composer = await fixture<SmsComposer>(html`<sms-composer message-template="Hi"></sms-composer>`);
    textarea(composer).select();
    await sendKeys({ press: 'Backspace' });
    await composer.updateComplete;
    expect(part(composer, 'counter').textContent!.trim()).to.equal('Write a message to send.');
    expect(liveRegion(composer)).to.equal('Write a message to send.');
    expect(composer.validationMessage).to.equal('Write a message to send.');
    expect(textarea(composer).getAttribute('aria-describedby')).to.contain('counter');
    await typeInto(composer, ' ');
    expect(part(composer, 'counter').textContent!.trim(), 'blank is still empty').to.equal('Write a message to send.');
    await typeInto(composer, 'a');
    expect(part(composer, 'counter').textContent!.trim()).to.equal('2 / 160 · 1 text');
    expect(liveRegion(composer)).to.equal('The message fits in 1 text.');
  });

  it('names the character that makes a message Unicode and offers plain replacements', async () => {
    const composer = await fixture<SmsComposer>(html`<sms-composer message-template="It’s “here” – now"></sms-composer>`);
    expect(part(composer, 'counter').textContent!.trim()).to.equal('17 / 70 · 1 text');
    const note = part(composer, 'warning').querySelector('p')!;
    expect(note.textContent).to.equal('’ is a special character: each text now holds 70 characters instead of 160.');
    expect(textarea(composer).getAttribute('aria-describedby')).to.contain('warning');
    // A note, not an error: the text's own colour, and an icon drawn in CSS that is not read out.
    expect(getComputedStyle(note).color).to.equal(getComputedStyle(composer).color);
    expect(textarea(composer).getAttribute('aria-invalid')).to.equal('false');
    expect(getComputedStyle(note, '::before').content).to.match(/^"i"/);
    expect(getComputedStyle(note, '::before').borderRadius).to.equal('50%');
    await expect(composer).shadowDom.to.be.accessible();
    const replace = [...composer.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.includes('curly'))!;
    let inputs = 0;
    composer.addEventListener('input', () => (inputs += 1));
    replace.click();
    await composer.updateComplete;
    expect(composer.value).to.equal('It\'s "here" - now');
    expect(inputs).to.equal(1);
    expect(part(composer, 'counter').textContent!.trim()).to.equal('17 / 160 · 1 text');
    expect(part(composer, 'warning').hidden).to.equal(true);
  });

  it('announces crossing a segment boundary, not every keystroke', async () => {
    const composer = await fixture<SmsComposer>(html`<sms-composer message-template=${'x'.repeat(158)}></sms-composer>`);
    textarea(composer).setSelectionRange(158, 158);
    await typeInto(composer, 'x');
    expect(liveRegion(composer)).to.equal('');
    await typeInto(composer, 'x');
    expect(liveRegion(composer)).to.equal('');
    await typeInto(composer, 'x');
    expect(liveRegion(composer)).to.equal('The message now takes 2 texts.');
  });

  it('is invalid when empty or over the limit, and takes part in forms', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><sms-composer name="message" max-segments="1" message-template="Hi"></sms-composer></form>`);
    const composer = form.querySelector('sms-composer')!;
    await composer.updateComplete;
    expect(new FormData(form).get('message')).to.equal('Hi');
    expect(form.checkValidity()).to.equal(true);

    textarea(composer).select();
    await typeInto(composer, 'y'.repeat(161));
    expect(composer.validity.tooLong).to.equal(true);
    expect(textarea(composer).getAttribute('aria-invalid')).to.equal('true');
    const over = part(composer, 'warning').querySelector('p')!;
    expect(over.textContent).to.equal('This message takes 2 texts; the most allowed is 1. Shorten it.');
    expect(getComputedStyle(over).color, 'an error, in the danger colour').not.to.equal(getComputedStyle(composer).color);
    await expect(composer).shadowDom.to.be.accessible();

    textarea(composer).select();
    await sendKeys({ press: 'Backspace' });
    await composer.updateComplete;
    expect(composer.validity.valueMissing).to.equal(true);
    form.reset();
    await composer.updateComplete;
    expect(composer.value).to.equal('Hi');
  });

  it('fires change out of its shadow root', async () => {
    const composer = await fixture<SmsComposer>(html`<sms-composer></sms-composer>`);
    let changes = 0;
    document.addEventListener('change', () => (changes += 1), { once: true });
    await typeInto(composer, 'a');
    await sendKeys({ press: 'Tab' });
    expect(changes).to.equal(1);
  });

  it('takes its settings from an ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><sms-composer></sms-composer></div>`);
    provideInviteSettings(wrapper, { roomLink: 'https://ctx.example/room', pinRequired: true });
    const composer = wrapper.querySelector('sms-composer')!;
    wrapper.append(composer);
    await composer.updateComplete;
    expect(composer.value).to.contain('https://ctx.example/room');
    expect(part(composer, 'reminder').hidden).to.equal(false);
    expect(part(composer, 'reminder').textContent).to.equal('This room needs a PIN. The message does not include it: tell the person the PIN yourself.');
  });

  it('shows markup in the message as text', async () => {
    const composer = await fixture<SmsComposer>(html`<sms-composer message-template=${"<img src=x onerror=alert(1)>"}></sms-composer>`);
    expect(textarea(composer).value).to.equal('<img src=x onerror=alert(1)>');
    expect(composer.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
