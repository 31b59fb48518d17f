export * from './types.js';
export { createSimulatedTransport } from './simulated-transport.js';
export type { SimulatedTransportOptions, SimulatedOutcome, SimulatedTransport } from './simulated-transport.js';
