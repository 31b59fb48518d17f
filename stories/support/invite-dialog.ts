import { expect, userEvent, waitFor } from 'storybook/test';
import type { InviteDialog } from '../../src/index.js';
import { enter, until } from './docs-page.js';

/** The dialog a story rendered. */
export function findDialog(canvasElement: HTMLElement): InviteDialog {
  const dialog = canvasElement.querySelector('invite-dialog');
  if (!dialog) throw new Error('the story rendered no <invite-dialog>');
  return dialog;
}

/** One element of the dialog's shadow DOM; throws when it is not there. */
export function inside<T extends Element = HTMLElement>(dialog: InviteDialog, selector: string): T {
  const element = dialog.shadowRoot?.querySelector<T>(selector);
  if (!element) throw new Error(`nothing in <invite-dialog> matches ${selector}`);
  return element;
}

/** Text without the bidi isolates that surround phone numbers. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

/** What the notices say. */
export function noticesText(dialog: InviteDialog): string {
  return plain(dialog.shadowRoot?.querySelector('[part="notices"]')?.textContent);
}

/** Waits until the dialog is open and has asked the transport what may be offered. */
export async function whenOffered(dialog: InviteDialog, tabs: number): Promise<void> {
  await waitFor(() => expect(inside<HTMLDialogElement>(dialog, 'dialog[part="dialog"]').open).toBe(true));
  await waitFor(() => expect(dialog.shadowRoot?.querySelectorAll('[role="tab"]')).toHaveLength(tabs));
}

/** Types `number` in the phone field of the panel shown, as a person would. */
export async function typeNumber(dialog: InviteDialog, panel: 'call' | 'sms', number: string): Promise<HTMLInputElement> {
  const input = inside<HTMLInputElement>(dialog, `#${panel}-number`);
  await userEvent.type(input, number);
  // Formatted as typed, every digit kept.
  const digits = (text: string) => text.replace(/\D/g, '');
  await waitFor(() => expect(digits(input.value)).toBe(digits(number)));
  return input;
}

/** Places a call to `number` from the Call panel. */
export async function placeCall(dialog: InviteDialog, number: string): Promise<void> {
  await typeNumber(dialog, 'call', number);
  const button = inside<HTMLButtonElement>(dialog, '[part="call-button"]');
  await waitFor(() => expect(button.disabled).toBe(false));
  await userEvent.click(button);
}

/** Waits for a notice in `state` (its class: `ringing`, `joined`, `sent`…). */
export async function whenNotice(dialog: InviteDialog, state: string, timeout = 3000): Promise<HTMLElement> {
  let notice: HTMLElement | null | undefined;
  await waitFor(
    () => {
      notice = dialog.shadowRoot?.querySelector<HTMLElement>(`[part="notice"].${state}`);
      expect(notice).toBeTruthy();
    },
    { timeout },
  );
  return notice as HTMLElement;
}

/** The button labelled `label` in a notice. */
export function noticeButton(notice: HTMLElement, label: string): HTMLButtonElement {
  const button = [...notice.querySelectorAll('button')].find((candidate) => plain(candidate.textContent) === label);
  if (!button) throw new Error(`no notice button "${label}"`);
  return button;
}

// On a Docs page (docs-page.ts): the same steps, without focus or keys.

/** Once the dialog is open and offers `tabs` ways to invite. */
export async function shownOffered(dialog: InviteDialog, tabs: number): Promise<void> {
  await until(() => dialog.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part="dialog"]')?.open, 'the open dialog');
  await until(() => dialog.shadowRoot?.querySelectorAll('[role="tab"]').length === tabs, `${tabs} ways to invite`);
  // The phone rules: the number is laid out as it would be typed.
  await dialog.updateComplete;
}

/** `number` in the phone field of the panel shown, as if pasted. */
export function enterNumber(dialog: InviteDialog, panel: 'call' | 'sms', number: string): HTMLInputElement {
  const input = inside<HTMLInputElement>(dialog, `#${panel}-number`);
  enter(input, number);
  return input;
}

/** The notice in `state`, once it is there. */
export function shownNotice(dialog: InviteDialog, state: string): Promise<HTMLElement> {
  return until(() => dialog.shadowRoot?.querySelector<HTMLElement>(`[part="notice"].${state}`), `a notice in state ${state}`);
}

/** Presses `button` once it may be pressed. */
async function press(button: HTMLButtonElement): Promise<void> {
  await until(() => !button.disabled, `${plain(button.textContent) || button.getAttribute('aria-label')} enabled`);
  button.click();
}

/**
 * A call to `number` placed from the Call panel, until its notice is in `state`; then `after`, if
 * given, with that notice. A `show` for `docsShows()`.
 */
export function callShown(number: string, state: string, after?: (dialog: InviteDialog, notice: HTMLElement) => Promise<unknown>) {
  return async (canvasElement: HTMLElement): Promise<void> => {
    const dialog = findDialog(canvasElement);
    await shownOffered(dialog, 2);
    enterNumber(dialog, 'call', number);
    await press(inside<HTMLButtonElement>(dialog, '[part="call-button"]'));
    const notice = await shownNotice(dialog, state);
    await after?.(dialog, notice);
  };
}

/** An SMS sent to `number` from the SMS panel, until its notice is in `state`. A `show` for `docsShows()`. */
export function textShown(number: string, state: string) {
  return async (canvasElement: HTMLElement): Promise<void> => {
    const dialog = findDialog(canvasElement);
    await shownOffered(dialog, 2);
    enterNumber(dialog, 'sms', number);
    await press(inside<HTMLButtonElement>(dialog, '[part="send-button"]'));
    await shownNotice(dialog, state);
  };
}
