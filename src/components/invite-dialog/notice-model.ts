import type { AttemptState, CallAttempt, DialOutController } from '../../controllers/dial-out-controller.js';
import type { Permissions } from '../../controllers/permissions-controller.js';
import type { SmsSend, SmsSendController, SmsSendState } from '../../controllers/sms-send-controller.js';
import type { InviteStrings } from '../../i18n/index.js';
import type { InviteErrorCode } from '../../transport/errors.js';
import type { Confirmation } from './repeat-confirmation.js';

export interface NoticeAction {
  label: string;
  run(): void;
  /** It cannot work now: the backend asked to wait. */
  disabled?: boolean;
}

/**
 * How a notice is drawn: a call or text under way, one that worked, one that ended as calls
 * ordinarily do (busy, no answer), or a failure that needs the person. Never by colour alone.
 */
export type NoticeTone = 'progress' | 'success' | 'ended' | 'failure';

/** One notice at the upper corner: a call attempt or an SMS send. */
export interface Notice {
  key: string;
  /** Orders notices: newest first. */
  startedAt: number;
  /** A state class for styling (`ringing`, `joined`, `sent`…). */
  state: AttemptState | SmsSendState;
  text: string;
  /** Seconds since a call that has not ended was placed. */
  elapsed?: number | undefined;
  /** More about a failure. Untrusted text. */
  detail?: string | undefined;
  /** Announced assertively rather than politely. */
  alert: boolean;
  tone: NoticeTone;
  actions: NoticeAction[];
  /** Present once the notice may be closed. */
  dismiss?: (() => void) | undefined;
}

/** A notice announced assertively rather than politely (how it is drawn is its tone). */
const ALERT = 1;
/** A notice that offers to call or send again: the attempt has ended. */
const AGAIN = 2;
/** It worked. */
const SUCCESS = 4;
/** It failed, or its outcome is unknown: drawn in the alert colour. */
const FAILURE = 8;

/** What a call's notice is in each state: a state added without saying fails the type check. */
const CALL_NOTICES = {
  dialing: 0,
  ringing: 0,
  answered: 0,
  joined: SUCCESS,
  'no-answer': ALERT | AGAIN,
  busy: ALERT | AGAIN,
  rejected: ALERT | AGAIN,
  failed: ALERT | AGAIN | FAILURE,
  canceled: AGAIN,
  unknown: ALERT | FAILURE,
} satisfies Record<AttemptState, number>;

/** The same for an SMS. */
const SMS_NOTICES = { sending: 0, sent: AGAIN | SUCCESS, failed: ALERT | AGAIN | FAILURE, unknown: ALERT | AGAIN | FAILURE } satisfies Record<SmsSendState, number>;

function toneOf(flags: number): NoticeTone {
  return flags & FAILURE ? 'failure' : flags & SUCCESS ? 'success' : flags & AGAIN ? 'ended' : 'progress';
}

/** How an attempt is drawn, in the list and in its notice. */
export function callTone(attempt: CallAttempt): NoticeTone {
  return toneOf(CALL_NOTICES[attempt.state]);
}

/** What the notices are built from: the dialog's state, read when they are rendered. */
export interface NoticeSources {
  strings: InviteStrings;
  /** An E.164 number as the person reads it. */
  display(phoneNumber: string): string;
  /** What the person may do now; undefined while nothing may be offered. */
  offered: Permissions | undefined;
  dialOut: DialOutController;
  sms: SmsSendController;
  /** Asks the person to confirm doing it again. */
  askAgain(confirmation: Confirmation): void;
}

/** The message for an error code, in the person's language; an unknown code as a generic failure. */
export function errorText(strings: InviteStrings, code: string): string {
  const errors: Record<InviteErrorCode, string> = strings.errors;
  // Own keys only: a code such as `constructor` is unknown, not a property of every object.
  return errors[Object.hasOwn(errors, code) ? (code as InviteErrorCode) : 'unknown'];
}

