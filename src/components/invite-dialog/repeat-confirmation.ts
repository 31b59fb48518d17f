import { html, type TemplateResult } from 'lit';
import type { InviteStrings } from '../../i18n/index.js';
import { withNumbers } from './notices.js';

/** What waits for the person's confirmation before it is done again. */
export interface Confirmation {
  action: 'call' | 'sms';
  phoneNumber: string;
  message?: string;
  /** The invitee's name given with the call. */
  displayName?: string | undefined;
}

/**
 * Calling or texting a number again happens only once the person confirms it: the question, in a
 * modal `<dialog>` the host opens with `showModal()` once `asking` is rendered in it, with the
 * number as the person reads it. Cancel, the safe choice, has focus. `answer` is told which
 * button was pressed; `closed`, that the dialog closed, however (a button, Escape).
 */
export function renderConfirmation(
  asking: Confirmation | undefined,
  number: string,
  strings: InviteStrings,
  answer: (confirmed: boolean) => void,
  closed: () => void,
): TemplateResult {
  const sms = asking?.action === 'sms';
  return html`<dialog part="confirm" aria-labelledby="confirm-text" @close=${closed}>
    <p id="confirm-text">${asking ? withNumbers(sms ? strings.confirmSendAgain(number) : strings.confirmCallAgain(number)) : ''}</p>
    <div class="actions">
      <button class="secondary" autofocus @click=${() => answer(false)}>${strings.cancel}</button>
      <button class="primary" @click=${() => answer(true)}>${sms ? strings.sendAgain : strings.callAgain}</button>
    </div>
  </dialog>`;
}
