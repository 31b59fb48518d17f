import type { ReactiveControllerHost } from 'lit';
import { InviteCallStartEvent } from '../events/invite-call-start.js';
import { InviteCallStatusEvent } from '../events/invite-call-status.js';
import { InviteErrorEvent } from '../events/invite-error.js';
import { InviteParticipantJoinedEvent } from '../events/invite-participant-joined.js';
import type { InviteErrorCode } from '../transport/errors.js';
import {
  DIAL_OUT_STATES,
  FINAL_DIAL_OUT_STATES,
  type DialOutState,
  type DialOutUpdate,
  type FinalDialOutState,
  type InviteTransport,
} from '../transport/types.js';
import { InviteActionController, type InviteRecord } from './invite-action-controller.js';

/** An attempt's states: the transport's, and `unknown` when the backend has not said how the call ended within the timeout. */
export type AttemptState = DialOutState | 'unknown';

export interface CallAttempt extends InviteRecord {
  state: AttemptState;
  /** The backend's reason for a `failed` call, meant for the person. Untrusted text. */
  reason?: string;
  /** The rejection's `code`, when the transport rejected. */
  errorCode?: string;
  participantId?: string;
  /** The invitee's name, when the person gave one. Untrusted text. */
  displayName?: string;
  /** The transport has settled (or the person cancelled): no update is taken after this. */
  settled: boolean;
}

/** States in which the person may still hang up. */
const CANCELABLE: readonly AttemptState[] = ['dialing', 'ringing', 'unknown'];

function isKnownState(state: unknown): state is DialOutState {
  return DIAL_OUT_STATES.includes(state as DialOutState);
}

function isFinalState(state: unknown): state is FinalDialOutState {
  return FINAL_DIAL_OUT_STATES.includes(state as FinalDialOutState);
}

function text(value: unknown): string | undefined {
  return (typeof value === 'string' && value) || undefined;
}

/** An update's fields, read once: an update whose getters throw (a hostile object, a Proxy) says nothing. */
function read(update: unknown): { state?: unknown; participantId?: string | undefined; reason?: string | undefined } {
  try {
    const { state, participantId, reason } = update as DialOutUpdate;
    return { state, participantId: text(participantId), reason: text(reason) };
  } catch {
    return {};
  }
}

/** The call timeout when none is given, or one that is not a positive number of milliseconds. */
export const CALL_TIMEOUT = 90_000;

export interface DialOutOptions {
  transport: InviteTransport | undefined;
  /**
   * Milliseconds after which an attempt the backend says nothing more about shows as `unknown`;
   * `Infinity` for never. Anything but a positive number counts as `CALL_TIMEOUT`.
   */
  timeout: number;
}

/**
 * Places calls through the transport and follows each attempt to its end. One call per intent:
 * a number already being called is not called again. Announces progress with events on the host.
 */
