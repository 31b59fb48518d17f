import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { tenantsFrom } from '../dist/index.js';
import { newKey, startServer, TEST_SECRET, token, type Server } from './support.js';

const ROLES = ['owner', 'moderator', 'participant', 'guest'] as const;
/** Every route, with ids nobody owns. */
const ROUTES = [
  ['GET', '/v1/policy'],
  ['POST', '/v1/calls'],
  ['GET', '/v1/calls/call_x'],
  ['DELETE', '/v1/calls/call_x'],
  ['GET', '/v1/calls/call_x/events'],
  ['POST', '/v1/sms'],
  ['GET', '/v1/sms/sms_x'],
  ['GET', '/v1/sms/sms_x/events'],
] as const;

describe('authentication', () => {
  let server: Server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  test('a request without a token, or with a bad one, is 401 with WWW-Authenticate', async () => {
    const expired = await token({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const otherSecret = await token({}, { secret: 'another-secret-of-at-least-32-characters!!' });
    const noneAlg = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u', role: 'owner', tenant: 'acme', room: 'r', exp: 9999999999 })).toString('base64url')}.`;
    const hs512 = await new SignJWT({ role: 'owner', tenant: 'acme', room: 'r' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('u')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(TEST_SECRET));
    const noExp = await new SignJWT({ role: 'owner', tenant: 'acme', room: 'r' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').sign(new TextEncoder().encode(TEST_SECRET));
    const badRole = await token({ role: 'admin' });
    const noTenant = await token({ tenant: '' });
    for (const bearer of [null, 'garbage', expired, otherSecret, noneAlg, hs512, noExp, badRole, noTenant]) {
      for (const [method, path] of ROUTES) {
        const { status, headers, body } = await server.api(method, path, { token: bearer, key: 'k', body: method === 'POST' ? { phoneNumber: '+12015550120' } : undefined });
        assert.equal(status, 401, `${method} ${path}`);
        assert.equal(body.code, 'not-authorized');
        assert.equal(headers.get('www-authenticate'), 'Bearer');
      }
    }
  });

  test('an authenticate hook replaces the JWT check', async () => {
    const hooked = await startServer({
      authenticate: (request) => (request.headers.get('x-session') === 'good' ? { sub: 's', role: 'moderator', tenant: 'acme', room: 'r' } : null),
    });
    try {
      assert.equal((await hooked.api('GET', '/v1/policy', { token: null, headers: { 'x-session': 'good' } })).status, 200);
      assert.equal((await hooked.api('GET', '/v1/policy', { token: null, headers: { 'x-session': 'bad' } })).status, 401);
      // A valid JWT means nothing to a server with a hook.
      assert.equal((await hooked.api('GET', '/v1/policy', { token: await token() })).status, 401);
    } finally {
      await hooked.close();
    }
  });

  test('a hook that throws or returns a malformed caller is 401, not a crash', async () => {
    const hooked = await startServer({
      authenticate: (request) => {
        if (request.headers.get('x-mode') === 'throw') throw new Error('session store down');
        return { sub: 's', role: 'superuser', tenant: 'acme', room: 'r' } as never;
      },
    });
    try {
      for (const mode of ['throw', 'malformed']) {
        assert.equal((await hooked.api('GET', '/v1/policy', { token: null, headers: { 'x-mode': mode } })).status, 401);
      }
    } finally {
      await hooked.close();
    }
  });
});

describe('roles and entitlements', () => {
  let server: Server;
  let configured: Server;
  before(async () => {
    server = await startServer();
    configured = await startServer({
      tenants: tenantsFrom({
        calls: { dialOut: true, sms: false },
        texts: { dialOut: false, sms: true, countries: ['us'] },
        nothing: { dialOut: false, sms: false },
        canada: { countries: ['CA'] },
      }),
    });
  });
  after(async () => {
    await server.close();
    await configured.close();
  });

  test('the policy is the default tenant intersected with the role', async () => {
    const expected = {
      owner: { dialOut: true, sms: true },
      moderator: { dialOut: true, sms: false },
      participant: { dialOut: false, sms: false },
      guest: { dialOut: false, sms: false },
    };
    for (const role of ROLES) {
      const { status, body } = await server.api('GET', '/v1/policy', { token: await token({ role }) });
      assert.equal(status, 200);
      assert.deepEqual(body, { ...expected[role], countries: ['US', 'CA'] }, role);
    }
  });

  test('the role matrix: owners call and text, moderators call, participants and guests do neither', async () => {
    for (const role of ROLES) {
      const bearer = await token({ role, sub: `matrix-${role}` });
      const call = await server.api('POST', '/v1/calls', { token: bearer, key: newKey(), body: { phoneNumber: '+12015550120' } });
      const sms = await server.api('POST', '/v1/sms', { token: bearer, key: newKey(), body: { phoneNumber: '+12015550120', message: 'Join us' } });
      assert.equal(call.status, role === 'owner' || role === 'moderator' ? 202 : 403, `${role} call`);
      assert.equal(sms.status, role === 'owner' ? 202 : 403, `${role} sms`);
      if (call.status === 403) assert.equal(call.body.code, 'not-authorized');
      if (sms.status === 403) assert.equal(sms.body.code, 'not-authorized');
    }
  });

  test('a tenants file: per-tenant features and countries, unknown tenants not entitled', async () => {
    const policy = async (tenant: string, role = 'owner') => (await configured.api('GET', '/v1/policy', { token: await token({ tenant, role }) })).body;
    assert.deepEqual(await policy('calls'), { dialOut: true, sms: false, countries: ['US', 'CA'] });
    assert.deepEqual(await policy('texts'), { dialOut: false, sms: true, countries: ['US'] });
    assert.deepEqual(await policy('nothing'), { dialOut: false, sms: false, countries: ['US', 'CA'] });
    assert.deepEqual(await policy('texts', 'moderator'), { dialOut: false, sms: false, countries: ['US'] });

    const unknown = await token({ tenant: 'stranger' });
    for (const [method, path] of ROUTES) {
      const { status, body } = await configured.api(method, path, { token: unknown, key: newKey(), body: method === 'POST' ? { phoneNumber: '+12015550120', message: 'hi' } : undefined });
      assert.equal(status, 403, `${method} ${path}`);
      assert.equal(body.code, 'not-entitled');
    }

    const smsForCalls = await configured.api('POST', '/v1/sms', { token: await token({ tenant: 'calls' }), key: newKey(), body: { phoneNumber: '+12015550120', message: 'hi' } });
    assert.equal(smsForCalls.status, 403);
    assert.equal(smsForCalls.body.code, 'not-entitled');
    const callForTexts = await configured.api('POST', '/v1/calls', { token: await token({ tenant: 'texts' }), key: newKey(), body: { phoneNumber: '+12015550120' } });
    assert.equal(callForTexts.status, 403);
    assert.equal(callForTexts.body.code, 'not-entitled');
    // A role that may not act is told so before the tenant's entitlements are looked at.
    const guestAtTexts = await configured.api('POST', '/v1/calls', { token: await token({ tenant: 'texts', role: 'guest' }), key: newKey(), body: { phoneNumber: '+12015550120' } });
    assert.equal(guestAtTexts.body.code, 'not-authorized');

    // Countries per tenant: Canada only.
    const canada = await token({ tenant: 'canada' });
    assert.equal((await configured.api('POST', '/v1/calls', { token: canada, key: newKey(), body: { phoneNumber: '+14165550120' } })).status, 202);
    const us = await configured.api('POST', '/v1/calls', { token: canada, key: newKey(), body: { phoneNumber: '+12015550120' } });
    assert.equal(us.status, 422);
    assert.equal(us.body.code, 'destination-not-allowed');
  });

  test('a malformed tenants config is refused at start', () => {
    assert.throws(() => tenantsFrom([]), TypeError);
    assert.throws(() => tenantsFrom({ a: { dialOut: 'yes' } }), /dialOut/);
    assert.throws(() => tenantsFrom({ a: { countries: ['USA'] } }), /countries/);
  });
});
