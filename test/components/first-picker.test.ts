import { expect, fixtureCleanup } from '@open-wc/testing';
import '../../src/country-picker.js';
import type { CountryPicker } from '../../src/country-picker.js';

// Alone in its page: nothing has loaded the phone rules or any country data before this picker.
describe('the first picker of a page', () => {
  it('is complete, with every allowed country, once updateComplete resolves', async () => {
    const picker = document.createElement('country-picker') as CountryPicker;
    picker.setAttribute('allowed-countries', 'US GB FR');
    picker.value = 'GB';
    document.body.append(picker);
    // Once, as a host would.
    await picker.updateComplete;
    const combobox = picker.shadowRoot!.querySelector<HTMLElement>('[part~="combobox"]')!;
    expect(combobox.textContent).to.contain('United Kingdom');
    combobox.click();
    await picker.updateComplete;
    const names = [...picker.shadowRoot!.querySelectorAll('[role="option"] .name')].map((name) => name.textContent);
    expect(names).to.deep.equal(['France', 'United Kingdom', 'United States']);
    picker.remove();
  });

  after(fixtureCleanup);
});
