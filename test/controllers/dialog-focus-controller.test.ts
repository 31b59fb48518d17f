import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import { DialogFocusController } from '../../src/controllers/dialog-focus-controller.js';

/** A field that is always there, and a button that can be hidden, disabled or shown. */
class FocusHost extends LitElement {
  static override properties = { button: { state: true } };
  button: 'shown' | 'disabled' | 'gone' = 'gone';
  readonly keeper = new DialogFocusController(this, () => this.renderRoot.querySelector<HTMLElement>('input'));

  protected override render() {
    return html`<input />${this.button === 'gone' ? nothing : html`<button ?disabled=${this.button === 'disabled'}>Go</button>`}`;
  }
}
customElements.define('focus-host', FocusHost);

const active = (host: FocusHost) => host.shadowRoot!.activeElement?.localName;

describe('DialogFocusController', () => {
  it('focuses what it is asked to once an update renders it', async () => {
    const host = await fixture<FocusHost>(html`<focus-host></focus-host>`);
    host.keeper.moveTo(() => host.renderRoot.querySelector('button'));
    expect(active(host), 'not there yet').to.equal(undefined);
    host.button = 'shown';
    await host.updateComplete;
    expect(active(host)).to.equal('button');
  });

  it('hands focus to the fallback when the focused control goes away or disables itself', async () => {
    const host = await fixture<FocusHost>(html`<focus-host></focus-host>`);
    for (const change of ['gone', 'disabled'] as const) {
      host.button = 'shown';
      await host.updateComplete;
      host.renderRoot.querySelector('button')!.focus();
      expect(active(host)).to.equal('button');
      host.button = change;
      await host.updateComplete;
      expect(active(host), `the button is ${change}`).to.equal('input');
    }
  });

  it('leaves focus alone when it moved on to something that is still there', async () => {
    const host = await fixture<FocusHost>(html`<focus-host></focus-host>`);
    host.button = 'shown';
    await host.updateComplete;
    host.renderRoot.querySelector('button')!.focus();
    host.requestUpdate();
    await host.updateComplete;
    expect(active(host)).to.equal('button');
  });
});
