import { expect } from '@open-wc/testing';
import { callTransport, newIdempotencyKey, readTransportError } from '../../src/transport/errors.js';
import type { InviteTransport } from '../../src/transport/types.js';
import { hostile } from '../helpers/untrusted.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const REQUEST = { phoneNumber: '+12015550123', message: 'Join us', idempotencyKey: 'k' };
const OPTIONS = { signal: new AbortController().signal };

/** What a promise settled with: `['ok', value]` or `['error', reason]`. */
function settled(promise: Promise<unknown>): Promise<[string, unknown]> {
  return promise.then(
    (value) => ['ok', value],
    (reason: unknown) => ['error', reason],
  );
}

describe('readTransportError', () => {
  it('reads the code and a usable retryAfterMs from whatever was thrown', () => {
    expect(readTransportError(Object.assign(new Error('x'), { code: 'rate-limited', retryAfterMs: 1500 }))).to.deep.equal({
      code: 'rate-limited',
      retryAfterMs: 1500,
    });
    expect(readTransportError({ code: 'busy-here', retryAfterMs: -1 })).to.deep.equal({ code: 'busy-here' });
    expect(readTransportError({ retryAfterMs: Infinity })).to.deep.equal({ code: 'unknown' });
    expect(readTransportError('a string')).to.deep.equal({ code: 'unknown' });
    expect(readTransportError(null)).to.deep.equal({ code: 'unknown' });
  });

  it('caps retryAfterMs at an hour, and reads a rejection whose getters throw as unknown (#12)', () => {
    // A timestamp sent by mistake for a duration.
    expect(readTransportError({ code: 'rate-limited', retryAfterMs: Date.now() })).to.deep.equal({ code: 'rate-limited', retryAfterMs: 3_600_000 });
    expect(readTransportError({ code: 'rate-limited', retryAfterMs: NaN })).to.deep.equal({ code: 'rate-limited' });
    expect(readTransportError({ code: 'rate-limited', retryAfterMs: 0 })).to.deep.equal({ code: 'rate-limited' });
    expect(readTransportError(hostile())).to.deep.equal({ code: 'unknown' });
    const throwing = {
      code: 'rate-limited',
      get retryAfterMs(): number {
        throw new Error('hostile getter');
      },
    };
    expect(readTransportError(throwing)).to.deep.equal({ code: 'unknown' });
  });
});

describe('callTransport', () => {
  it('calls the method on the transport, with its arguments and itself as this', async () => {
    const calls: unknown[] = [];
    const transport = {
      name: 'mine',
      sendSms(this: { name: string }, request: unknown, options: unknown) {
        calls.push([this.name, request, options]);
        return Promise.resolve({ messageId: 'm1' });
      },
    } as unknown as InviteTransport;
    expect(await callTransport(transport, 'sendSms', REQUEST, OPTIONS)).to.deep.equal({ messageId: 'm1' });
    expect(calls).to.deep.equal([['mine', REQUEST, OPTIONS]]);
  });

  it('rejects with the code no-transport when there is no transport or no such method', async () => {
    for (const transport of [undefined, {} as InviteTransport, { sendSms: 'not a function' } as unknown as InviteTransport]) {
      const [how, reason] = await settled(callTransport(transport, 'sendSms', REQUEST, OPTIONS));
      expect(how).to.equal('error');
      expect(readTransportError(reason).code).to.equal('no-transport');
    }
  });

  it('turns a method that throws at once into a rejection', async () => {
    const transport = {
      sendSms() {
        throw Object.assign(new Error('down'), { code: 'unavailable' });
      },
    } as unknown as InviteTransport;
    const [how, reason] = await settled(callTransport(transport, 'sendSms', REQUEST, OPTIONS));
    expect(how).to.equal('error');
    expect(readTransportError(reason).code).to.equal('unavailable');
  });
});

describe('newIdempotencyKey', () => {
  it('is a new random UUID each time', () => {
    const keys = new Set(Array.from({ length: 20 }, () => newIdempotencyKey()));
    expect(keys.size).to.equal(20);
    for (const key of keys) expect(key).to.match(UUID);
  });

  it('is a random UUID too where crypto.randomUUID is missing, as in a page served over plain http', () => {
    const own = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(crypto.randomUUID).to.equal(undefined);
      const keys = new Set(Array.from({ length: 20 }, () => newIdempotencyKey()));
      expect(keys.size).to.equal(20);
      for (const key of keys) expect(key).to.match(UUID);
    } finally {
      if (own) Object.defineProperty(crypto, 'randomUUID', own);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(newIdempotencyKey()).to.match(UUID);
  });
});
