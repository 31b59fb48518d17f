import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { InviteDialog } from '../../src/index.js';
import { provideInviteSettings } from '../../src/context/invite-settings.js';
import { en } from '../../src/i18n/en.js';
import { frCA } from '../../src/i18n/fr-ca.js';
import { loadStrings, registerStrings, stringsFor } from '../../src/i18n/index.js';
import { ManualTransport, settle } from '../helpers/manual-transport.js';

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

function $(root: Element, selector: string): HTMLElement {
  const element = root.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

async function dialogIn(lang: string): Promise<{ wrapper: HTMLElement; dialog: InviteDialog }> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <invite-dialog user-role="owner" default-country="CA" room-link="https://meet.example.com/r" .transport=${new ManualTransport()}></invite-dialog>
    </div>`,
  );
  const dialog = wrapper.querySelector('invite-dialog')!;
  dialog.show();
  await settle(dialog);
  return { wrapper, dialog };
}

const tabNames = (dialog: InviteDialog) => [...dialog.shadowRoot!.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent!.trim());

describe('strings', () => {
  // First in this file: nothing has asked for French yet.
  it('fetches French only once a French page shows an element, and waits for it', async () => {
    expect(stringsFor('fr-CA'), 'not part of what the elements import').to.equal(en);
    registerStrings('fr-CA', { countryNoMatch: 'Rien ne correspond' });
    const { dialog } = await dialogIn('fr-CA');
    expect($(dialog, '[part="title"]').textContent).to.equal('Inviter un participant à l’appel');
    expect(stringsFor('fr-CA'), 'what the host registered before French arrived stays').to.include({
      countryNoMatch: 'Rien ne correspond',
      tabCall: 'Appel',
    });
    expect(stringsFor('fr')).to.equal(frCA);
  });

  it('translates every English string into French', async () => {
    const missing = (a: object, b: object, path = ''): string[] =>
      Object.entries(a).flatMap(([key, value]) => {
        const other = (b as Record<string, unknown>)[key];
        if (other === undefined) return [`${path}${key}`];
        return typeof value === 'object' ? missing(value as object, other as object, `${path}${key}.`) : [];
      });
    expect(missing(en, frCA)).to.deep.equal([]);
    await loadStrings('fr-FR');
    expect(stringsFor('fr-FR')).to.equal(frCA);
    expect(stringsFor('de-AT')).to.equal(en);
  });

  it('speaks French (Canada) in a French page, country names included', async () => {
    const { dialog } = await dialogIn('fr-CA');
    expect($(dialog, '[part="title"]').textContent).to.equal('Inviter un participant à l’appel');
    expect(tabNames(dialog)).to.deep.equal(['Appel', 'Texto']);
    const picker = dialog.shadowRoot!.querySelector('country-picker')!;
    expect($(picker, '[part="label"]').textContent).to.equal('Pays');
    expect($(picker, '[part="combobox"]').textContent).to.contain('Canada');
    $(picker, '[part="combobox"]').click();
    await picker.updateComplete;
    const names = [...picker.shadowRoot!.querySelectorAll('[role="option"] .name')].map((name) => name.textContent);
    expect(names).to.deep.equal(['Canada', 'États-Unis']);
    $(dialog, '#tab-sms').click();
    await settle(dialog);
    const composer = dialog.shadowRoot!.querySelector('sms-composer')!;
    expect(composer.value).to.equal('On vous invite à un appel vidéo. Pour y participer : https://meet.example.com/r');
    expect(composer.count, 'the default French message costs one plain SMS').to.include({ encoding: 'GSM-7', segments: 1 });
    expect($(composer, '[part="counter"]').textContent!.trim()).to.equal(`${composer.value.length} / 160 · 1 texto`);
    dialog.inviterName = 'Ana Lima';
    dialog.roomName = 'Rencontre hebdo';
    await settle(dialog);
    expect(composer.value).to.equal('Ana Lima vous invite à l\'appel vidéo "Rencontre hebdo". Pour y participer : https://meet.example.com/r');
    expect(composer.count, 'with names too').to.include({ encoding: 'GSM-7', segments: 1 });
    dialog.inviterName = '';
    await settle(dialog);
    expect(composer.value).to.equal('On vous invite à l\'appel vidéo "Rencontre hebdo". Pour y participer : https://meet.example.com/r');
    dialog.pinRequired = true;
    await settle(dialog);
    expect($(composer, '[part="reminder"]').textContent).to.equal(
      'Cette salle exige un NIP. Le message ne le contient pas : communiquez vous-même le NIP à la personne.',
    );
    await expect(dialog).shadowDom.to.be.accessible();
  });

  it('follows a change of the page language', async () => {
    const { wrapper, dialog } = await dialogIn('en');
    expect($(dialog, '[part="title"]').textContent).to.equal('Invite a participant to the call');
    wrapper.lang = 'fr';
    await new Promise((resolve) => setTimeout(resolve));
    await settle(dialog);
    expect($(dialog, '[part="title"]').textContent).to.equal('Inviter un participant à l’appel');
    const picker = dialog.shadowRoot!.querySelector('country-picker')!;
    await picker.updateComplete;
    expect($(picker, '[part="label"]').textContent).to.equal('Pays');
  });

  it('mirrors the layout on a right-to-left page, each sentence reading in the direction of its words', async () => {
    // Where the first and the last character of a text are drawn.
    const ends = (element: Element) => {
      const text = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!;
      const at = (offset: number) => {
        const range = document.createRange();
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return { first: at(0), last: at(text.textContent!.length - 1) };
    };
    // An Arabic page without Arabic strings: mirrored, and the English reads left to right.
    const { wrapper, dialog } = await dialogIn('ar-x-untranslated');
    wrapper.dir = 'rtl';
    // A full stop is neutral: in a right-to-left sentence it would stand on the left.
    dialog.strings = { dialogTitle: 'Invite someone.' };
    await settle(dialog);
    const title = $(dialog, '[part="title"]');
    expect(getComputedStyle(title).direction).to.equal('rtl');
    const english = ends(title);
    expect(english.first, 'the title starts on the left and ends with its full stop').to.be.lessThan(english.last);
    expect(title.getBoundingClientRect().right, 'and stands on the right').to.be.closeTo($(dialog, '[part="header"]').getBoundingClientRect().right - 16, 24);
    // With Arabic strings, the sentence reads right to left.
    registerStrings('ar-x-test', { dialogTitle: 'دعوة مشارك إلى المكالمة.' });
    const arabic = await dialogIn('ar-x-test');
    arabic.wrapper.dir = 'rtl';
    const words = ends($(arabic.dialog, '[part="title"]'));
    expect(words.first).to.be.greaterThan(words.last);
  });

  it('lets a host override any string on one element, group by group', async () => {
    const { dialog } = await dialogIn('en');
    dialog.strings = { dialogTitle: 'Bring someone in', countryLabel: 'Region', refusal: { 'too-long': 'Too many digits.' } };
    await settle(dialog);
    expect($(dialog, '[part="title"]').textContent).to.equal('Bring someone in');
    const picker = dialog.shadowRoot!.querySelector('country-picker')!;
    await picker.updateComplete;
    expect($(picker, '[part="label"]').textContent, 'passed on to the picker').to.equal('Region');
    const input = $(dialog, '#call-number') as HTMLInputElement;
    input.focus();
    // Leaving the field backwards, to the picker: Tab past a modal dialog's last control leaves the page in Firefox.
    await sendKeys({ type: '416555' });
    await shiftTab();
    await settle(dialog);
    expect($(dialog, '#call-number-error').textContent).to.contain('Enter all 10 digits.');
    input.focus();
    await sendKeys({ type: '01234' });
    await shiftTab();
    await settle(dialog);
    expect($(dialog, '#call-number-error').textContent).to.contain('Too many digits.');
  });

  it('lets a host override strings for the whole page through the settings', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><invite-dialog></invite-dialog></div>`);
    provideInviteSettings(wrapper, { transport: new ManualTransport(), userRole: 'owner', strings: { tabCall: 'Phone' } });
    const dialog = wrapper.querySelector('invite-dialog')!;
    wrapper.append(dialog);
    dialog.strings = { tabSms: 'Text' };
    dialog.show();
    await settle(dialog);
    expect(tabNames(dialog)).to.deep.equal(['Phone', 'Text']);
  });

  it('takes a new language registered by the host', async () => {
    registerStrings('de', { dialogTitle: 'Teilnehmer zum Anruf einladen', tabCall: 'Anruf' });
    const { dialog } = await dialogIn('de');
    expect($(dialog, '[part="title"]').textContent).to.equal('Teilnehmer zum Anruf einladen');
    expect(tabNames(dialog)).to.deep.equal(['Anruf', 'SMS']);
  });

});
