import type { DialOutUpdate, InvitePolicy, InviteTransport, TransportError } from './types.js';
import { FINAL_DIAL_OUT_STATES } from './types.js';

const SIMULATED_OUTCOMES = ['answered', 'no-answer', 'busy', 'rejected', 'failed', 'error', 'never'] as const;
const SIMULATED_SMS_OUTCOMES = ['sent', 'error', 'rate-limited', 'never'] as const;

/**
 * How a simulated call ends.
 *
 * - `'answered'`: dialing → ringing → answered → joined; resolves `{ state: 'joined', participantId }`.
 * - `'no-answer'`, `'busy'`, `'rejected'`: dialing → ringing → that state; resolves with it.
 * - `'failed'`: dialing → failed; resolves `{ state: 'failed', reason }` (the carrier refused the call).
 * - `'error'`: no update; rejects with an `Error` carrying `code` (and `retryAfterMs` when configured),
 *   as a backend that could not be reached would.
 * - `'never'`: dialing → ringing, then nothing until the signal is aborted.
 */
export type SimulatedOutcome = (typeof SIMULATED_OUTCOMES)[number];

/**
 * How a simulated SMS send ends: `'sent'` resolves `{ messageId }`; `'error'` and `'rate-limited'`
 * reject with that `code`; `'never'` waits until the signal is aborted.
 */
type SimulatedSmsOutcome = (typeof SIMULATED_SMS_OUTCOMES)[number];

/** Options for {@link createSimulatedTransport}. Every field is optional. */
export interface SimulatedTransportOptions {
  /**
   * How each call ends: one outcome for every call, or a script called once per call placed, with
   * `attempt` counting the calls to that number so far (1 for the first). Defaults to a script by
   * the number's last digit: 0 → answered, 1 → no-answer, 2 → busy, 3 → rejected, 4 → failed,
   * 5 → error, 9 → never, any other → answered.
   */
  outcome?: SimulatedOutcome | ((phoneNumber: string, attempt: number) => SimulatedOutcome);
  /**
   * How each SMS send ends, fixed or scripted like `outcome`. Defaults to a script by the number's
   * last digit: 5 → error, 6 → rate-limited, any other → sent.
   */
  smsOutcome?: SimulatedSmsOutcome | ((phoneNumber: string, message: string, attempt: number) => SimulatedSmsOutcome);
  /**
   * Milliseconds each step takes, before `speed` applies. A number sets every step (`0` for tests);
   * an object overrides the defaults it names.
   */
  delays?:
    | number
    | {
        /** From the request until the phone rings; also until `'failed'` or an `'error'` rejection. Default 600. */
        dialing?: number;
        /** How long the phone rings before it is answered or the call ends. Default 2500. */
        ringing?: number;
        /** From the answer until the person is in the call. Default 400. */
        answered?: number;
        /** From the request until an SMS send settles. Default 700. */
        sms?: number;
        /** From the request until `getPolicy` resolves. Default 150. */
        policy?: number;
      };
  /** Divides every delay: 2 runs twice as fast, `Infinity` without waiting. Must be above 0. Default 1. */
  speed?: number;
  /** What an `'error'` outcome (call or SMS) rejects with. Default `{ code: 'network' }`, without `retryAfterMs`. */
  error?: { code?: string; retryAfterMs?: number };
  /** The wait a `'rate-limited'` SMS outcome asks for, in ms. Default 30000. */
  retryAfterMs?: number;
  /** The reason a `'failed'` call resolves with. Default `'The carrier could not connect the call.'` */
  failureReason?: string;
  /** What `getPolicy` resolves with. Default `{ dialOut: true, sms: true }`. */
  policy?: InvitePolicy;
}

/**
 * An {@link InviteTransport} that places no real calls, with a record of what it was asked to do.
 * The records exclude repeats of an idempotency key and requests whose signal was already aborted,
 * just as a backend would never see them; they include every other request, whatever its outcome.
 */
export interface SimulatedTransport extends InviteTransport {
  getPolicy(options: { signal: AbortSignal }): Promise<InvitePolicy>;
  /** Every call placed, oldest first. */
  readonly calls: readonly { readonly phoneNumber: string; readonly idempotencyKey: string }[];
  /** Every SMS send taken, oldest first. */
  readonly messages: readonly { readonly phoneNumber: string; readonly message: string; readonly idempotencyKey: string }[];
}

const DEFAULT_DELAYS = { dialing: 600, ringing: 2500, answered: 400, sms: 700, policy: 150 };
type Delays = typeof DEFAULT_DELAYS;

/** One scheduled step of a call: an update to report, or an error to reject with. */
type Step = { after: number; update: DialOutUpdate; error?: never } | { after: number; error: TransportError; update?: never };

