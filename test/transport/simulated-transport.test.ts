import { expect } from '@open-wc/testing';
import { createSimulatedTransport, type SimulatedTransportOptions } from '../../src/transport/simulated-transport.js';
import type { DialOutUpdate, DialOutState, TransportError } from '../../src/transport/types.js';

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** 'pending' when the promise has not settled within `ms`. */
async function settledWithin(promise: Promise<unknown>, ms = 30): Promise<'settled' | 'pending'> {
  return Promise.race([
    promise.then(
      () => 'settled' as const,
      () => 'settled' as const,
    ),
    tick(ms).then(() => 'pending' as const),
  ]);
}

/** Resolves once `condition` holds, polling: timers on a busy machine fire late, never early. */
async function until(condition: () => boolean, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`condition not met within ${timeout} ms`);
    await tick(5);
  }
}

/** Rejection of `promise`, or a failure when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<TransportError> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: TransportError) => error,
  );
}

let keys = 0;

/** Places a call and keeps every update it reports. */
function dial(
  transport: ReturnType<typeof createSimulatedTransport>,
  phoneNumber = '+12015550100',
  { signal = new AbortController().signal, idempotencyKey = `key-${(keys += 1)}`, onStatus = (_update: DialOutUpdate) => {} } = {},
) {
  const updates: DialOutUpdate[] = [];
  const result = transport.dialOut(
    { phoneNumber, idempotencyKey },
    {
      signal,
      onStatus(update) {
        updates.push(update);
        onStatus(update);
      },
    },
  );
  return { result, updates, states: (): DialOutState[] => updates.map((update) => update.state) };
}

const fast = (options: SimulatedTransportOptions = {}) => createSimulatedTransport({ delays: 0, ...options });

