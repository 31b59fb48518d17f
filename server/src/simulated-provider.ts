import { FINAL_DIAL_OUT_STATES, type DialOutUpdate } from './library.js';
import { FINAL_SMS_STATES, type SmsUpdate, type TelephonyProvider } from './provider.js';

/** Milliseconds each simulated step takes. */
export interface SimulatedDelays {
  /** Until the phone rings, or the call fails. */
  dialing: number;
  /** How long the phone rings before the outcome. */
  ringing: number;
  /** From the answer until the person is in the call. */
  answered: number;
  /** Until the SMS is sent, and again until it is delivered. */
  sms: number;
}

/** The library simulator's pace. */
export const DEFAULT_SIMULATED_DELAYS: SimulatedDelays = { dialing: 600, ringing: 2500, answered: 400, sms: 700 };

type Step = { after: number; update: DialOutUpdate } | { after: number; error: Error };

/**
 * Places no real calls. Outcomes follow the library's simulated transport, by the number's last
 * digit: 0 (and 6, 7, 8) answered → joined, 1 no-answer, 2 busy, 3 rejected, 4 failed, 5 the
 * provider errs (the call fails), 9 rings until hung up. An SMS is delivered, except to numbers
 * ending in 5, where it fails.
 */
export function createSimulatedProvider(options: { delays?: number | Partial<SimulatedDelays> } = {}): TelephonyProvider {
  const delays: SimulatedDelays =
    typeof options.delays === 'number'
      ? { dialing: options.delays, ringing: options.delays, answered: options.delays, sms: options.delays }
      : { ...DEFAULT_SIMULATED_DELAYS, ...options.delays };
  let participants = 0;

  const dialSteps = (phoneNumber: string): Step[] => {
    const ringing: Step = { after: delays.dialing, update: { state: 'ringing' } };
    switch (lastDigit(phoneNumber)) {
      case '1':
        return [ringing, { after: delays.ringing, update: { state: 'no-answer' } }];
      case '2':
        return [ringing, { after: delays.ringing, update: { state: 'busy' } }];
      case '3':
        return [ringing, { after: delays.ringing, update: { state: 'rejected' } }];
      case '4':
        return [{ after: delays.dialing, update: { state: 'failed', reason: 'The carrier could not connect the call.' } }];
      case '5':
        return [{ after: delays.dialing, error: new Error('Simulated provider error') }];
      case '9':
        return [ringing];
      default:
        participants += 1;
        return [
          ringing,
          { after: delays.ringing, update: { state: 'answered' } },
          { after: delays.answered, update: { state: 'joined', participantId: `simulated-participant-${participants}` } },
        ];
    }
  };

  return {
    name: 'simulated',
    dial({ phoneNumber }, { signal, onStatus }) {
      return runSteps(dialSteps(phoneNumber), FINAL_DIAL_OUT_STATES, signal, onStatus, { state: 'canceled' });
    },
    sendSms({ phoneNumber }, { signal, onStatus }) {
      const outcome: SmsUpdate = lastDigit(phoneNumber) === '5' ? { state: 'failed', code: 'unavailable' } : { state: 'delivered' };
      const sent: SmsUpdate = { state: 'sent' };
      const steps = outcome.state === 'failed' ? [{ after: delays.sms, update: outcome }] : [{ after: delays.sms, update: sent }, { after: delays.sms, update: outcome }];
      return runSteps(steps, FINAL_SMS_STATES, signal, onStatus, { state: 'failed', code: 'unavailable' });
    },
  };
}

/**
 * Runs timed steps, reporting each update, until a final one settles the promise; steps that end
 * without a final update (the call that rings until hung up) wait for the signal. A hang-up
 * settles with `onAbort` at once.
 */
function runSteps<T extends { state: string }>(
  steps: ({ after: number; update: T } | { after: number; error: Error })[],
  finalStates: readonly string[],
  signal: AbortSignal,
  onStatus: (update: T) => void,
  onAbort: T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const abort = (): void => {
      clearTimeout(timer);
      resolve(onAbort);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    const run = (index: number): void => {
      const step = steps[index];
      if (!step) return;
      timer = setTimeout(() => {
        if ('error' in step) {
          signal.removeEventListener('abort', abort);
          reject(step.error);
          return;
        }
        onStatus(step.update);
        if (finalStates.includes(step.update.state)) {
          signal.removeEventListener('abort', abort);
          resolve(step.update);
        } else run(index + 1);
      }, step.after);
    };
    run(0);
  });
}

function lastDigit(phoneNumber: string): string {
  return /(\d)\D*$/.exec(phoneNumber)?.[1] ?? '';
}
