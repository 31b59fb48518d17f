// One invite server process for `npm run load` (load.mjs forks it): the app as main.ts builds it,
// its state in Redis when REDIS_URL is set, with the simulated provider at a quick pace and every
// dial counted. Tells its parent its port, then, when asked, what it dialed and served.
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp, createRedisStores, createSimulatedProvider, tenantsFrom } from '../dist/index.js';

const simulated = createSimulatedProvider({ delays: { dialing: 100, ringing: 300, answered: 100, sms: 100 } });
/** The numbers this process dialed, one entry per dial, and the calls whose events it streamed. */
const dialed = [];
const placed = [];
const followed = new Set();
const provider = {
  ...simulated,
  dial(request, options) {
    dialed.push(request.phoneNumber);
    placed.push(request.callId);
    return simulated.dial(request, options);
  },
};
// One tenant with room for the load: the default limits would refuse most of it, as they should.
const roomy = { max: 1_000_000, windowSeconds: 60 };
const tenants = tenantsFrom({ load: { limits: { calls: { perUser: roomy, perRoom: roomy, perNumber: roomy } } } });
const stores = process.env.REDIS_URL ? createRedisStores(process.env.REDIS_URL) : undefined;
const app = createApp({
  jwtSecret: process.env.LOAD_SECRET,
  provider,
  tenants,
  logger: pino({ level: process.env.LOAD_LOG ?? 'silent' }),
  ...(stores ? { rateLimits: stores.rateLimits, idempotency: stores.idempotency, attempts: stores.attempts } : {}),
});
const fetch = (request) => {
  const events = /^\/v1\/calls\/([^/]+)\/events$/.exec(new URL(request.url).pathname);
  if (events) followed.add(events[1]);
  return app.fetch(request);
};
const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send({ port: info.port }));
process.on('message', (message) => {
  if (message === 'report') process.send({ dialed, placed, followed: [...followed] });
  if (message === 'stop') {
    server.closeAllConnections?.();
    server.close(() => void (stores?.close() ?? Promise.resolve()).then(() => process.exit(0)));
  }
});
