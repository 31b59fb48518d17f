// <country-picker> on its own, offering every country the data knows.
import '../../src/country-picker.ts';
import { getCountries } from '../../src/phone/countries.ts';
import { centreOf, eventLatency, frames, longTaskReport, resetLongTasks, until } from './harness.js';

let picker;
const popup = () => picker.shadowRoot.querySelector('[part="popup"]');
const isOpen = () => !popup().hidden && popup().checkVisibility();

window.bench = {
  library: 'ours',
  async ready() {
    picker = document.createElement('country-picker');
    picker.allowedCountries = getCountries().map((country) => country.code);
    picker.value = 'US';
    document.body.append(picker);
    await picker.updateComplete;
    await frames(2);
  },
  listTarget: () => centreOf(picker.shadowRoot.querySelector('[part="combobox"]')),
  clicks: eventLatency('click', 'click'),
  listState: () => ({ open: isOpen(), options: picker.shadowRoot.querySelectorAll('[role="option"]').length }),
  async listClosed() {
    await until(() => !isOpen(), 'the list to close');
    await frames(2);
  },
  longTaskReport,
  resetLongTasks,
};
