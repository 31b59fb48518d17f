// npm run load: many calls at once on loopback, each followed to its end through
// createHttpTransport (the library's own client), as the dialog would. First against one server
// process with its state in memory, then against two processes on one real redis-server behind a
// round-robin TCP balancer, so that a call is often placed through one process and followed through
// the other. Not part of npm test. Prints p50/p99 of the time to the first event and to the final
// state, and counts errors, lost or duplicated events and double dials. `-- --calls N` (default 200).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SignJWT } from 'jose';
import { createHttpTransport } from '../../dist/http.js';
import { startRedis } from './redis-server.mjs';

const at = process.argv.indexOf('--calls');
const CALLS = at > 0 ? Number(process.argv[at + 1]) : 200;
const secret = randomBytes(32).toString('hex');
const key = new TextEncoder().encode(secret);

/** Forks load-server.mjs; resolves with the child and its port once it listens. */
async function startProcess(env) {
  const child = fork(new URL('./load-server.mjs', import.meta.url), { env: { ...process.env, LOAD_SECRET: secret, ...env } });
  const [{ port }] = await once(child, 'message');
  return { child, port };
}

async function ask(child, question) {
  child.send(question);
  const [answer] = await once(child, 'message');
  return answer;
}

/** A TCP balancer on loopback: each new connection goes to the next port in turn. */
async function balancer(ports) {
  let next = 0;
  const server = createServer((client) => {
    const upstream = createConnection({ port: ports[next++ % ports.length], host: '127.0.0.1' });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

/** Places CALLS calls at once through `baseUrl`; each is followed to its final state. */
function placeCalls(baseUrl, run) {
  return Promise.all(
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
          { phoneNumber, idempotencyKey: `load-${run}-${index}-${secret.slice(0, 8)}` },
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
}

const percentile = (values, p) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (value) => `${value.toFixed(0)} ms`;
const expected = ['dialing', 'ringing', 'answered', 'joined'];

/** Runs the load against `processes` server processes and prints its figures; resolves with whether all went well. */
async function scenario(title, processes, env) {
  const servers = await Promise.all(Array.from({ length: processes }, () => startProcess(env)));
  const front = processes > 1 ? await balancer(servers.map((server) => server.port)) : undefined;
  const baseUrl = `http://127.0.0.1:${front ? front.address().port : servers[0].port}`;
  const results = await placeCalls(baseUrl, processes);
  const reports = await Promise.all(servers.map((server) => ask(server.child, 'report')));
  front?.close();
  await Promise.all(servers.map(async ({ child }) => (child.send('stop'), once(child, 'exit'))));

  const ok = results.filter((result) => !result.error);
  const wrong = ok.filter((result) => result.states.join() !== expected.join());
  const dials = new Map();
  for (const number of reports.flatMap((report) => report.dialed)) dials.set(number, (dials.get(number) ?? 0) + 1);
  const doubles = [...dials.values()].filter((count) => count > 1).length;
  console.log(`load: ${CALLS} calls at once, each with its event stream, ${title}`);
  if (ok.length === 0) {
    console.log(`  every call failed; the first: ${results[0].error}`);
    return false;
  }
  console.log(`  time to first event   p50 ${ms(percentile(ok.map((r) => r.first), 50))}  p99 ${ms(percentile(ok.map((r) => r.first), 99))}`);
  console.log(`  time to final state   p50 ${ms(percentile(ok.map((r) => r.last), 50))}  p99 ${ms(percentile(ok.map((r) => r.last), 99))}`);
  console.log(`  errors ${results.length - ok.length}, lost or duplicated events ${wrong.length}, double dials ${doubles}, dials ${[...dials.values()].reduce((a, b) => a + b, 0)}`);
  if (processes > 1) {
    const crossed = reports.reduce(
      (sum, report, index) => sum + report.placed.filter((id) => reports.some((other, at) => at !== index && other.followed.includes(id))).length,
      0,
    );
    console.log(`  dials per process ${reports.map((report) => report.placed.length).join(' / ')}; calls followed through a process that did not place them: ${crossed}`);
  }
  if (results.length - ok.length) console.log(`  first error: ${results.find((result) => result.error).error}`);
  if (wrong.length) console.log(`  first wrong sequence: ${wrong[0].states.join(' → ')}`);
  return results.length === ok.length && wrong.length === 0 && doubles === 0;
}

const memory = await scenario('on one process (state in memory)', 1, {});
const redis = await startRedis();
let shared;
try {
  shared = await scenario('on two processes on one Redis, behind a round-robin balancer', 2, { REDIS_URL: redis.url });
} finally {
  await redis.stop();
}
process.exitCode = memory && shared ? 0 : 1;
