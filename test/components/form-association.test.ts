import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/country-picker.js';
import '../../src/sms-composer.js';
import type { CountryPicker } from '../../src/country-picker.js';
import type { SmsComposer } from '../../src/sms-composer.js';

function shadowPart(element: CountryPicker | SmsComposer, name: string): HTMLElement {
  const found = element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

/** Every value and state `element` gives its form from now on, as `[value, state]`. */
function recordFormValues(element: CountryPicker | SmsComposer): unknown[][] {
  const calls: unknown[][] = [];
  const internals = (element as unknown as { internals: ElementInternals }).internals;
  const setFormValue = internals.setFormValue.bind(internals);
  internals.setFormValue = (...args: Parameters<ElementInternals['setFormValue']>) => {
    calls.push(args);
    setFormValue(...args);
  };
  return calls;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

// The order matters: the first test needs a page that has not loaded the country data yet.
describe('the form elements in a form', () => {
  it('a <country-picker> is invalid when required, and submits its value, from the moment it is connected', async () => {
    const form = document.createElement('form');
    // As the parser makes them: attributes first (a form takes the name from the attribute).
    const required = document.createElement('country-picker');
    required.setAttribute('required', '');
    const chosen = document.createElement('country-picker');
    chosen.setAttribute('name', 'country');
    chosen.setAttribute('allowed-countries', 'US CA FR');
    chosen.setAttribute('value', 'fr');
    const refused = document.createElement('country-picker');
    refused.setAttribute('name', 'refused');
    refused.setAttribute('value', 'FR');
    form.append(required, chosen, refused);
    document.body.append(form);

    let arrived = false;
    void Promise.all([required.updateComplete, chosen.updateComplete]).then(() => (arrived = true));
    const check = (when: string) => {
      expect(required.validity.valueMissing, `required, ${when}`).to.equal(true);
      expect(form.checkValidity(), when).to.equal(false);
      expect(new FormData(form).get('country'), when).to.equal('FR');
      expect(new FormData(form).get('refused'), `not allowed, ${when}`).to.equal(null);
    };
    check('as it connects');
    // Every frame until the country data has arrived, and once it has.
    for (let frame = 1; !arrived; frame += 1) {
      await nextFrame();
      check(`frame ${frame}`);
    }
    check('once its countries arrived');
    required.value = 'CA';
    await required.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    form.remove();
  });

  it('an <sms-composer> in a disabled fieldset is disabled inside: its text box can be neither focused nor typed into', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <input aria-label="Before" />
        <fieldset disabled><sms-composer name="message" message-template="Hi"></sms-composer></fieldset>
        <button type="button">After</button>
      </form>`,
    );
    const composer = form.querySelector('sms-composer')!;
    await composer.updateComplete;
    const textarea = shadowPart(composer, 'textarea') as HTMLTextAreaElement;
    expect(textarea.disabled).to.equal(true);
    textarea.focus();
    composer.focus();
    expect(composer.shadowRoot!.activeElement, 'focus() does not reach it').to.equal(null);
    form.querySelector('input')!.focus();
    // Tab stays in the page (past its last control, Firefox would leave the page, and the keyboard
    // tests that run next in this browser with it).
    await sendKeys({ press: 'Tab' });
    expect(composer.shadowRoot!.activeElement, 'Tab passes it by').to.equal(null);
    expect(document.activeElement?.textContent).to.equal('After');
    await sendKeys({ type: 'x' });
    expect(composer.value).to.equal('Hi');

    form.querySelector('fieldset')!.disabled = false;
    await composer.updateComplete;
    expect(textarea.disabled).to.equal(false);
    textarea.focus();
    await sendKeys({ type: 'x' });
    await composer.updateComplete;
    expect(composer.value).to.contain('x');
  });

  it('a <country-picker> in a disabled fieldset cannot be opened, and can once the fieldset is enabled', async () => {
    const fieldset = await fixture<HTMLFieldSetElement>(html`<fieldset disabled><country-picker value="US"></country-picker></fieldset>`);
    const picker = fieldset.querySelector('country-picker')!;
    await picker.updateComplete;
    const combobox = shadowPart(picker, 'combobox');
    combobox.click();
    await picker.updateComplete;
    expect(combobox.getAttribute('aria-expanded')).to.equal('false');
    expect(combobox.getAttribute('aria-disabled')).to.equal('true');
    expect(combobox.tabIndex).to.equal(-1);

    fieldset.disabled = false;
    await picker.updateComplete;
    combobox.click();
    await picker.updateComplete;
    expect(combobox.getAttribute('aria-expanded')).to.equal('true');
  });

  it('an <sms-composer> gives its form its edited text as its state, and takes it back as back/forward navigation restores it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><sms-composer name="message" message-template="Hi"></sms-composer></form>`);
    const composer = form.querySelector('sms-composer')!;
    await composer.updateComplete;
    const formValues = recordFormValues(composer);
    composer.inviterName = 'Ada';
    await composer.updateComplete;
    expect(formValues.at(-1), 'a text that follows the template keeps no state: it follows the template again').to.deep.equal(['Hi', null]);
    const textarea = shadowPart(composer, 'textarea') as HTMLTextAreaElement;
    textarea.focus();
    textarea.setSelectionRange(2, 2);
    await sendKeys({ type: ' there' });
    await composer.updateComplete;
    const [value, state] = formValues.at(-1)!;
    expect(value).to.equal('Hi there');
    expect(state, 'an edited text is its state').to.be.instanceOf(FormData);
    expect((state as FormData).get('text')).to.equal('Hi there');

    // What the browser does with those states when the person comes back to the page.
    const restored = await fixture<HTMLFormElement>(
      html`<form>
        <sms-composer name="edited" message-template="Hello"></sms-composer>
        <sms-composer name="unedited" message-template="Hello"></sms-composer>
      </form>`,
    );
    const [edited, unedited] = [...restored.querySelectorAll('sms-composer')] as [SmsComposer, SmsComposer];
    edited.formStateRestoreCallback(state as FormData, 'restore');
    unedited.formStateRestoreCallback(null, 'restore');
    await Promise.all([edited.updateComplete, unedited.updateComplete]);
    unedited.formStateRestoreCallback('FR', 'restore');
    await unedited.updateComplete;
    expect(unedited.value, 'a country picker’s state is no message').to.equal('Hello');
    expect(edited.value).to.equal('Hi there');
    expect(edited.shadowRoot!.querySelector('[part="button"]')?.textContent, 'edited: the default text is offered back').to.contain('default');
    expect(unedited.value).to.equal('Hello');
    const data = new FormData(restored);
    expect([data.get('edited'), data.get('unedited')]).to.deep.equal(['Hi there', 'Hello']);
  });

  it('a <country-picker> gives its form its value as its state, and takes it back as back/forward navigation restores it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><country-picker name="country" allowed-countries="US CA FR" value="US"></country-picker></form>`);
    const picker = form.querySelector('country-picker')!;
    await picker.updateComplete;
    const formValues = recordFormValues(picker);
    picker.value = 'FR';
    await picker.updateComplete;
    expect(formValues.at(-1)).to.deep.equal(['FR', 'FR']);

    const restored = await fixture<HTMLFormElement>(html`<form><country-picker name="country" allowed-countries="US CA FR" value="US"></country-picker></form>`);
    const restoredPicker = restored.querySelector('country-picker')!;
    restoredPicker.formStateRestoreCallback('FR', 'restore');
    await restoredPicker.updateComplete;
    const composerState = new FormData();
    composerState.set('text', 'Hi');
    restoredPicker.formStateRestoreCallback(composerState, 'restore');
    await restoredPicker.updateComplete;
    expect(restoredPicker.value, 'a composer’s state is no country').to.equal('FR');
    expect(new FormData(restored).get('country')).to.equal('FR');
  });

  it('both get their state back on a real back/forward navigation, and never another element’s', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const page = () => frame.contentDocument!;
    const elements = (form: string) => [page().querySelector(`#${form} sms-composer`) as SmsComposer, page().querySelector(`#${form} country-picker`) as CountryPicker] as const;
    // Until a document has completely loaded, a navigation from it replaces it in the history: wait for that.
    const load = async (url: string, navigate: () => void) => {
      navigate();
      await waitUntil(
        () => page().readyState === 'complete' && frame.contentWindow!.location.href.endsWith(url) && frame.contentWindow!.customElements.get('sms-composer'),
        `at ${url}`,
        // A first load in a busy browser: the page, then its modules.
        { timeout: 15000 },
      );
      for (const element of [...elements('picker-first'), ...elements('composer-first')]) await element.updateComplete;
    };
    const url = '/test/components/form-association.html';
    await load(url, () => (frame.src = url));
    for (const form of ['picker-first', 'composer-first']) {
      const [composer, picker] = elements(form);
      composer.value = `Edited in ${form}`;
      picker.value = 'FR';
    }
    const entries = history.length;
    await load(`${url}?elsewhere`, () => (frame.src = `${url}?elsewhere`));
    // Else going back would take the test page itself away.
    expect(history.length, 'the frame’s navigation is an entry in the history').to.equal(entries + 1);
    await load(url, () => history.back());

    const [composer, picker] = elements('picker-first');
    expect([composer.value, picker.value]).to.deep.equal(['Edited in picker-first', 'FR']);
    // Firefox pairs elements with saved states in the order their tags were defined, not in the form's
    // order: here it hands the composer the picker's state, which the composer refuses.
    const [otherComposer, otherPicker] = elements('composer-first');
    expect(['Edited in composer-first', 'Hi']).to.include(otherComposer.value);
    expect(['FR', 'US']).to.include(otherPicker.value);
    frame.remove();
  });
});
