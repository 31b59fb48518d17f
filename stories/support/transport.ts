import { createSimulatedTransport, type SimulatedTransport, type SimulatedTransportOptions } from '../../src/index.js';

/** Short steps, so that a story reaches its state, and its play function ends, in a moment. */
export const QUICK_DELAYS = { dialing: 60, ringing: 180, answered: 60, sms: 120, policy: 20 } as const;

/** The shipped simulated transport with quick steps; `options` script the outcome. */
export function simulatedTransport(options: SimulatedTransportOptions = {}): SimulatedTransport {
  const { delays, ...rest } = options;
  return createSimulatedTransport({ ...rest, delays: typeof delays === 'number' ? delays : { ...QUICK_DELAYS, ...delays } });
}