describe('createSimulatedTransport: dialOut', () => {
  it('reports dialing, ringing, answered, joined and resolves with the participant', async () => {
    const transport = fast({ outcome: 'answered' });
    const call = dial(transport, '+12015550100', { idempotencyKey: 'k-answered' });
    expect(call.states(), 'nothing during the dialOut call itself').to.deep.equal([]);
    const final = await call.result;
    expect(final).to.deep.equal({ state: 'joined', participantId: 'simulated-participant-1' });
    expect(call.states()).to.deep.equal(['dialing', 'ringing', 'answered', 'joined']);
    expect(call.updates.at(-1)).to.deep.equal(final);
    expect(transport.calls).to.deep.equal([{ phoneNumber: '+12015550100', idempotencyKey: 'k-answered' }]);
    await tick(20);
    expect(call.updates, 'nothing after settling').to.have.length(4);
  });

  it('numbers participants per transport', async () => {
    const transport = fast({ outcome: 'answered' });
    expect(await dial(transport).result).to.include({ participantId: 'simulated-participant-1' });
    expect(await dial(transport).result).to.include({ participantId: 'simulated-participant-2' });
  });

  for (const outcome of ['no-answer', 'busy', 'rejected'] as const) {
    it(`rings, then resolves ${outcome}`, async () => {
      const call = dial(fast({ outcome }));
      expect(await call.result).to.deep.equal({ state: outcome });
      expect(call.states()).to.deep.equal(['dialing', 'ringing', outcome]);
    });
  }

  it('resolves failed with the carrier reason, without ringing', async () => {
    const call = dial(fast({ outcome: 'failed' }));
    expect(await call.result).to.deep.equal({ state: 'failed', reason: 'The carrier could not connect the call.' });
    expect(call.states()).to.deep.equal(['dialing', 'failed']);
    const custom = dial(fast({ outcome: 'failed', failureReason: 'Number disconnected.' }));
    expect(await custom.result).to.deep.equal({ state: 'failed', reason: 'Number disconnected.' });
  });

  it('rejects an error outcome with code network and reports nothing', async () => {
    const call = dial(fast({ outcome: 'error' }));
    const error = await rejectionOf(call.result);
    expect(error).to.be.instanceOf(Error);
    expect(error.code).to.equal('network');
    expect(error).not.to.have.property('retryAfterMs');
    expect(call.states()).to.deep.equal([]);
  });

  it('rejects an error outcome with the configured code and retryAfterMs', async () => {
    const error = await rejectionOf(dial(fast({ outcome: 'error', error: { code: 'rate-limited', retryAfterMs: 5000 } })).result);
    expect(error).to.include({ code: 'rate-limited', retryAfterMs: 5000 });
  });

  it('rings and never settles on never, until aborted', async () => {
    const abort = new AbortController();
    const call = dial(fast({ outcome: 'never' }), undefined, { signal: abort.signal });
    await until(() => call.states().includes('ringing'));
    expect(await settledWithin(call.result, 50)).to.equal('pending');
    expect(call.states()).to.deep.equal(['dialing', 'ringing']);
    abort.abort();
    expect(await call.result).to.deep.equal({ state: 'canceled' });
    expect(call.states()).to.deep.equal(['dialing', 'ringing', 'canceled']);
  });

  for (const during of ['dialing', 'ringing', 'answered'] as const) {
    it(`hangs up when aborted while ${during}: canceled once, nothing after`, async () => {
      const abort = new AbortController();
      const call = dial(fast({ outcome: 'answered' }), undefined, {
        signal: abort.signal,
        onStatus: (update) => {
          if (update.state === during) abort.abort();
        },
      });
      expect(await call.result).to.deep.equal({ state: 'canceled' });
      await tick(30);
      const expected: DialOutState[] = ['dialing', 'ringing', 'answered'];
      expect(call.states()).to.deep.equal([...expected.slice(0, expected.indexOf(during) + 1), 'canceled']);
    });
  }

  it('hangs up a ringing call on its real timers', async () => {
    const abort = new AbortController();
    const call = dial(createSimulatedTransport({ outcome: 'answered', delays: { dialing: 10, ringing: 200, answered: 10 } }), undefined, {
      signal: abort.signal,
    });
    await until(() => call.states().includes('ringing'));
    expect(call.states()).to.deep.equal(['dialing', 'ringing']);
    abort.abort();
    expect(await call.result).to.deep.equal({ state: 'canceled' });
    await tick(250);
    expect(call.states()).to.deep.equal(['dialing', 'ringing', 'canceled']);
  });

  it('does not call onStatus after settling, even when aborted afterwards', async () => {
    const abort = new AbortController();
    const call = dial(fast({ outcome: 'busy' }), undefined, { signal: abort.signal });
    expect(await call.result).to.deep.equal({ state: 'busy' });
    abort.abort();
    await tick(20);
    expect(call.states()).to.deep.equal(['dialing', 'ringing', 'busy']);
  });

  it('ignores an abort from the listener of the final update', async () => {
    const abort = new AbortController();
    const call = dial(fast({ outcome: 'answered' }), undefined, {
      signal: abort.signal,
      onStatus: (update) => {
        if (update.state === 'joined') abort.abort();
      },
    });
    expect(await call.result).to.include({ state: 'joined' });
    await tick(20);
    expect(call.states()).to.deep.equal(['dialing', 'ringing', 'answered', 'joined']);
  });

  it('resolves canceled without dialling when the signal is already aborted', async () => {
    const transport = fast({ outcome: 'answered' });
    const call = dial(transport, undefined, { signal: AbortSignal.abort() });
    expect(call.states(), 'not during the call itself').to.deep.equal([]);
    expect(await call.result).to.deep.equal({ state: 'canceled' });
    await tick(20);
    expect(call.states()).to.deep.equal(['canceled']);
    expect(transport.calls).to.deep.equal([]);
  });

  it('places one call per idempotency key and returns the same promise to a repeat', async () => {
    const transport = fast({ outcome: 'answered' });
    const first = dial(transport, '+12015550100', { idempotencyKey: 'same' });
    const repeat = dial(transport, '+12015550100', { idempotencyKey: 'same' });
    expect(repeat.result).to.equal(first.result);
    await first.result;
    expect(dial(transport, '+12015550100', { idempotencyKey: 'same' }).result, 'after resolving too').to.equal(first.result);
    expect(transport.calls).to.deep.equal([{ phoneNumber: '+12015550100', idempotencyKey: 'same' }]);
    expect(repeat.states()).to.deep.equal([]);
    const other = dial(transport, '+12015550100', { idempotencyKey: 'other' });
    expect(other.result).not.to.equal(first.result);
    expect(await other.result).to.include({ participantId: 'simulated-participant-2' });
    expect(transport.calls.map((call) => call.idempotencyKey)).to.deep.equal(['same', 'other']);
  });

  it('forgets a key whose call rejected, so that a retry is placed', async () => {
    const transport = fast({ outcome: (_number, attempt) => (attempt === 1 ? 'error' : 'answered') });
    const first = dial(transport, '+12015550100', { idempotencyKey: 'retry' }).result;
    await rejectionOf(first);
    const retry = dial(transport, '+12015550100', { idempotencyKey: 'retry' }).result;
    expect(retry).not.to.equal(first);
    expect(await retry).to.include({ state: 'joined' });
    expect(transport.calls).to.have.length(2);
  });

  it('passes the script each number and its attempt count', async () => {
    const seen: [string, number][] = [];
    const transport = fast({
      outcome: (phoneNumber, attempt) => {
        seen.push([phoneNumber, attempt]);
        return 'busy';
      },
    });
    await dial(transport, '+12015550100').result;
    await dial(transport, '+14165550100').result;
    await dial(transport, '+12015550100').result;
    expect(seen).to.deep.equal([
      ['+12015550100', 1],
      ['+14165550100', 1],
      ['+12015550100', 2],
    ]);
  });

  it('picks the outcome by the last digit by default', async () => {
    const transport = fast();
    const expected = ['joined', 'no-answer', 'busy', 'rejected', 'failed', 'error', 'joined', 'joined', 'joined', 'never'];
    const seen: string[] = [];
    for (let digit = 0; digit <= 9; digit += 1) {
      const call = dial(transport, `+1201555010${digit}`);
      // Zero delays settle at once; a busy machine may still take a while, a 'never' call forever.
      if ((await settledWithin(call.result, 1000)) === 'pending') seen.push('never');
      else seen.push(await call.result.then(({ state }) => state, (error: TransportError) => (error.code === 'network' ? 'error' : 'other')));
    }
    expect(seen).to.deep.equal(expected);
  });

  it('takes realistic default delays, scaled by speed', async () => {
    const transport = createSimulatedTransport({ outcome: 'answered', speed: 10 });
    const start = performance.now();
    const times: Partial<Record<DialOutState, number>> = {};
    await dial(transport, undefined, { onStatus: ({ state }) => (times[state] = performance.now() - start) }).result;
    // Defaults of 600, 2500 and 400 ms, ten times as fast. Timers never fire early, but a shared
    // machine may fire them late: only the lower bounds are checked.
    expect(times.ringing).to.be.at.least(59);
    expect(times.answered! - times.ringing!).to.be.at.least(249);
    expect(times.joined! - times.answered!).to.be.at.least(39);
  });

  it('refuses a speed that is not above 0 and an unknown outcome', () => {
    expect(() => createSimulatedTransport({ speed: 0 })).to.throw(RangeError);
    expect(() => createSimulatedTransport({ speed: Number.NaN })).to.throw(RangeError);
    const transport = fast({ outcome: 'ansered' as never });
    expect(() => dial(transport)).to.throw(RangeError, 'ansered');
    expect(transport.calls).to.deep.equal([]);
  });

  it('hands out copies of its records', async () => {
    const transport = fast({ outcome: 'busy' });
    await dial(transport).result;
    (transport.calls as unknown[]).length = 0;
    expect(transport.calls).to.have.length(1);
    expect(Object.isFrozen(transport.calls[0])).to.equal(true);
  });
});

