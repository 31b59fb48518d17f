// Toll fraud and foreign numbers sent straight to the API, as `curl` would: all refused, nothing dialled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newKey, startWithManualProvider, type ManualProvider, type Server } from './support.js';

/** Valid E.164 numbers the library's dial check refuses. */
const NOT_ALLOWED = {
  'premium rate 900': '+19005550123',
  'premium rate 900, Canada format': '+19002345678',
  'Jamaica +1 876, not the US': '+18765550123',
  'Dominican Republic +1 809': '+18095550123',
  'Bahamas +1 242': '+12425550123',
  'United Kingdom': '+442071234567',
  'UK premium 09': '+449098790000',
  'France': '+33142685300',
  'Cuba': '+5372345678',
  'satellite +881': '+881612345678',
  'emergency +1 911': '+1911',
  'N11 +1 411': '+1411',
  'short code +1 12345': '+112345',
  'short code 5 digits': '+145678',
};

/** Anything not E.164: `+` and 2 to 15 digits, nothing else. */
const NOT_E164 = {
  'national format': '2015550123',
  'emergency, bare': '911',
  'short code, bare': '12345',
  'spaces': '+1 201 555 0123',
  'dashes': '+1-201-555-0123',
  'parentheses': '+1 (201) 5550123',
  'letters': '+1201555CALL',
  'double plus': '++12015550123',
  'international prefix 011': '01112015550123',
  'international prefix 00': '0012015550123',
  'one digit': '+1',
  '16 digits': '+1201555012345678',
  'trailing newline': '+12015550123\n',
  'leading space': ' +12015550123',
  'extension': '+12015550123;ext=1',
  'full-width digits': '+１２０１５５５０１２３',
  'Arabic-Indic digits': '+١٢٠١٥٥٥٠١٢٣',
  'sip URI': 'sip:+12015550123@evil.example',
  'tel URI': 'tel:+12015550123',
  'empty': '',
  'NANP invalid area code 055': '+10555550123',
};

describe('destinations', () => {
  let server: Server;
  let provider: ManualProvider;
  before(async () => ({ server, provider } = await startWithManualProvider()));
  after(() => server.close());

  for (const [path, extra] of [
    ['/v1/calls', {}],
    ['/v1/sms', { message: 'Join the call' }],
  ] as const) {
    test(`${path}: refused destinations are 422 destination-not-allowed`, async () => {
      for (const [name, phoneNumber] of Object.entries(NOT_ALLOWED)) {
        const { status, body } = await server.api('POST', path, { key: newKey(), body: { phoneNumber, ...extra } });
        assert.equal(status, 422, name);
        assert.equal(body.code, 'destination-not-allowed', name);
      }
      assert.equal(provider.dials.length + provider.sends.length, 0);
    });

    test(`${path}: anything but E.164 is 422 invalid-number`, async () => {
      for (const [name, phoneNumber] of Object.entries(NOT_E164)) {
        const { status, body } = await server.api('POST', path, { key: newKey(), body: { phoneNumber, ...extra } });
        assert.equal(status, 422, name);
        assert.equal(body.code, 'invalid-number', name);
      }
      assert.equal(provider.dials.length + provider.sends.length, 0);
    });

    test(`${path}: hand-made bodies are 400 invalid-request`, async () => {
      const bodies: unknown[] = [
        'not json',
        '{"phoneNumber": "+12015550123"',
        '[]',
        'null',
        '"+12015550123"',
        '{}',
        { phoneNumber: 12015550123, ...extra },
        { phoneNumber: ['+12015550123'], ...extra },
        { phoneNumber: { toString: '+12015550123' }, ...extra },
        { phoneNumber: null, ...extra },
        { phoneNumber: '+12015550120', ...extra, extra: 'field' },
        JSON.stringify({ phoneNumber: '+12015550120', ...extra }).replace(/}$/, ',"__proto__":{"admin":true}}'),
      ];
      for (const body of bodies) {
        const sent = typeof body === 'string' ? body : JSON.stringify(body);
        const { status, body: problem } = await server.api('POST', path, { key: newKey(), body: sent });
        assert.equal(status, 400, sent);
        assert.equal(problem.code, 'invalid-request', sent);
      }
      assert.equal(provider.dials.length + provider.sends.length, 0);
    });
  }

  test('displayName must be a string of at most 64 characters', async () => {
    for (const displayName of [42, 'x'.repeat(65), null]) {
      const { status, body } = await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120', displayName } });
      assert.equal(status, 400);
      assert.equal(body.code, 'invalid-request');
    }
    assert.equal((await server.api('POST', '/v1/calls', { key: newKey(), body: { phoneNumber: '+12015550120', displayName: 'é'.repeat(64) } })).status, 202);
  });

  test('a body over 16 KB is 413 payload-too-large, with or without Content-Length', async () => {
    const big = { phoneNumber: '+12015550120', message: 'x'.repeat(17 * 1024) };
    for (const path of ['/v1/calls', '/v1/sms']) {
      const { status, body } = await server.api('POST', path, { key: newKey(), body: big });
      assert.equal(status, 413);
      assert.equal(body.code, 'payload-too-large');
    }
    // Chunked, so the limit is met while reading.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/v1/sms`, {
      method: 'POST',
      body: chunks,
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
    } as RequestInit);
    assert.equal(response.status, 413);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
  });
});
