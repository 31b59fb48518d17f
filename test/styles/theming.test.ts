import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { InviteDialog } from '../../src/index.js';
import { ManualTransport, settle } from '../helpers/manual-transport.js';

async function openDialog(attributes: { dir?: string } = {}): Promise<InviteDialog> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div dir=${attributes.dir ?? 'ltr'}>
      <invite-dialog user-role="owner" default-country="US" .transport=${new ManualTransport()}></invite-dialog>
    </div>`,
  );
  const dialog = wrapper.querySelector('invite-dialog')!;
  dialog.show();
  await settle(dialog);
  return dialog;
}

function inner(dialog: InviteDialog, selector: string): HTMLElement {
  return dialog.shadowRoot!.querySelector<HTMLElement>(selector)!;
}

describe('theming', () => {
  let sheet: HTMLStyleElement | undefined;
  afterEach(() => sheet?.remove());

  function pageStyles(css: string): void {
    sheet = document.createElement('style');
    sheet.textContent = css;
    document.head.append(sheet);
  }

  it('takes design tokens set by the host on the element', async () => {
    pageStyles('invite-dialog { --invite-color-accent: rgb(200, 0, 100); --invite-radius: 0px; }');
    const dialog = await openDialog();
    const call = inner(dialog, '[part="call-button"]');
    expect(getComputedStyle(call).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(call).backgroundColor).to.equal('rgb(200, 0, 100)');
  });

  it('lets the host style the nested picker and composer through exported parts', async () => {
    pageStyles(`
      invite-dialog::part(country-combobox) { border-color: rgb(1, 2, 3); }
      invite-dialog::part(message-textarea) { border-color: rgb(4, 5, 6); }
    `);
    const dialog = await openDialog();
    const picker = inner(dialog, 'country-picker');
    const combobox = picker.shadowRoot!.querySelector<HTMLElement>('[part="combobox"]')!;
    expect(getComputedStyle(combobox).borderTopColor).to.equal('rgb(1, 2, 3)');
    inner(dialog, '#tab-sms').click();
    await settle(dialog);
    const textarea = inner(dialog, 'sms-composer').shadowRoot!.querySelector('textarea')!;
    expect(getComputedStyle(textarea).borderTopColor).to.equal('rgb(4, 5, 6)');
  });

  it('turns dark when the host asks for it, and light again', async () => {
    pageStyles('invite-dialog.dark { color-scheme: dark; } invite-dialog.light { color-scheme: light; }');
    const dialog = await openDialog();
    const surface = () => getComputedStyle(inner(dialog, 'dialog[part="dialog"]')).backgroundColor;
    dialog.classList.add('light');
    expect(surface()).to.equal('rgb(255, 255, 255)');
    dialog.classList.replace('light', 'dark');
    expect(surface()).to.equal('rgb(36, 38, 43)');
  });

  it('mirrors its layout right to left, numbers still left to right', async () => {
    const dialog = await openDialog({ dir: 'rtl' });
    const tabs = inner(dialog, '[part="tabs"]').getBoundingClientRect();
    const panel = inner(dialog, '#panel-call').getBoundingClientRect();
    expect(tabs.left, 'the tabs stand on the right').to.be.greaterThan(panel.left);
    const input = inner(dialog, '#call-number');
    expect(getComputedStyle(input).direction).to.equal('ltr');
    await expect(dialog).shadowDom.to.be.accessible();
  });
});
