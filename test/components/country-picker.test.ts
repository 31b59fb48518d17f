import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/country-picker.js';
import type { CountryPicker } from '../../src/country-picker.js';
import { getCountries } from '../../src/phone/countries.js';
import { COUNTRIES_US_CA } from '../../src/phone/countries-us-ca.js';
import { flagSheet } from '../../src/components/country-picker/flag-sheet.js';
import { provideInviteSettings } from '../../src/context/invite-settings.js';
import { drawnAt, whyNotTappable } from '../helpers/layout.js';

const ALL = getCountries().map((country) => country.code);

function part(picker: CountryPicker, name: string): HTMLElement {
  const element = picker.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!element) throw new Error(`no part ${name}`);
  return element;
}

function options(picker: CountryPicker): HTMLElement[] {
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
}

function optionNames(picker: CountryPicker): string[] {
  return options(picker).map((option) => option.querySelector('.name')!.textContent!.trim());
}

function activeName(picker: CountryPicker): string | undefined {
  return picker.shadowRoot!.querySelector('[part~="active"] .name')?.textContent?.trim();
}

/** The option's id that the combobox (the search box, where the list has one, else the control) points to. */
function activeDescendant(picker: CountryPicker): string | null {
  const combobox = picker.shadowRoot!.querySelector('[part="search"]') ?? part(picker, 'combobox');
  return combobox.getAttribute('aria-activedescendant');
}

/** The names of the countries in the listbox but in no group. */
/** The options outside any group (a long list holds them in blocks with no role of their own). */
function ungroupedNames(picker: CountryPicker): string[] {
  return options(picker)
    .filter((option) => !option.closest('[role="group"]'))
    .map((option) => option.querySelector('.name')!.textContent!.trim());
}

/** The listbox's groups: each one's label and the names of its countries. */
function groups(picker: CountryPicker): { label: string | null; names: string[] }[] {
  return [...picker.shadowRoot!.querySelectorAll('[role="listbox"] > [role="group"]')].map((group) => ({
    label: group.getAttribute('aria-label'),
    names: [...group.querySelectorAll('[role="option"] .name')].map((name) => name.textContent!.trim()),
  }));
}

const box = (element: Element) => element.getBoundingClientRect();

/** Says why the open list is not where a person can use it: off screen, or away from its control. */
/** Without CSS anchor positioning (Firefox ESR 140), the list stands at the top of the viewport, centred. */
const ANCHORED = CSS.supports('position-area: block-end');

/** The list touches its control and starts where it does; without anchor positioning, it is centred. Either way it is in the viewport. */
function expectAttached(picker: CountryPicker): void {
  const control = box(part(picker, 'combobox'));
  const popup = box(part(picker, 'popup'));
  if (!ANCHORED) {
    expect(popup.left + popup.right, 'the list is centred').to.be.closeTo(innerWidth, 2);
    expect(popup.top, 'the list starts in the viewport').to.be.at.least(0);
    expect(popup.bottom, 'the list ends in the viewport').to.be.at.most(innerHeight);
    return;
  }
  const gap = popup.top >= control.bottom - 1 ? popup.top - control.bottom : control.top - popup.bottom;
  expect(gap, `the list (${popup.top}–${popup.bottom}) touches its control (${control.top}–${control.bottom})`).to.be.within(-1, 8);
  expect(popup.left, 'the list starts where its control does').to.be.closeTo(control.left, 1);
  expect(popup.top, 'the list starts in the viewport').to.be.at.least(0);
  expect(popup.bottom, 'the list ends in the viewport').to.be.at.most(innerHeight);
}

function countChanges(picker: CountryPicker): { count: number } {
  const counter = { count: 0 };
  picker.addEventListener('change', () => (counter.count += 1));
  return counter;
}

/**
 * fixture() waits for the element it is given: a plain wrapper (a div, a dialog, a form) only for a
 * frame. The picker inside it loads its country data and strings after that; its updateComplete
 * waits for them.
 */
async function pickerIn(container: Element): Promise<CountryPicker> {
  const picker = container.querySelector('country-picker')!;
  await picker.updateComplete;
  return picker;
}

