import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newKey, readEvents, startServer, states, token, type Server } from './support.js';

describe('sms', () => {
  let server: Server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const send = async (phoneNumber: string, message = 'Join the call: https://meet.example/r/1') => {
    const sent = await server.api('POST', '/v1/sms', { key: newKey(), body: { phoneNumber, message } });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    return sent;
  };

  test('a message is accepted, sent, then delivered', async () => {
    const { body, headers } = await send('+12015550120');
    assert.equal(body.state, 'accepted');
    assert.match(String(body.id), /^sms_/);
    assert.equal(headers.get('location'), `/v1/sms/${body.id}`);
    const { events, ended } = await readEvents(server, `/v1/sms/${body.id}/events`);
    assert.ok(ended);
    assert.deepEqual(states(events), ['accepted', 'sent', 'delivered']);
    assert.deepEqual((await server.api('GET', `/v1/sms/${body.id}`)).body, { id: body.id, state: 'delivered' });
    assert.deepEqual(states((await readEvents(server, `/v1/sms/${body.id}/events`, { lastEventId: '1' })).events), ['sent', 'delivered']);
  });

  test('numbers ending in 5 fail, with a code', async () => {
    const { body } = await send('+12015550125');
    const { events } = await readEvents(server, `/v1/sms/${body.id}/events`);
    assert.deepEqual(
      events.map((event) => event.data),
      [{ state: 'accepted' }, { state: 'failed', code: 'unavailable' }],
    );
    assert.deepEqual((await server.api('GET', `/v1/sms/${body.id}`)).body, { id: body.id, state: 'failed', code: 'unavailable' });
  });

  test('over 10 SMS segments is 422 message-too-long; 10 is fine', async () => {
    // GSM-7: 153 characters per segment once split.
    assert.equal((await send('+12015550120', 'a'.repeat(153 * 10))).status, 202);
    const tooLong = await server.api('POST', '/v1/sms', { key: newKey(), body: { phoneNumber: '+12015550120', message: 'a'.repeat(153 * 10 + 1) } });
    assert.equal(tooLong.status, 422);
    assert.equal(tooLong.body.code, 'message-too-long');
    // UCS-2 (an emoji) fits 67 units per segment: fewer characters, same limit.
    const unicode = await server.api('POST', '/v1/sms', { key: newKey(), body: { phoneNumber: '+12015550120', message: '😀' + 'a'.repeat(67 * 10) } });
    assert.equal(unicode.body.code, 'message-too-long');
  });

  test('an empty message is 400 invalid-request', async () => {
    for (const message of ['', '   ', 42, undefined]) {
      const { status, body } = await server.api('POST', '/v1/sms', { key: newKey(), body: { phoneNumber: '+12015550120', message } });
      assert.equal(status, 400);
      assert.equal(body.code, 'invalid-request');
    }
  });

  test('a replayed key returns the same message; another body is a mismatch', async () => {
    const key = newKey();
    const first = await server.api('POST', '/v1/sms', { key, body: { phoneNumber: '+12015550120', message: 'hello' } });
    const replay = await server.api('POST', '/v1/sms', { key, body: { phoneNumber: '+12015550120', message: 'hello' } });
    assert.equal(replay.status, 202);
    assert.deepEqual(replay.body, first.body);
    const mismatch = await server.api('POST', '/v1/sms', { key, body: { phoneNumber: '+12015550120', message: 'hello!' } });
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body.code, 'idempotency-mismatch');
  });

  test('only the sender may read a message', async () => {
    const { body } = await send('+12015550120');
    const other = await token({ sub: 'user-2' });
    assert.equal((await server.api('GET', `/v1/sms/${body.id}`, { token: other })).status, 404);
    assert.equal((await server.api('GET', `/v1/sms/${body.id}/events`, { token: other })).status, 404);
  });
});
