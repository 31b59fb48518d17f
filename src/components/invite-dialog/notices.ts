import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AttemptState } from '../../controllers/dial-out-controller.js';
import type { SmsSendState } from '../../controllers/sms-send-controller.js';

export interface NoticeAction {
  label: string;
  run(): void;
}

/** One notice at the upper corner: a call attempt or an SMS send. */
export interface Notice {
  key: string;
  /** Orders notices: newest first. */
  startedAt: number;
  /** A state class for styling (`ringing`, `joined`, `sent`…). */
  state: AttemptState | SmsSendState;
  text: string;
  /** More about a failure. Untrusted text. */
  detail?: string | undefined;
  /** Announced assertively and drawn as a failure, rather than a polite status. */
  alert: boolean;
  actions: NoticeAction[];
  /** Present once the notice may be closed. */
  dismiss?: (() => void) | undefined;
}

/** A button for one thing that may be done with a call or an SMS: in a notice, or in the list of calls. */
export function renderAction(action: NoticeAction): TemplateResult {
  return html`<button class="secondary" @click=${action.run}>${action.label}</button>`;
}

function renderNotice(notice: Notice, dismissLabel: string): TemplateResult {
  return html`<div part="notice" class="notice ${notice.state}${notice.alert ? ' alert' : ''}">
    <p class="notice-text">${notice.text}</p>
    ${notice.detail ? html`<p class="notice-detail">${notice.detail}</p>` : nothing}
    <div class="notice-actions">
      ${notice.actions.map(renderAction)}
      ${notice.dismiss
        ? html`<button class="dismiss" aria-label=${dismissLabel} @click=${notice.dismiss}><span aria-hidden="true">×</span></button>`
        : nothing}
    </div>
  </div>`;
}

/**
 * The newest `max` notices in two live regions, polite and assertive, both always present so that
 * a screen reader hears what is added to them. As a popover when `popover` is set.
 */
export function renderNotices(
  notices: readonly Notice[],
  options: { popover: boolean; max: number; dismissLabel: string },
): TemplateResult {
  const shown = [...notices].sort((a, b) => b.startedAt - a.startedAt).slice(0, options.max);
  const region = (alert: boolean) =>
    repeat(
      shown.filter((notice) => notice.alert === alert),
      (notice) => notice.key,
      (notice) => renderNotice(notice, options.dismissLabel),
    );
  return html`<div part="notices" popover=${options.popover ? 'manual' : nothing}>
    <div class="region" role="status">${region(false)}</div>
    <div class="region" role="alert">${region(true)}</div>
  </div>`;
}