export class DialOutController extends InviteActionController<CallAttempt> {
  #options: () => DialOutOptions;
  #aborts = new Map<number, AbortController>();
  /** While a call is under way, the host updates each second: the list shows how long it has been. */
  #clock: ReturnType<typeof setInterval> | undefined;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(host: ReactiveControllerHost & HTMLElement, options: () => DialOutOptions) {
    super(host);
    this.#options = options;
  }

  protected get transport(): InviteTransport | undefined {
    return this.#options().transport;
  }

  // Removing the element is not hanging up: its calls go on while it is detached.

  hostUpdate(): void {
    const calling = this.records.some((attempt) => !attempt.settled);
    if (calling) this.#clock ??= setInterval(() => this.host.requestUpdate(), 1000);
    else this.#stopClock();
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.#stopClock();
  }

  #stopClock(): void {
    clearInterval(this.#clock);
    this.#clock = undefined;
  }

  /** Whole seconds since the attempt was placed. */
  elapsed(attempt: CallAttempt): number {
    return Math.floor((performance.now() - attempt.startedAt) / 1000);
  }

  /** Every attempt of this session, newest first. */
  get attempts(): readonly CallAttempt[] {
    return this.records;
  }

  /** An attempt to this number has not ended yet. */
  isCalling(phoneNumber: string): boolean {
    return this.records.some((attempt) => attempt.phoneNumber === phoneNumber && !attempt.settled);
  }

  canCancel(attempt: CallAttempt): boolean {
    return !attempt.settled && CANCELABLE.includes(attempt.state);
  }

  /**
   * Places a call to `phoneNumber` (E.164). Returns the new attempt, or undefined when this
   * number is already being called or the backend asked to wait.
   */
  call(phoneNumber: string, displayName?: string): CallAttempt | undefined {
    if (this.isCalling(phoneNumber) || this.retry.secondsLeft > 0) return undefined;
    // The name goes with the call, the events and the request only when there is one.
    const named = displayName ? { displayName } : {};
    const attempt: CallAttempt = { ...this.newRecord(phoneNumber), ...named, state: 'dialing', settled: false };
    this.add(attempt);
    this.emit(new InviteCallStartEvent({ phoneNumber, idempotencyKey: attempt.idempotencyKey, ...named }));
    this.#emitStatus(attempt);

    const abort = new AbortController();
    this.#aborts.set(attempt.id, abort);
    this.#watch(attempt);
    const onStatus = (update: DialOutUpdate): void => {
      const { state, participantId } = read(update);
      // Final states arrive through the promise; updates after settling are ignored.
      if (attempt.settled || !isKnownState(state) || isFinalState(state)) return;
      this.#update(attempt, { state, participantId });
      this.#watch(attempt);
    };
    void this.request('dialOut', { phoneNumber, idempotencyKey: attempt.idempotencyKey, ...named }, { signal: abort.signal, onStatus }).then(
      (answer) => {
        if (attempt.settled) return;
        const final = read(answer.value);
        if (answer.code !== undefined) {
          if (abort.signal.aborted) this.#settle(attempt, { state: 'canceled' });
          else this.#fail(attempt, answer.code);
        } else if (isFinalState(final.state)) {
          this.#settle(attempt, { ...final, state: final.state });
        } else {
          this.#fail(attempt, 'unexpected-answer');
        }
      },
    );
    return attempt;
  }

  /**
   * Shows the attempt as `unknown` if the backend says nothing more within the timeout, counted from
   * what it said last. Not once answered: the person is being added, and "outcome unknown" would
   * offer to hang up on them.
   */
  #watch(attempt: CallAttempt): void {
    clearTimeout(this.#timers.get(attempt.id));
    const { timeout } = this.#options();
    if (attempt.state !== 'answered' && timeout !== Infinity) {
      // Past 2^31 - 1 ms (24.8 days), a timer would fire at once.
      const ms = timeout > 0 ? Math.min(timeout, 2 ** 31 - 1) : CALL_TIMEOUT;
      this.#timers.set(attempt.id, setTimeout(() => this.#update(attempt, { state: 'unknown' }), ms));
    }
  }

  /** Hangs up an attempt that has not been answered. */
  cancel(attempt: CallAttempt): void {
    if (!this.canCancel(attempt)) return;
    this.#aborts.get(attempt.id)?.abort();
    this.#settle(attempt, { state: 'canceled' });
  }

  #fail(attempt: CallAttempt, code: InviteErrorCode | (string & {})): void {
    attempt.errorCode = code;
    this.#settle(attempt, { state: 'failed' });
  }

  #settle(attempt: CallAttempt, update: { state: AttemptState; participantId?: string | undefined; reason?: string | undefined }): void {
    attempt.settled = true;
    clearTimeout(this.#timers.get(attempt.id));
    this.#timers.delete(attempt.id);
    this.#aborts.delete(attempt.id);
    this.#update(attempt, update);
    if (update.state === 'joined') {
      const { phoneNumber, participantId, displayName } = attempt;
      this.emit(new InviteParticipantJoinedEvent({ phoneNumber, participantId, ...(displayName ? { displayName } : {}) }));
    } else if (update.state === 'failed') {
      this.emit(
        new InviteErrorEvent({
          phoneNumber: attempt.phoneNumber,
          action: 'call',
          code: attempt.errorCode ?? 'failed',
          message: attempt.reason ?? '',
        }),
      );
    }
  }

  #update(attempt: CallAttempt, update: { state: AttemptState; participantId?: string | undefined; reason?: string | undefined }): void {
    const changed = attempt.state !== update.state;
    attempt.state = update.state;
    if (update.participantId) attempt.participantId = update.participantId;
    if (update.reason) attempt.reason = update.reason;
    // A notice the person closed comes back when there is news.
    if (changed) attempt.dismissed = false;
    if (changed) this.#emitStatus(attempt);
    this.changed();
  }

  #emitStatus(attempt: CallAttempt): void {
    this.emit(
      new InviteCallStatusEvent({
        phoneNumber: attempt.phoneNumber,
        state: attempt.state,
        ...(attempt.reason ? { reason: attempt.reason } : {}),
        ...(attempt.displayName ? { displayName: attempt.displayName } : {}),
      }),
    );
  }
}
