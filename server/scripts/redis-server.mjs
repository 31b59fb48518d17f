// A real redis-server on a free loopback port, with nothing saved to disk, for the tests of the
// Redis stores (test/redis.ts) and for `npm run load`. ../../scripts/find-redis.mjs finds it, or
// installs the Debian package where it is missing.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { findRedisServer } from '../../scripts/find-redis.mjs';

/** A loopback port nobody listens on right now. */
export async function freePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Whether a server on the port answers PING with PONG. */
function pong(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.startsWith('+PONG')));
    socket.on('error', () => {});
  });
}

/**
 * Starts `redis-server` as a child and resolves once it answers PING, with its `url`
 * (`redis://127.0.0.1:<port>`), its `pid` and `stop()`, which stops it by its PID and waits.
 */
export async function startRedis() {
  const executable = findRedisServer();
  const dir = await mkdtemp(join(tmpdir(), 'invite-redis-'));
  const port = await freePort();
  const child = spawn(executable, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 10_000;
  while (!(await pong(port))) {
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not answer PING on port ${port}:\n${output}`);
    }
    // Polling, not waiting for a fixed time: the next PING as soon as this one failed.
    await delay(20);
  }
  const pid = child.pid;
  return {
    url: `redis://127.0.0.1:${port}`,
    pid,
    async stop() {
      if (!gone) {
        process.kill(pid, 'SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
