import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { attemptText, callActions, callTone, type Notice, type NoticeAction, type NoticeSources } from './notice-model.js';

/**
 * A sentence with the phone numbers in it kept whole: each number is an isolated left-to-right run
 * (see `ltr()`), drawn so that it never breaks across lines.
 */
export function withNumbers(text: string): Array<string | TemplateResult> {
  return text.split(/(\u2066[^\u2069]*\u2069)/).map((part) => (part.startsWith('\u2066') ? html`<span class="number">${part}</span>` : part));
}

/** A button for one thing that may be done with a call or an SMS: in a notice, or in the list of calls. */
function renderAction(action: NoticeAction, describedBy?: string): TemplateResult {
  // The label is the button's only text: its name, with the call it acts on as its description.
  const describe = describedBy ?? nothing;
  return html`<button class="secondary" aria-describedby=${describe} ?disabled=${action.disabled} @click=${action.run}>${action.label}</button>`;
}

/** Minutes and seconds: `1:05`. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** How many calls the list shows until the person asks for all of them. */
const CALLS_SHOWN = 3;

/**
 * The calls placed in this session, newest first, each with what may be done with it now: the
 * last few, or all of them once `showAll` is asked for. The call whose notice the dialog shows,
 * `shown`, is not listed again.
 */
export function renderAttempts(
  sources: NoticeSources,
  shown: Notice | undefined,
  all: boolean,
  showAll: () => void,
): TemplateResult | typeof nothing {
  const attempts = sources.dialOut.attempts.filter((attempt) => shown?.key !== `call-${attempt.id}`);
  if (attempts.length === 0) return nothing;
  const hidden = all ? 0 : attempts.length - CALLS_SHOWN;
  return html`<section class="attempts" aria-labelledby="attempts-title">
    <h3 id="attempts-title">${sources.strings.attemptsTitle}</h3>
    <ul part="attempts">
      ${attempts.slice(0, hidden > 0 ? CALLS_SHOWN : undefined).map(
        (attempt) => html`<li class="attempt ${attempt.state} ${callTone(attempt)}" data-attempt=${attempt.id}>
          <span class="attempt-text" id="attempt-${attempt.id}"
            >${withNumbers(attemptText(attempt, sources))}${attempt.settled
              ? nothing
              : html` <span class="note">${clock(sources.dialOut.elapsed(attempt))}</span>`}</span
          >
          <span class="attempt-actions">
            ${callActions(attempt, sources).map((action) => renderAction(action, `attempt-${attempt.id}`))}
          </span>
        </li>`,
      )}
    </ul>
    ${hidden > 0
      ? html`<button class="secondary show-all" @click=${showAll}>${sources.strings.showAllCalls(attempts.length)}</button>`
      : nothing}
  </section>`;
}

/** The most of a backend's reason that is shown: a stack trace or a megabyte of text is not for a person. */
const DETAIL_MAX = 600;

/**
 * A failure's detail, untrusted text of any length: cut to `DETAIL_MAX` characters and drawn a few
 * lines high, the rest reachable by scrolling it (with the keyboard too, once it is long).
 */
function renderDetail(detail: string): TemplateResult {
  const long = detail.length > 120;
  const text = detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX)}…` : detail;
  return html`<p class="notice-detail" tabindex=${long ? '0' : nothing}>${text}</p>`;
}

function renderNotice(notice: Notice, dismissLabel: string): TemplateResult {
  // The clock is not announced each second: it is a timer, not part of the live status.
  // A success fades (see the styles), and once it has it is dismissed.
  const faded = (event: AnimationEvent) => {
    if (event.animationName === 'fade-out') notice.dismiss?.();
  };
  return html`<div part="notice" class="notice ${notice.state} ${notice.tone}" data-notice=${notice.key} @animationend=${faded}>
    <p class="notice-text">${withNumbers(notice.text)}</p>
    ${notice.elapsed === undefined ? nothing : html`<span class="note" role="timer">${clock(notice.elapsed)}</span>`}
    ${notice.dismiss
      ? html`<button class="dismiss" aria-label=${dismissLabel} @click=${notice.dismiss}><span aria-hidden="true">×</span></button>`
      : nothing}
    ${notice.detail ? renderDetail(notice.detail) : nothing}
    <div class="notice-actions">${notice.actions.map((action) => renderAction(action))}</div>
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
