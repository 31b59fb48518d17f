// intl-tel-input's country drop-down, every country allowed (its default), search box on (its default).
import intlTelInput from 'intl-tel-input/intlTelInputWithUtils';
import 'intl-tel-input/styles';
import { centreOf, eventLatency, frames, longTaskReport, resetLongTasks, until } from './harness.js';

let container;
const list = () => container.querySelector('.iti__country-list');
const isOpen = () => list()?.checkVisibility() === true;

window.bench = {
  library: 'theirs',
  async ready() {
    const input = document.createElement('input');
    input.type = 'tel';
    input.setAttribute('aria-label', 'Phone number');
    document.body.append(input);
    const iti = intlTelInput(input, { initialCountry: 'us' });
    await iti.promise;
    container = input.closest('.iti');
    await frames(2);
  },
  listTarget: () => centreOf(container.querySelector('.iti__selected-country')),
  clicks: eventLatency('click', 'click'),
  listState: () => ({ open: isOpen(), options: list().querySelectorAll('.iti__country').length }),
  async listClosed() {
    await until(() => !isOpen(), 'the list to close');
    await frames(2);
  },
  longTaskReport,
  resetLongTasks,
};