async function clickOn(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  const [x, y] = [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)];
  // A real click lands on whatever is drawn there: say so if that is not the element.
  const hit = drawnAt(x, y);
  if (!hit || !element.contains(hit)) throw new Error(`a click on ${element.id || element.localName} would land on ${hit?.localName ?? 'nothing'}`);
  await sendMouse({ type: 'click', position: [x, y] });
}

/**
 * Runs `action` with performance.now() standing still at `time`: type-ahead times the pause between
 * keys with it, so a test sets that pause instead of waiting it out, and keys typed together stay together.
 */
async function atTime(time: number, action: () => Promise<void>): Promise<void> {
  Object.defineProperty(performance, 'now', { configurable: true, value: () => time });
  try {
    await action();
  } finally {
    delete (performance as Partial<Performance>).now;
  }
}

describe('<country-picker>', () => {
  it('shows the chosen flag and calling code, labelled "Country"', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker value="ca"></country-picker>`);
    const combobox = part(picker, 'combobox');
    expect(picker.value).to.equal('CA');
    expect(combobox.getAttribute('role')).to.equal('combobox');
    expect(part(picker, 'label').textContent).to.equal('Country');
    expect(combobox.querySelector('.flag')!.getAttribute('data-flag')).to.equal('ca');
    expect(combobox.querySelector('.dial')!.textContent).to.equal('+1');
    expect(combobox.textContent).to.contain('Canada');
    await expect(picker).to.be.accessible();
  });

  it('shows a placeholder when no country is chosen', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker></country-picker>`);
    expect(part(picker, 'combobox').textContent).to.contain('Choose a country');
    await expect(picker).to.be.accessible();
  });

  it('offers only the allowed countries, United States and Canada by default', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker></country-picker>`);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    expect(optionNames(picker)).to.deep.equal(['Canada', 'United States']);

    picker.allowedCountries = ['DE', 'FR', 'XX'];
    await picker.updateComplete;
    expect(optionNames(picker)).to.deep.equal(['France', 'Germany']);
  });

  it('reads the allowed countries from the attribute, space or comma separated', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker allowed-countries="gb, ie fr"></country-picker>`);
    expect(picker.allowedCountries).to.deep.equal(['GB', 'IE', 'FR']);
  });

  it('takes the same codes in a new list as no change, and other codes as one', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker .allowedCountries=${['US', 'CA']}></country-picker>`);
    picker.allowedCountries = ['US', 'CA'];
    expect(picker.isUpdatePending).to.equal(false);
    picker.allowedCountries = ['CA', 'US'];
    expect(picker.isUpdatePending).to.equal(true);
    await picker.updateComplete;
    picker.allowedCountries = ['CA'];
    expect(picker.isUpdatePending).to.equal(true);
  });

  it('is accessible with the list open', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker value="US"></country-picker>`);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('true');
    expect(part(picker, 'combobox').getAttribute('aria-activedescendant')).to.equal('option-US');
    await expect(picker).to.be.accessible();
  });

  it('can be used with the keyboard alone', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker value="US"></country-picker>`);
    const changes = countChanges(picker);
    picker.focus();
    expect(picker.shadowRoot!.activeElement).to.equal(part(picker, 'combobox'));

    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('true');
    expect(activeName(picker)).to.equal('United States');
    await sendKeys({ press: 'ArrowUp' });
    await picker.updateComplete;
    expect(activeName(picker)).to.equal('Canada');
    await sendKeys({ press: 'ArrowUp' });
    await picker.updateComplete;
    expect(activeName(picker), 'stops at the first').to.equal('Canada');
    await sendKeys({ press: 'End' });
    await picker.updateComplete;
    expect(activeName(picker)).to.equal('United States');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;

    expect(picker.value).to.equal('CA');
    expect(changes.count).to.equal(1);
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('false');
    expect(picker.shadowRoot!.activeElement, 'focus stays on the control').to.equal(part(picker, 'combobox'));
  });

  it('opens with Space and Enter, and Escape closes without choosing', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker value="US"></country-picker>`);
    const changes = countChanges(picker);
    picker.focus();
    await sendKeys({ press: ' ' });
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Escape' });
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('false');
    expect(picker.value).to.equal('US');
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    expect(changes.count).to.equal(0);
  });

  it('finds a country by typing its first letters', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker allowed-countries="US CA CU CY DE"></country-picker>`);
    picker.focus();
    await sendKeys({ press: 'c' });
    await picker.updateComplete;
    expect(activeName(picker)).to.equal('Canada');
    await sendKeys({ press: 'c' });
    await picker.updateComplete;
    expect(activeName(picker), 'the same letter again moves on').to.equal('Cuba');
    // Past the type-ahead pause (a minute on, and another), each key or word starts a new search.
    const start = performance.now();
    await atTime(start + 60_000, () => sendKeys({ press: 'g' }));
    await picker.updateComplete;
    expect(activeName(picker), 'after a pause a letter starts a new search').to.equal('Germany');
    await atTime(start + 120_000, () => sendKeys({ type: 'cy' }));
    await picker.updateComplete;
    expect(activeName(picker)).to.equal('Cyprus');
    await sendKeys({ press: 'Enter' });
    expect(picker.value).to.equal('CY');
  });

  it('fires change only when the person chooses, not when value is set', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker value="US"></country-picker>`);
    const changes = countChanges(picker);
    picker.value = 'CA';
    await picker.updateComplete;
    expect(changes.count).to.equal(0);

    part(picker, 'combobox').click();
    await picker.updateComplete;
    const listener = oneEvent(picker, 'change');
    options(picker)
      .find((option) => option.id === 'option-US')!
      .click();
    const event = await listener;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(picker.value).to.equal('US');

    part(picker, 'combobox').click();
    await picker.updateComplete;
    options(picker)
      .find((option) => option.id === 'option-US')!
      .click();
    expect(changes.count, 'choosing the same country again is no change').to.equal(1);
  });

  it('names the countries in the language of the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><country-picker allowed-countries="US DE GB"></country-picker></div>`);
    const picker = await pickerIn(wrapper);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    expect(optionNames(picker)).to.deep.equal(['Allemagne', 'États-Unis', 'Royaume-Uni']);

    wrapper.lang = 'de';
    // The picker hears of the change through a MutationObserver: wait until it has taken it up.
    await waitUntil(() => !optionNames(picker).includes('Allemagne'), 'the picker follows the page to German');
    await picker.updateComplete;
    expect(optionNames(picker)).to.deep.equal(['Deutschland', 'Vereinigte Staaten', 'Vereinigtes Königreich']);
  });

  it('writes the calling code left to right in a right-to-left page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar"><country-picker value="US"></country-picker></div>`);
    const picker = await pickerIn(wrapper);
    const dial = part(picker, 'combobox').querySelector<HTMLElement>('.dial')!;
    expect(dial.textContent).to.equal('+1');
    expect(dial.dir).to.equal('ltr');
    expect(getComputedStyle(dial).direction).to.equal('ltr');
    const text = [...dial.childNodes].find((node) => node.nodeType === Node.TEXT_NODE)!;
    const plus = document.createRange();
    plus.setStart(text, 0);
    plus.setEnd(text, 1);
    const one = document.createRange();
    one.setStart(text, 1);
    one.setEnd(text, 2);
    expect(plus.getBoundingClientRect().left, '"+" is drawn left of "1"').to.be.below(one.getBoundingClientRect().left);
  });

  it('offers a search box once the list is long, and stays accessible', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker .allowedCountries=${ALL} value="US"></country-picker>`);
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(options(picker).length).to.equal(ALL.length);
    const search = part(picker, 'search') as HTMLInputElement;
    expect(picker.shadowRoot!.activeElement).to.equal(search);
    expect(search.placeholder).to.equal('Search by name or code');
    expect(search.getAttribute('aria-label'), 'named apart from its placeholder').to.equal('Search countries');
    await expect(picker).to.be.accessible();

    await sendKeys({ type: 'germ' });
    await picker.updateComplete;
    expect(optionNames(picker)).to.deep.equal(['Germany']);
    expect(search.getAttribute('aria-activedescendant')).to.equal('option-DE');
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(picker.value).to.equal('DE');
    expect(picker.shadowRoot!.activeElement).to.equal(part(picker, 'combobox'));
  });

  it('renders the countries of a long list near the view only, and keeps its width as it scrolls', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker .allowedCountries=${ALL} value="US"></country-picker>`);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    const rendered = (code: string) => picker.shadowRoot!.querySelector(`#option-${code}`)!.checkVisibility({ contentVisibilityAuto: true });
    await waitUntil(() => rendered('US'), 'the chosen country, in view, is rendered');
    expect(rendered('AF'), 'the first country, far out of view, is not').to.equal(false);
    expect(options(picker), 'yet every country is there for assistive technology').to.have.length(ALL.length);
    const width = part(picker, 'popup').getBoundingClientRect().width;
    part(picker, 'listbox').scrollTop = 0;
    await waitUntil(() => rendered('AF'), 'scrolled to the top, the first country is rendered');
    expect(part(picker, 'popup').getBoundingClientRect().width).to.equal(width);
    await expect(picker).to.be.accessible();
  });

  it('opens a long list at the chosen country, in sight, each time', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker .allowedCountries=${ALL} value="US"></country-picker>`);
    for (const time of ['first', 'again, after scrolling to the top']) {
      part(picker, 'combobox').click();
      await picker.updateComplete;
      await waitUntil(() => whyNotTappable(picker.shadowRoot!.querySelector('#option-US')!) === undefined, `opened ${time}, the chosen country is in sight`);
      expect(activeName(picker)).to.equal('United States');
      part(picker, 'listbox').scrollTop = 0;
      await sendKeys({ press: 'Escape' });
      await picker.updateComplete;
    }
  });

  it('draws the chosen country’s block and two either side as the list opens, the first three when searching', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker .allowedCountries=${ALL} value="FR"></country-picker>`);
    const blocks = () => [...picker.shadowRoot!.querySelectorAll<HTMLElement>('.block')];
    // The browser skips the others until they come into view (`content-visibility: auto`).
    const drawn = () => blocks().flatMap((block, index) => (getComputedStyle(block).contentVisibility === 'visible' ? [index] : []));
    const blockOf = (selector: string) => blocks().findIndex((block) => block.querySelector(selector));
    part(picker, 'combobox').click();
    await picker.updateComplete;
    const chosen = blockOf('#option-FR');
    expect(chosen, 'France is in a block with two others either side').to.be.within(2, blocks().length - 3);
    expect(drawn()).to.deep.equal([chosen - 2, chosen - 1, chosen, chosen + 1, chosen + 2]);
    await sendKeys({ type: 'a' });
    await picker.updateComplete;
    expect((part(picker, 'search') as HTMLInputElement).value).to.equal('a');
    expect(blockOf('[part~="active"]'), 'the first match is active').to.equal(0);
    expect(drawn()).to.deep.equal([0, 1, 2]);
  });

  it('searches by calling code and says when nothing matches', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker .allowedCountries=${ALL}></country-picker>`);
    picker.focus();
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(picker.shadowRoot!.activeElement, 'typing goes to the search box').to.equal(part(picker, 'search'));
    await sendKeys({ type: '+44' });
    await picker.updateComplete;
    expect(optionNames(picker)).to.include('United Kingdom');
    expect(options(picker).every((option) => option.textContent!.includes('+44'))).to.equal(true);
    await sendKeys({ type: 'zzz' });
    await picker.updateComplete;
    expect(options(picker)).to.have.length(0);
    expect(part(picker, 'empty').textContent).to.equal('No country matches');
    await expect(picker).to.be.accessible();
  });

  it('ranks a search as a person reads it, and Enter chooses the first shown', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker .allowedCountries=${ALL} value="US"></country-picker>`);
    picker.focus();
    await sendKeys({ press: 'c' });
    await picker.updateComplete;
    const names = optionNames(picker);
    // Names that start with "c", then names with a word that does, then the rest.
    const rank = (name: string) => (/^[cç]/i.test(name) ? 0 : /[^\p{L}][cç]/iu.test(name) ? 1 : 2);
    expect(names.map(rank)).to.deep.equal(names.map(rank).sort());
    expect(names[0]).to.equal('Cambodia');
    expect(names).to.include.members(['Côte d’Ivoire', 'New Caledonia', 'American Samoa']);
    expect(names.indexOf('New Caledonia')).to.be.below(names.indexOf('American Samoa'));
    expect(activeName(picker), 'the first shown').to.equal('Cambodia');
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(picker.value).to.equal('KH');

    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    await sendKeys({ type: '44' });
    await picker.updateComplete;
    expect(optionNames(picker)[0], 'a calling code: its main country first').to.equal('United Kingdom');
    await sendKeys({ press: 'Enter' });
    expect(picker.value).to.equal('GB');
  });

  it('leaves Home and End to the text in the search box, as README says', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker .allowedCountries=${ALL}></country-picker>`);
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    await sendKeys({ type: 'united' });
    await picker.updateComplete;
    const search = part(picker, 'search') as HTMLInputElement;
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(activeName(picker)).to.equal('United Kingdom');
    await sendKeys({ press: 'Home' });
    await picker.updateComplete;
    expect([search.selectionStart, activeName(picker)]).to.deep.equal([0, 'United Kingdom']);
    await sendKeys({ press: 'End' });
    await picker.updateComplete;
    expect([search.selectionStart, activeName(picker)]).to.deep.equal([6, 'United Kingdom']);
  });

  it('words the search box in the language of the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr-CA"><country-picker .allowedCountries=${ALL}></country-picker></div>`);
    const picker = await pickerIn(wrapper);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    const search = part(picker, 'search') as HTMLInputElement;
    expect(search.placeholder).to.equal('Rechercher par nom ou code');
    expect(search.getAttribute('aria-label')).to.equal('Rechercher un pays');
  });

  it('pins the preferred countries, those allowed, above the whole list, in a group of their own', async () => {
    const picker = await fixture<CountryPicker>(
      html`<country-picker .allowedCountries=${ALL.filter((code) => code !== 'JP')} preferred-countries="fr, us jp"></country-picker>`,
    );
    expect(picker.preferredCountries).to.deep.equal(['FR', 'US', 'JP']);
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(groups(picker)).to.deep.equal([{ label: 'Preferred countries', names: ['France', 'United States'] }]);
    const all = ungroupedNames(picker);
    expect(all, 'then every country, the preferred ones too, in the usual order').to.have.length(ALL.length - 1);
    expect(all.slice(0, 2)).to.deep.equal(['Afghanistan', 'Åland Islands']);
    expect(all).to.include.members(['France', 'United States']);
    const ids = options(picker).map((option) => option.id);
    expect(new Set(ids).size, 'each option has its own id').to.equal(ids.length);
    expect(activeName(picker), 'nothing chosen: the first is active').to.equal('France');
    expect(activeDescendant(picker)).to.equal('pinned-FR');
    await expect(picker).to.be.accessible();

    // The arrows go through the pinned countries, then on into the whole list, and back.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(activeDescendant(picker)).to.equal('option-AF');
    await sendKeys({ press: 'ArrowUp' });
    await picker.updateComplete;
    expect(activeDescendant(picker)).to.equal('pinned-US');
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(picker.value).to.equal('US');

    // Open again: on the chosen country's pinned copy; both copies say they are the one chosen.
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(activeDescendant(picker)).to.equal('pinned-US');
    const chosen = options(picker).filter((option) => option.getAttribute('aria-selected') === 'true');
    expect(chosen.map((option) => option.id)).to.deep.equal(['pinned-US', 'option-US']);

    // A search shows each match once, the first shown active.
    await sendKeys({ type: 'united' });
    await picker.updateComplete;
    expect(groups(picker)).to.deep.equal([]);
    expect(optionNames(picker)).to.deep.equal(['United Arab Emirates', 'United Kingdom', 'United States']);
    expect(activeDescendant(picker)).to.equal('option-AE');
    const search = part(picker, 'search') as HTMLInputElement;
    search.select();
    await sendKeys({ press: 'Backspace' });
    await picker.updateComplete;
    expect(groups(picker).map((group) => group.names.length)).to.deep.equal([2]);
    expect(ungroupedNames(picker)).to.have.length(ALL.length - 1);
    expect(activeDescendant(picker), 'still where it was').to.equal('option-AE');
    await expect(picker).to.be.accessible();
  });

  it('takes the preferred countries from the page’s settings, and pins none above a short list', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    provideInviteSettings(wrapper, { preferredCountries: ['GB'] });
    const [long, short] = [document.createElement('country-picker'), document.createElement('country-picker')];
    long.allowedCountries = ALL;
    short.setAttribute('allowed-countries', 'US CA GB');
    wrapper.append(long, short);
    for (const picker of [long, short]) {
      await picker.updateComplete;
      part(picker, 'combobox').click();
      await picker.updateComplete;
    }
    expect(groups(long)[0]).to.deep.equal({ label: 'Preferred countries', names: ['United Kingdom'] });
    expect(groups(short)).to.deep.equal([]);
    expect(optionNames(short)).to.deep.equal(['Canada', 'United Kingdom', 'United States']);
  });

  it('makes an option active once the countries of an open list arrive', async () => {
    // Nothing to offer yet: XX is in no data. The countries come later, as a host's policy does.
    const picker = await fixture<CountryPicker>(html`<country-picker allowed-countries="XX" value="DE"></country-picker>`);
    picker.focus();
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('true');
    expect(options(picker), 'opened with nothing in it').to.have.length(0);
    picker.allowedCountries = ['FR', 'DE'];
    await picker.updateComplete;
    expect(activeName(picker), 'the chosen country').to.equal('Germany');
    expect(activeDescendant(picker)).to.equal('option-DE');

    picker.allowedCountries = ['FR', 'IT'];
    await picker.updateComplete;
    expect(activeName(picker), 'the chosen country is gone: the first').to.equal('France');
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(activeName(picker)).to.equal('Italy');
  });

  it('opens its list over a scrolling dialog body, attached to its control, without scrolling the body', async () => {
    const dialog = await fixture<HTMLDialogElement>(
      html`<dialog><div><country-picker .allowedCountries=${ALL} value="US"></country-picker><p>More of the form</p></div></dialog>`,
    );
    const body = dialog.firstElementChild as HTMLElement;
    // As <invite-dialog>'s body does: it scrolls, and clips what overflows it.
    Object.assign(body.style, { maxHeight: '8rem', overflow: 'auto' });
    body.querySelector('p')!.style.height = '40rem';
    const picker = await pickerIn(dialog);
    dialog.showModal();
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(body.scrollHeight, 'the body could scroll').to.be.above(body.clientHeight);
    expect(body.scrollTop, 'the body stays where it was').to.equal(0);
    expect(whyNotTappable(part(picker, 'active'))).to.equal(undefined);
    expect(whyNotTappable(part(picker, 'search'))).to.equal(undefined);
    expectAttached(picker);
    const neighbour = options(picker).find((option) => option.id === 'option-US')!.previousElementSibling!;
    await clickOn(neighbour);
    expect(`option-${picker.value}`).to.equal(neighbour.id);
  });

  it('opens its list above its control where there is no room below', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><country-picker .allowedCountries=${ALL} value="CA"></country-picker></div>`);
    Object.assign(wrapper.style, { position: 'fixed', insetBlockEnd: '0', insetInlineStart: '0' });
    const picker = await pickerIn(wrapper);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    expectAttached(picker);
    if (ANCHORED) expect(box(part(picker, 'popup')).bottom, 'above').to.be.at.most(box(part(picker, 'combobox')).top);
    expect(whyNotTappable(part(picker, 'active'))).to.equal(undefined);
  });

  it('caps the list to the room there is, the first country under the search box, never under it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><country-picker .allowedCountries=${ALL}></country-picker></div>`);
    // Room for a few countries on either side, and a list that would rather be taller than the page.
    Object.assign(wrapper.style, { position: 'fixed', insetBlockStart: '45%', insetInlineStart: '0' });
    wrapper.style.setProperty('--country-picker-list-max-height', '200vh');
    const picker = await pickerIn(wrapper);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    expectAttached(picker);
    const listbox = part(picker, 'listbox');
    expect(listbox.scrollHeight, 'the list scrolls').to.be.above(listbox.clientHeight);
    const [first] = options(picker);
    expect(activeName(picker)).to.equal('Afghanistan');
    expect(box(first!).top, 'under the search box').to.be.at.least(box(part(picker, 'search')).bottom);
    expect(whyNotTappable(first!)).to.equal(undefined);
    // Keyboard moves scroll the list alone, the active country always in sight.
    for (const key of ['PageDown', 'PageDown', 'ArrowDown', 'PageUp', 'PageUp', 'PageUp']) {
      await sendKeys({ press: key });
      await picker.updateComplete;
      expect(whyNotTappable(part(picker, 'active')), `after ${key}`).to.equal(undefined);
    }
    expect(listbox.scrollTop).to.equal(0);
  });

  it('closes on a click outside', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><country-picker></country-picker><button>outside</button></div>`);
    const picker = await pickerIn(wrapper);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    await clickOn(wrapper.querySelector('button')!);
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('false');
  });

  it('works inside a modal dialog: clicks choose and Escape closes only the list', async () => {
    const dialog = await fixture<HTMLDialogElement>(html`<dialog><country-picker value="US"></country-picker></dialog>`);
    const picker = await pickerIn(dialog);
    dialog.showModal();
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    await clickOn(options(picker).find((option) => option.id === 'option-CA')!);
    await picker.updateComplete;
    expect(picker.value).to.equal('CA');

    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('false');
    expect(dialog.open, 'the dialog stays open').to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(dialog.open, 'a second Escape closes the dialog').to.equal(false);
  });

  it('takes part in forms: value, required and reset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><country-picker name="country" required></country-picker><button type="reset">Reset</button></form>`,
    );
    const picker = await pickerIn(form);
    expect(form.checkValidity()).to.equal(false);
    expect(picker.validity.valueMissing).to.equal(true);

    picker.value = 'CA';
    await picker.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('country')).to.equal('CA');

    form.reset();
    await picker.updateComplete;
    expect(picker.value).to.equal('');
    expect(new FormData(form).get('country')).to.equal(null);
  });

  it('cannot be opened when disabled', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker disabled></country-picker>`);
    part(picker, 'combobox').click();
    await picker.updateComplete;
    expect(part(picker, 'combobox').getAttribute('aria-expanded')).to.equal('false');
    expect(part(picker, 'combobox').getAttribute('aria-disabled')).to.equal('true');
  });
});

describe('flag sprite', () => {
  it('places every flag where intl-tel-input’s own style sheet does', async () => {
    const css = await (await fetch('/node_modules/intl-tel-input/dist/css/intlTelInput.css')).text();
    const expected = new Map([...css.matchAll(/\.iti__([a-z]{2}) \{\s*--iti-flag-offset: (-?\d+);/g)].map((match) => [match[1], match[2]]));
    const ours = new Map<string, string>();
    for (const rule of flagSheet(getCountries()).cssRules) {
      const code = (rule as CSSStyleRule).selectorText.match(/["']([a-z]{2})["']/)?.[1];
      if (code) ours.set(code, (rule as CSSStyleRule).style.getPropertyValue('--_offset').trim());
    }
    expect(ours.size).to.equal(expected.size);
    for (const [code, offset] of expected) expect(ours.get(code), code).to.equal(offset);
  });

  it('bundles the same United States and Canada rows as every country’s data holds', () => {
    const all = getCountries();
    for (const row of COUNTRIES_US_CA) {
      const { code, dialCode, flag } = all.find((country) => country.code === row.code)!;
      expect(row).to.deep.equal({ code, dialCode, flag });
    }
  });
});
