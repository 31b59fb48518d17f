import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CountryPicker, InviteDialog } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import { loadStrings, stringsFor } from '../../src/i18n/index.js';
import type { SmsComposer } from '../../src/sms-composer.js';
import { ManualTransport, settle } from '../helpers/manual-transport.js';

/** Modules this page has fetched whose address contains `part`. */
function fetched(part: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes(part));
}

// The order matters: each test checks what the page has not fetched yet.
describe('what loads only when a page needs it', () => {
  it('offers the United States and Canada without every country’s data or libphonenumber-js', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker allowed-countries="US CA" value="CA"></country-picker>`);
    await picker.updateComplete;
    picker.shadowRoot!.querySelector<HTMLElement>('[part~="combobox"]')!.click();
    await picker.updateComplete;
    const names = [...picker.shadowRoot!.querySelectorAll('[role="option"] .name')].map((name) => name.textContent);
    expect(names).to.deep.equal(['Canada', 'United States']);
    expect(fetched('intl-tel-input')).to.deep.equal([]);
    expect(fetched('libphonenumber-js')).to.deep.equal([]);
  });

  it('fetches every country’s data to name the country of a refused number', async () => {
    const dialog = await fixture<InviteDialog>(
      html`<invite-dialog user-role="owner" default-country="US" .transport=${new ManualTransport()}></invite-dialog>`,
    );
    dialog.show();
    await settle(dialog);
    const input = dialog.shadowRoot!.querySelector<HTMLInputElement>('#call-number')!;
    input.value = '+44 20 7946 0958';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    await settle(dialog);
    expect(dialog.shadowRoot!.querySelector('#call-number-error')?.textContent).to.contain('Calls to United Kingdom are not available.');
    expect(fetched('intl-tel-input')).to.have.length.greaterThan(0);
    expect(fetched('libphonenumber-js'), 'US and CA are still the only countries allowed').to.deep.equal([]);
  });

  it('fetches every country’s data, flags included, once a host allows more countries', async () => {
    const picker = await fixture<CountryPicker>(html`<country-picker allowed-countries="US CA GB FR"></country-picker>`);
    await picker.updateComplete;
    picker.shadowRoot!.querySelector<HTMLElement>('[part~="combobox"]')!.click();
    await picker.updateComplete;
    const names = [...picker.shadowRoot!.querySelectorAll('[role="option"] .name')].map((name) => name.textContent);
    expect(names).to.deep.equal(['Canada', 'France', 'United Kingdom', 'United States']);
    const flag = picker.shadowRoot!.querySelector<HTMLElement>('[data-flag="fr"]')!;
    expect(getComputedStyle(flag).getPropertyValue('--_offset').trim()).to.not.equal('');
  });

  it('gives French to an element that was out of the page when French arrived', async () => {
    const page = document.createElement('div');
    page.lang = 'fr-CA';
    const composer = document.createElement('sms-composer') as SmsComposer;
    page.append(composer);
    document.body.append(page);
    // Out of the page before French has arrived, back once it has.
    composer.remove();
    expect(stringsFor('fr-CA'), 'French is not there yet').to.equal(en);
    await loadStrings('fr-CA');
    page.append(composer);
    await composer.updateComplete;
    expect(composer.shadowRoot!.querySelector('[part="label"]')?.textContent).to.equal('Message texte');
    page.remove();
  });
});