/**
 * Creates a transport that follows the real dial-out state machine with realistic delays and
 * scripted, deterministic outcomes, so that hosts, demos, stories and tests run without a backend.
 *
 * Like a backend, it places one call or sends one message per idempotency key: a repeat returns the
 * first request's promise, whether it is still in flight or resolved, and the repeat's own `signal`
 * and `onStatus` are not used. Only a rejection forgets the key, so that a retry is placed again.
 *
 * Aborting a call's signal hangs up at any step before it settles: `onStatus` receives
 * `{ state: 'canceled' }` once and the promise resolves with it. Aborting an SMS send or a policy
 * request rejects with a `DOMException` named `AbortError`. `onStatus` is never called during the
 * `dialOut` call itself, nor after the promise has settled.
 *
 * @example
 * ```ts
 * dialog.transport = createSimulatedTransport({ outcome: (_number, attempt) => (attempt === 1 ? 'busy' : 'answered') });
 * ```
 */
export function createSimulatedTransport(options: SimulatedTransportOptions = {}): SimulatedTransport {
  const delays = resolveDelays(options.delays, options.speed ?? 1);
  const policy = options.policy ?? { dialOut: true, sms: true };
  const calls: SimulatedTransport['calls'][number][] = [];
  const messages: SimulatedTransport['messages'][number][] = [];
  const dials = new Map<string, Promise<DialOutUpdate>>();
  const sends = new Map<string, Promise<{ messageId?: string }>>();
  let participants = 0;
  let sent = 0;

  const scriptedError = (): TransportError => {
    const { code = 'network', retryAfterMs } = options.error ?? {};
    return transportError(code, retryAfterMs);
  };

  const dialSteps = (outcome: SimulatedOutcome): Step[] => {
    const dialing: Step = { after: 0, update: { state: 'dialing' } };
    const ringing: Step = { after: delays.dialing, update: { state: 'ringing' } };
    switch (outcome) {
      case 'answered':
        participants += 1;
        return [
          dialing,
          ringing,
          { after: delays.ringing, update: { state: 'answered' } },
          { after: delays.answered, update: { state: 'joined', participantId: `simulated-participant-${participants}` } },
        ];
      case 'no-answer':
      case 'busy':
      case 'rejected':
        return [dialing, ringing, { after: delays.ringing, update: { state: outcome } }];
      case 'failed':
        return [
          dialing,
          { after: delays.dialing, update: { state: 'failed', reason: options.failureReason ?? 'The carrier could not connect the call.' } },
        ];
      case 'error':
        return [{ after: delays.dialing, error: scriptedError() }];
      case 'never':
        return [dialing, ringing];
    }
  };

  return {
    get calls() {
      return [...calls];
    },

    get messages() {
      return [...messages];
    },

    getPolicy({ signal }) {
      return wait(delays.policy, signal).then(() => ({ ...policy, ...(policy.countries ? { countries: [...policy.countries] } : {}) }));
    },

    dialOut({ phoneNumber, idempotencyKey }, { signal, onStatus }) {
      const repeat = dials.get(idempotencyKey);
      if (repeat) return repeat;
      if (signal.aborted) {
        const canceled: DialOutUpdate = { state: 'canceled' };
        // Later, not now: a caller may not have stored the promise yet when onStatus runs.
        return Promise.resolve().then(() => {
          notify(onStatus, { ...canceled });
          return canceled;
        });
      }
      const attempt = calls.filter((call) => call.phoneNumber === phoneNumber).length + 1;
      const outcome = typeof options.outcome === 'function' ? options.outcome(phoneNumber, attempt) : (options.outcome ?? outcomeByLastDigit(phoneNumber));
      checkOutcome(SIMULATED_OUTCOMES, outcome);
      const steps = dialSteps(outcome);
      calls.push(Object.freeze({ phoneNumber, idempotencyKey }));
      const call = runCall(steps, signal, onStatus, () => dials.delete(idempotencyKey));
      dials.set(idempotencyKey, call);
      return call;
    },

    sendSms({ phoneNumber, message, idempotencyKey }, { signal }) {
      const repeat = sends.get(idempotencyKey);
      if (repeat) return repeat;
      if (signal.aborted) return Promise.reject(abortError());
      const attempt = messages.filter((sms) => sms.phoneNumber === phoneNumber).length + 1;
      const outcome =
        typeof options.smsOutcome === 'function'
          ? options.smsOutcome(phoneNumber, message, attempt)
          : (options.smsOutcome ?? smsOutcomeByLastDigit(phoneNumber));
      checkOutcome(SIMULATED_SMS_OUTCOMES, outcome);
      messages.push(Object.freeze({ phoneNumber, message, idempotencyKey }));
      const send = wait(outcome === 'never' ? Infinity : delays.sms, signal)
        .then(() => {
          if (outcome === 'rate-limited') throw transportError('rate-limited', options.retryAfterMs ?? 30_000);
          if (outcome === 'error') throw scriptedError();
          sent += 1;
          return { messageId: `simulated-message-${sent}` };
        })
        // On the chain, not beside it: a handler on `send` itself would hide its rejection from a
        // caller that ignores it.
        .then(undefined, (error: unknown) => {
          sends.delete(idempotencyKey);
          throw error;
        });
      sends.set(idempotencyKey, send);
      return send;
    },
  };
}