/** What an attempt says, in the list and in its notice. */
export function attemptText(attempt: CallAttempt, sources: NoticeSources): string {
  // Typed here so that a state added without its words fails the type check.
  const words: Record<AttemptState, (phoneNumber: string) => string> = sources.strings.callState;
  const text = words[attempt.state](sources.display(attempt.phoneNumber));
  // The name as typed, isolated so that its direction never reorders the sentence.
  return attempt.displayName ? sources.strings.named(`\u2068${attempt.displayName}\u2069`, text) : text;
}

function attemptDetail(attempt: CallAttempt, strings: InviteStrings): string | undefined {
  // A failed call carries the backend's reason, meant for the person; a rejection only a code,
  // read in the person's language.
  if (attempt.state === 'failed') return attempt.reason ?? (attempt.errorCode && errorText(strings, attempt.errorCode));
  return undefined;
}

/** What may be done with an attempt now, in the list and in its notice. */
export function callActions(attempt: CallAttempt, sources: NoticeSources): NoticeAction[] {
  const { strings, dialOut } = sources;
  const actions = [];
  if (dialOut.canCancel(attempt)) actions.push({ label: strings.cancelCall, run: () => dialOut.cancel(attempt) });
  // Not while the same number rings again from a newer attempt.
  if (sources.offered?.dialOut && CALL_NOTICES[attempt.state] & AGAIN && !dialOut.isCalling(attempt.phoneNumber)) {
    actions.push({
      label: strings.callAgain,
      run: () => sources.askAgain({ action: 'call', phoneNumber: attempt.phoneNumber, ...(attempt.displayName ? { displayName: attempt.displayName } : {}) }),
      disabled: dialOut.retry.secondsLeft > 0,
    });
  }
  return actions;
}

function callNotice(attempt: CallAttempt, sources: NoticeSources): Notice {
  return {
    key: `call-${attempt.id}`,
    startedAt: attempt.startedAt,
    state: attempt.state,
    text: attemptText(attempt, sources),
    elapsed: attempt.settled ? undefined : sources.dialOut.elapsed(attempt),
    detail: attemptDetail(attempt, sources.strings),
    alert: (CALL_NOTICES[attempt.state] & ALERT) > 0,
    tone: callTone(attempt),
    actions: callActions(attempt, sources),
    dismiss: attempt.settled ? () => sources.dialOut.dismiss(attempt) : undefined,
  };
}

function smsNotice(send: SmsSend, sources: NoticeSources): Notice {
  const { strings, sms } = sources;
  const again: Confirmation = { action: 'sms', phoneNumber: send.phoneNumber, message: send.message };
  return {
    key: `sms-${send.id}`,
    startedAt: send.startedAt,
    state: send.state,
    text: (strings.smsState satisfies Record<SmsSendState, unknown>)[send.state](sources.display(send.phoneNumber)),
    detail: send.errorCode ? errorText(strings, send.errorCode) : undefined,
    alert: (SMS_NOTICES[send.state] & ALERT) > 0,
    tone: toneOf(SMS_NOTICES[send.state]),
    actions:
      sources.offered?.sms && SMS_NOTICES[send.state] & AGAIN && !sms.isSending(send.phoneNumber)
        ? [{ label: strings.sendAgain, run: () => sources.askAgain(again), disabled: sms.retry.secondsLeft > 0 }]
        : [],
    dismiss: send.state === 'sending' ? undefined : () => sms.dismiss(send),
  };
}

/**
 * The notice of the newest call or SMS, unless the person has dismissed it: the open dialog's one
 * live status. Older calls are in its list, each once.
 */
export function newestNotice(sources: NoticeSources): Notice | undefined {
  const records = [...sources.dialOut.attempts, ...sources.sms.sends];
  const newest = records.reduce<(typeof records)[number] | undefined>((last, record) => (last && last.startedAt >= record.startedAt ? last : record), undefined);
  if (!newest || newest.dismissed) return undefined;
  return 'settled' in newest ? callNotice(newest, sources) : smsNotice(newest, sources);
}

/** A notice for every call and SMS of this session that the person has not dismissed. */
export function buildNotices(sources: NoticeSources): Notice[] {
  return [
    ...sources.dialOut.attempts.filter((attempt) => !attempt.dismissed).map((attempt) => callNotice(attempt, sources)),
    ...sources.sms.sends.filter((send) => !send.dismissed).map((send) => smsNotice(send, sources)),
  ];
}
