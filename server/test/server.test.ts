import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { maskNumber } from '../dist/index.js';
import { newKey, readEvents, startServer, TEST_SECRET, token, type Server } from './support.js';

describe('CORS', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ corsOrigins: ['https://app.example'] });
  });
  after(() => server.close());

  test('only listed origins are allowed, never with credentials', async () => {
    const preflight = await fetch(`${server.url}/v1/calls`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,idempotency-key,content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /idempotency-key/i);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);

    const allowed = await server.api('GET', '/v1/policy', { headers: { origin: 'https://app.example' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example');
    const refused = await server.api('GET', '/v1/policy', { headers: { origin: 'https://evil.example' } });
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const evilPreflight = await fetch(`${server.url}/v1/calls`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(evilPreflight.headers.get('access-control-allow-origin'), null);
  });

  test('without configured origins there are no CORS headers at all', async () => {
    const plain = await startServer();
    try {
      const { headers } = await plain.api('GET', '/v1/policy', { headers: { origin: 'https://app.example' } });
      assert.equal(headers.get('access-control-allow-origin'), null);
    } finally {
      await plain.close();
    }
  });
});

describe('audit log', () => {
  test('one line per attempt and outcome, with a masked number, never the message or the full number', async () => {
    const server = await startServer();
    try {
      const secretText = 'PIN 4321 for the board meeting';
      const call = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120' } });
      await readEvents(server, `/v1/calls/${call.body.id}/events`);
      const sms = await server.api('POST', '/v1/sms', { key: newKey(), body: { phoneNumber: '+12015550120', message: secretText } });
      await readEvents(server, `/v1/sms/${sms.body.id}/events`);
      await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+19005550123' } });
      await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '2015550123' } });
      const key = newKey();
      const second = await server.api('POST', '/v1/sms', { key, body: { phoneNumber: '+12015550120', message: secretText } });
      await readEvents(server, `/v1/sms/${second.body.id}/events`);
      await server.api('POST', '/v1/sms', { key, body: { phoneNumber: '+12015550120', message: secretText } });
      await server.api('POST', '/v1/sms', { key, body: { phoneNumber: '+12015550120', message: 'other' } });
      await server.api('POST', '/v1/sms', { key: newKey(), token: await token({ role: 'moderator' }), body: { phoneNumber: '+12015550120', message: secretText } });

      const audit = server.logs.filter((line) => line.audit);
      const summary = audit.map(({ audit: action, outcome, number, reason }) => ({ action, outcome, number, ...(reason ? { reason } : {}) }));
      assert.deepEqual(summary, [
        { action: 'call', outcome: 'accepted', number: '+1201•••0120' },
        { action: 'call', outcome: 'joined', number: '+1201•••0120' },
        { action: 'sms', outcome: 'accepted', number: '+1201•••0120' },
        { action: 'sms', outcome: 'delivered', number: '+1201•••0120' },
        { action: 'call', outcome: 'refused', number: '+1900•••0123', reason: 'premium-rate' },
        { action: 'call', outcome: 'refused', number: '(malformed)', reason: 'not-e164' },
        { action: 'sms', outcome: 'accepted', number: '+1201•••0120' },
        { action: 'sms', outcome: 'delivered', number: '+1201•••0120' },
        { action: 'sms', outcome: 'replayed', number: '+1201•••0120' },
        { action: 'sms', outcome: 'refused', number: '+1201•••0120', reason: 'idempotency-mismatch' },
        { action: 'sms', outcome: 'refused', number: '(none)', reason: 'not-authorized' },
      ]);
      for (const line of audit.slice(0, -1)) {
        assert.deepEqual([line.sub, line.tenant, line.room, line.role], ['user-1', 'acme', 'room-1', 'owner']);
      }
      assert.equal(audit.at(-1)!.role, 'moderator');
      const text = server.logText();
      for (const secret of [secretText, 'PIN', '12015550120', '2015550123', '19005550123']) assert.ok(!text.includes(secret), `the log holds ${secret}`);
    } finally {
      await server.close();
    }
  });

  test('maskNumber never shows a whole number', () => {
    assert.equal(maskNumber('+12015550123'), '+1201•••0123');
    assert.equal(maskNumber('+442071234567'), '+4420•••4567');
    assert.equal(maskNumber('+1911'), '+•••');
    assert.equal(maskNumber('+112345'), '+1•••45');
    assert.equal(maskNumber('not a number 2015550123'), '(malformed)');
    assert.equal(maskNumber(42), '(none)');
  });
});

describe('main.ts', () => {
  test('starts from the environment, with a tenants file, and refuses to start without a secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'invite-server-'));
    const tenantsFile = join(dir, 'tenants.json');
    await writeFile(tenantsFile, JSON.stringify({ acme: { dialOut: true, sms: false, countries: ['CA'] } }));
    const main = new URL('../dist/main.js', import.meta.url);

    const child = spawn(process.execPath, [main.pathname], {
      env: { ...process.env, INVITE_JWT_SECRET: TEST_SECRET, PORT: '0', HOST: '127.0.0.1', INVITE_TENANTS: tenantsFile, INVITE_CORS_ORIGINS: 'https://a.example, https://b.example' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let output = '';
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const started = output.split('\n').find((line) => line.includes('"port"'));
          if (started) resolve((JSON.parse(started) as { port: number }).port);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const policy = await fetch(`http://127.0.0.1:${port}/v1/policy`, { headers: { authorization: `Bearer ${await token()}`, origin: 'https://b.example' } });
      assert.deepEqual(await policy.json(), { dialOut: true, sms: false, countries: ['CA'] });
      assert.equal(policy.headers.get('access-control-allow-origin'), 'https://b.example');
      const stranger = await fetch(`http://127.0.0.1:${port}/v1/policy`, { headers: { authorization: `Bearer ${await token({ tenant: 'stranger' })}` } });
      assert.equal(stranger.status, 403);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }

    const withoutSecret = { ...process.env };
    delete withoutSecret.INVITE_JWT_SECRET;
    const refused = spawn(process.execPath, [main.pathname], { env: { ...withoutSecret, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const [code] = (await once(refused, 'exit')) as [number];
    assert.equal(code, 1);
  });
});
