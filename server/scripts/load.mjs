// npm run load: many calls at once against one invite server on loopback, each followed to its end
// through createHttpTransport (the library's own client), as the dialog would. Not part of npm test.
// Prints p50/p99 of the time to the first event and to the final state, and counts errors, lost or
// duplicated events and double dials. `-- --calls N` (default 200).
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { createHttpTransport } from '../../dist/http.js';
import { createApp, createSimulatedProvider, tenantsFrom } from '../dist/index.js';

const at = process.argv.indexOf('--calls');
const CALLS = at > 0 ? Number(process.argv[at + 1]) : 200;

// The simulated provider at a quick pace, and every dial counted: one intent, one dial.
const simulated = createSimulatedProvider({ delays: { dialing: 100, ringing: 300, answered: 100, sms: 100 } });
const dialled = new Map();
const provider = {
  ...simulated,
  dial(request, options) {
    dialled.set(request.phoneNumber, (dialled.get(request.phoneNumber) ?? 0) + 1);
    return simulated.dial(request, options);
  },
};
const secret = randomBytes(32).toString('hex');
// One tenant with room for the load: the default limits would refuse most of it, as they should.
const roomy = { max: 1_000_000, windowSeconds: 60 };
const tenants = tenantsFrom({ load: { limits: { calls: { perUser: roomy, perRoom: roomy, perNumber: roomy } } } });
const app = createApp({ jwtSecret: secret, provider, tenants, logger: pino({ level: 'silent' }) });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
if (!server.listening) await once(server, 'listening');
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const key = new TextEncoder().encode(secret);

const results = await Promise.all(
  Array.from({ length: CALLS }, async (_, index) => {
    const token = await new SignJWT({ role: 'owner', tenant: 'load', room: `room-${index % 20}` })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`user-${index}`)
      .setExpirationTime('10m')
      .sign(key);
    const transport = createHttpTransport({ baseUrl, getToken: () => token });
    // Numbers ending in 0 join: dialing, ringing, answered, then joined.
    const phoneNumber = `+1201555${String(index).padStart(3, '0')}0`.slice(0, 12);
    const seen = [];
    const start = performance.now();
    let first;
    try {
      const final = await transport.dialOut(
        { phoneNumber, idempotencyKey: `load-${index}` },
        {
          signal: new AbortController().signal,
          onStatus(update) {
            first ??= performance.now() - start;
            seen.push(update.state);
          },
        },
      );
      return { phoneNumber, first, last: performance.now() - start, states: [...seen, final.state] };
    } catch (error) {
      return { phoneNumber, error: error?.code ?? String(error) };
    }
  }),
);
server.closeAllConnections?.();
server.close();

const percentile = (values, p) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ok = results.filter((result) => !result.error);
const expected = ['dialing', 'ringing', 'answered', 'joined'];
const wrong = ok.filter((result) => result.states.join() !== expected.join());
const doubles = [...dialled.values()].filter((count) => count > 1).length;
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(`load: ${CALLS} calls at once on one process, each with its event stream (${baseUrl})`);
console.log(`  time to first event   p50 ${ms(percentile(ok.map((r) => r.first), 50))}  p99 ${ms(percentile(ok.map((r) => r.first), 99))}`);
console.log(`  time to final state   p50 ${ms(percentile(ok.map((r) => r.last), 50))}  p99 ${ms(percentile(ok.map((r) => r.last), 99))}`);
console.log(`  errors ${results.length - ok.length}, lost or duplicated events ${wrong.length}, double dials ${doubles}, dials ${[...dialled.values()].reduce((a, b) => a + b, 0)}`);
if (results.length - ok.length) console.log(`  first error: ${results.find((result) => result.error).error}`);
if (wrong.length) console.log(`  first wrong sequence: ${wrong[0].states.join(' → ')}`);
process.exitCode = results.length - ok.length || wrong.length || doubles ? 1 : 0;