/** Runs a call's steps on timers until a final update, an error, or the signal hangs up. */
function runCall(steps: Step[], signal: AbortSignal, onStatus: (update: DialOutUpdate) => void, forget: () => void): Promise<DialOutUpdate> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    // Marked settled before the final onStatus, so that a listener that aborts in it changes nothing.
    const settle = (): void => {
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', hangUp);
    };
    const hangUp = (): void => {
      if (settled) return;
      settle();
      notify(onStatus, { state: 'canceled' });
      resolve({ state: 'canceled' });
    };
    const run = (index: number): void => {
      const step = steps[index];
      // A 'never' call runs out of steps while ringing and waits for the hang-up.
      if (!step) return;
      timer = setTimeout(() => {
        if (step.error) {
          settle();
          forget();
          reject(step.error);
          return;
        }
        const final = isFinal(step.update.state);
        if (final) settle();
        notify(onStatus, { ...step.update });
        if (final) resolve(step.update);
        // The listener may have hung up.
        else if (!settled) run(index + 1);
      }, step.after);
    };
    signal.addEventListener('abort', hangUp, { once: true });
    run(0);
  });
}

/** Resolves after `ms`, or rejects with an AbortError when `signal` aborts first. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const abort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    // Infinity would overflow setTimeout's 32-bit delay and fire at once.
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          signal.removeEventListener('abort', abort);
          resolve();
        }, ms)
      : undefined;
    signal.addEventListener('abort', abort, { once: true });
  });
}

/** Hands an update to the host's listener without letting a throwing listener stall the call. */
function notify(onStatus: (update: DialOutUpdate) => void, update: DialOutUpdate): void {
  try {
    onStatus(update);
  } catch (error) {
    // Surfaced as an uncaught error, as an event listener's would be, while the call goes on.
    queueMicrotask(() => {
      throw error;
    });
  }
}

function resolveDelays(delays: SimulatedTransportOptions['delays'], speed: number): Delays {
  if (!(speed > 0)) throw new RangeError(`speed must be above 0, got ${speed}`);
  const base: Delays =
    typeof delays === 'number'
      ? { dialing: delays, ringing: delays, answered: delays, sms: delays, policy: delays }
      : { ...DEFAULT_DELAYS, ...definedOnly(delays ?? {}) };
  const scaled = {} as Delays;
  for (const key of Object.keys(base) as (keyof Delays)[]) {
    const ms = base[key] / speed;
    scaled[key] = ms > 0 && Number.isFinite(ms) ? ms : 0;
  }
  return scaled;
}

/** Drops keys set to undefined, which a spread would copy over the defaults. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function outcomeByLastDigit(phoneNumber: string): SimulatedOutcome {
  const byDigit: Record<string, SimulatedOutcome> = {
    '1': 'no-answer',
    '2': 'busy',
    '3': 'rejected',
    '4': 'failed',
    '5': 'error',
    '9': 'never',
  };
  return byDigit[lastDigit(phoneNumber)] ?? 'answered';
}

function smsOutcomeByLastDigit(phoneNumber: string): SimulatedSmsOutcome {
  const byDigit: Record<string, SimulatedSmsOutcome> = { '5': 'error', '6': 'rate-limited' };
  return byDigit[lastDigit(phoneNumber)] ?? 'sent';
}

function lastDigit(phoneNumber: string): string {
  return /(\d)\D*$/.exec(phoneNumber)?.[1] ?? '';
}

/** Fails fast on an outcome from untyped host code: a typo in a script must not pass for a result. */
function checkOutcome(known: readonly string[], outcome: string): void {
  if (!known.includes(outcome)) throw new RangeError(`Unknown simulated outcome: ${String(outcome)}`);
}

function isFinal(state: DialOutUpdate['state']): boolean {
  return (FINAL_DIAL_OUT_STATES as readonly string[]).includes(state);
}

function transportError(code: string, retryAfterMs?: number): TransportError {
  return Object.assign(new Error(`Simulated transport error: ${code}`), { code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
}

function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}
