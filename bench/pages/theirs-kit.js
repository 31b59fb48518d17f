// intl-tel-input as a host uses it in a modal: an <input type=tel> in a native <dialog>,
// initialised with intlTelInput() (utils bundled), and the host's own validity check on input.
// `installBench(build)` takes the page's own DOM: `build()` returns the dialog, the phone field
// in it and its Call button (theirs-dialog.js: the bare minimum; theirs-same-dialog.js: the
// dialog invite-elements shows).
import intlTelInput from 'intl-tel-input/intlTelInputWithUtils';
import 'intl-tel-input/styles';
import { eventLatency, frames, longTaskReport, openCloseCycles, resetLongTasks, until, untilPainted } from './harness.js';

/** @param {() => { dialog: HTMLDialogElement, input: HTMLInputElement, button: HTMLButtonElement }} build */
export function installBench(build) {
  let dialog;
  let input;
  let iti;
  let button;

  function createDialog() {
    if (dialog) {
      iti.destroy();
      dialog.remove();
    }
    ({ dialog, input, button } = build());
    document.body.append(dialog);
    iti = intlTelInput(input, { initialCountry: 'us', strictMode: true, formatAsYouType: true });
    // Validation as a host adds it: intl-tel-input formats on input but validates only when asked.
    input.addEventListener('input', () => {
      const valid = iti.isValidNumber() === true;
      input.setAttribute('aria-invalid', valid || input.value === '' ? 'false' : 'true');
      button.disabled = !valid;
    });
    return iti.promise;
  }

  const focusInField = () => dialog.open && document.activeElement === input;

  function show() {
    return untilPainted(() => {
      dialog.showModal();
      input.focus();
    }, focusInField);
  }

  async function close() {
    dialog.close();
    await frames(2);
  }

  const keys = eventLatency('keydown', 'input');

  window.bench = {
    library: 'theirs',
    async ready() {
      await createDialog();
      await frames(2);
    },
    /** `fresh`: a new dialog and widget, initialised before the clock starts, shown for the first time. */
    async open(fresh) {
      if (fresh) await this.prepareFresh();
      return show();
    },
    /** The untimed part of a fresh opening (npm run bench:profile traces only what follows). */
    async prepareFresh() {
      await createDialog();
      await frames(2);
    },
    close,
    cycles: (count) => openCloseCycles(count, show, close),
    async startTyping() {
      dialog.showModal();
      input.focus();
      await until(focusInField, 'the phone field');
      await frames(2);
    },
    keys,
    typed() {
      return { value: input.value, valid: iti.isValidNumber() === true };
    },
    longTaskReport,
    resetLongTasks,
  };
}