describe('createSimulatedTransport: sendSms', () => {
  const send = (transport: ReturnType<typeof createSimulatedTransport>, phoneNumber = '+12015550100', idempotencyKey = `sms-${(keys += 1)}`, signal = new AbortController().signal) =>
    transport.sendSms({ phoneNumber, message: 'Join us: https://example.com/j/1', idempotencyKey }, { signal });

  it('resolves with a message id and records the message', async () => {
    const transport = fast({ smsOutcome: 'sent' });
    expect(await send(transport, '+12015550100', 'k1')).to.deep.equal({ messageId: 'simulated-message-1' });
    expect(await send(transport, '+12015550100', 'k2')).to.deep.equal({ messageId: 'simulated-message-2' });
    expect(transport.messages).to.deep.equal([
      { phoneNumber: '+12015550100', message: 'Join us: https://example.com/j/1', idempotencyKey: 'k1' },
      { phoneNumber: '+12015550100', message: 'Join us: https://example.com/j/1', idempotencyKey: 'k2' },
    ]);
  });

  it('waits the sms delay', async () => {
    const start = performance.now();
    await send(createSimulatedTransport({ smsOutcome: 'sent', delays: { sms: 60 } }));
    expect(performance.now() - start).to.be.at.least(55);
  });

  it('rejects an error outcome with code network, or the configured error', async () => {
    expect(await rejectionOf(send(fast({ smsOutcome: 'error' })))).to.include({ code: 'network' });
    const error = await rejectionOf(send(fast({ smsOutcome: 'error', error: { code: 'not-entitled' } })));
    expect(error.code).to.equal('not-entitled');
    expect(error).not.to.have.property('retryAfterMs');
  });

  it('rejects rate-limited with retryAfterMs, 30 s by default', async () => {
    expect(await rejectionOf(send(fast({ smsOutcome: 'rate-limited' })))).to.include({ code: 'rate-limited', retryAfterMs: 30_000 });
    expect(await rejectionOf(send(fast({ smsOutcome: 'rate-limited', retryAfterMs: 4000 })))).to.include({ code: 'rate-limited', retryAfterMs: 4000 });
  });

  it('rejects with an AbortError when aborted, and never settles on never until then', async () => {
    const abort = new AbortController();
    const pending = send(fast({ smsOutcome: 'never' }), undefined, undefined, abort.signal);
    expect(await settledWithin(pending, 50)).to.equal('pending');
    abort.abort();
    const error = await rejectionOf(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect(error.name).to.equal('AbortError');
  });

  it('rejects at once without sending when the signal is already aborted', async () => {
    const transport = fast({ smsOutcome: 'sent' });
    expect(await rejectionOf(send(transport, undefined, undefined, AbortSignal.abort()))).to.include({ name: 'AbortError' });
    expect(transport.messages).to.deep.equal([]);
  });

  it('sends one message per idempotency key, and forgets a key that was refused', async () => {
    const transport = fast({ smsOutcome: (_number, _message, attempt) => (attempt === 1 ? 'rate-limited' : 'sent') });
    const first = send(transport, '+12015550100', 'same');
    expect(send(transport, '+12015550100', 'same')).to.equal(first);
    await rejectionOf(first);
    expect(transport.messages).to.have.length(1);
    const retry = send(transport, '+12015550100', 'same');
    expect(retry).not.to.equal(first);
    expect(await retry).to.deep.equal({ messageId: 'simulated-message-1' });
    expect(send(transport, '+12015550100', 'same')).to.equal(retry);
    expect(transport.messages).to.have.length(2);
  });

  it('passes the script the number, the message and the attempt count', async () => {
    const seen: unknown[] = [];
    const transport = fast({
      smsOutcome: (...args) => {
        seen.push(args);
        return 'sent';
      },
    });
    await send(transport, '+12015550100');
    await send(transport, '+12015550100');
    expect(seen).to.deep.equal([
      ['+12015550100', 'Join us: https://example.com/j/1', 1],
      ['+12015550100', 'Join us: https://example.com/j/1', 2],
    ]);
  });

  it('picks the outcome by the last digit by default', async () => {
    const transport = fast();
    const outcome = (phoneNumber: string) =>
      send(transport, phoneNumber).then(
        () => 'sent',
        (error: TransportError) => error.code,
      );
    expect(await outcome('+12015550100')).to.equal('sent');
    expect(await outcome('+12015550105')).to.equal('network');
    expect(await outcome('+12015550106')).to.equal('rate-limited');
    expect(await outcome('+12015550109')).to.equal('sent');
  });
});

describe('createSimulatedTransport: getPolicy', () => {
  it('resolves both features entitled by default', async () => {
    expect(await fast().getPolicy({ signal: new AbortController().signal })).to.deep.equal({ dialOut: true, sms: true });
  });

  it('resolves the configured policy, as a copy', async () => {
    const policy = { dialOut: false, sms: true, countries: ['US', 'CA'] };
    const transport = fast({ policy });
    const first = await transport.getPolicy({ signal: new AbortController().signal });
    expect(first).to.deep.equal({ dialOut: false, sms: true, countries: ['US', 'CA'] });
    first.countries?.push('GB');
    expect(policy.countries).to.deep.equal(['US', 'CA']);
  });

  it('waits the policy delay and rejects with an AbortError when aborted', async () => {
    const abort = new AbortController();
    const pending = createSimulatedTransport({ delays: { policy: 1000 } }).getPolicy({ signal: abort.signal });
    expect(await settledWithin(pending, 30)).to.equal('pending');
    abort.abort();
    expect(await rejectionOf(pending)).to.include({ name: 'AbortError' });
    expect(await rejectionOf(fast().getPolicy({ signal: AbortSignal.abort() }))).to.be.instanceOf(DOMException);
  });
});
