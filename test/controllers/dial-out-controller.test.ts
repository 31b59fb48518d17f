import { expect, waitUntil } from '@open-wc/testing';
import { DialOutController, type CallAttempt, type DialOutOptions } from '../../src/controllers/dial-out-controller.js';
import type { InviteTransport } from '../../src/transport/types.js';
import { controllerHost, recordEvents } from '../helpers/controller-host.js';
import { ManualTransport, transportError } from '../helpers/manual-transport.js';
import { hostile, throwing, unhandledRejections } from '../helpers/untrusted.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NUMBER = '+12015550123';
const OTHER = '+14165550199';

async function setup(options: Partial<DialOutOptions> = {}) {
  const host = await controllerHost();
  const transport = new ManualTransport();
  const controller = new DialOutController(host, () => ({ transport, timeout: 60_000, ...options }));
  const events = recordEvents(host, 'invite-call-start', 'invite-call-status', 'invite-participant-joined', 'invite-error');
  /** The events so far as `type state-or-code`. */
  const steps = () => events.map((event) => `${event.type} ${event.detail.state ?? event.detail.code ?? ''}`.trim());
  return { host, transport, controller, events, steps };
}

const settled = (attempt: CallAttempt) => waitUntil(() => attempt.settled, 'the attempt settles');

/** Calls `NUMBER` and returns the attempt, which must be made. */
function call(controller: DialOutController, phoneNumber = NUMBER): CallAttempt {
  const attempt = controller.call(phoneNumber);
  if (!attempt) throw new Error(`no attempt for ${phoneNumber}`);
  return attempt;
}

/** Waits until the controller has taken every answer the transport gave before: a later call's answer comes after them. */
async function afterEarlierAnswers(controller: DialOutController, transport: ManualTransport): Promise<void> {
  const probe = call(controller, '+12015550100');
  await waitUntil(() => transport.lastDial.request.phoneNumber === probe.phoneNumber);
  transport.lastDial.resolve({ state: 'busy' });
  await settled(probe);
}

describe('DialOutController', () => {
  it('places a call through the transport and lists the attempt first', async () => {
    const { host, transport, controller } = await setup();
    expect(controller.tried(NUMBER)).to.equal(false);
    const updates = host.updates;
    const attempt = call(controller);
    expect(attempt).to.include({ phoneNumber: NUMBER, state: 'dialing', settled: false, dismissed: false });
    expect(attempt.idempotencyKey).to.match(UUID);
    expect(controller.attempts).to.deep.equal([attempt]);
    expect(controller.isCalling(NUMBER)).to.equal(true);
    expect(controller.tried(NUMBER)).to.equal(true);
    expect(controller.canCancel(attempt)).to.equal(true);
    await waitUntil(() => transport.dials.length === 1, 'the transport is called');
    expect(transport.lastDial.request).to.deep.equal({ phoneNumber: NUMBER, idempotencyKey: attempt.idempotencyKey });
    await host.updateComplete;
    expect(host.updates).to.be.greaterThan(updates);
  });

  it('calls a number once per intent: not again while its attempt is open', async () => {
    const { transport, controller } = await setup();
    const first = call(controller);
    expect(controller.call(NUMBER)).to.equal(undefined);
    const other = call(controller, OTHER);
    await waitUntil(() => transport.dials.length === 2, 'both numbers are called');
    expect(transport.dials.map((dial) => dial.request.phoneNumber)).to.deep.equal([NUMBER, OTHER]);

    transport.dials[0]!.resolve({ state: 'busy' });
    await settled(first);
    expect(controller.isCalling(NUMBER)).to.equal(false);
    const again = call(controller);
    expect(again.idempotencyKey).to.not.equal(first.idempotencyKey);
    expect(controller.attempts).to.deep.equal([again, other, first]);
  });

  it('follows progress and settles with the final answer, announcing each step', async () => {
    const { transport, controller, events, steps } = await setup();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    transport.lastDial.status({ state: 'ringing' });
    expect(attempt.state).to.equal('ringing');
    transport.lastDial.status({ state: 'answered', participantId: 'p-7' });
    expect(attempt).to.include({ state: 'answered', participantId: 'p-7' });
    expect(controller.canCancel(attempt)).to.equal(false);
    transport.lastDial.resolve({ state: 'joined' });
    await settled(attempt);
    expect(attempt.state).to.equal('joined');
    expect(controller.isCalling(NUMBER)).to.equal(false);
    expect(steps()).to.deep.equal([
      'invite-call-start',
      'invite-call-status dialing',
      'invite-call-status ringing',
      'invite-call-status answered',
      'invite-call-status joined',
      'invite-participant-joined',
    ]);
    expect(events[0]!.detail).to.deep.equal({ phoneNumber: NUMBER, idempotencyKey: attempt.idempotencyKey });
    expect(events.at(-1)!.detail).to.deep.equal({ phoneNumber: NUMBER, participantId: 'p-7' });
    expect(events.every((event) => event.bubbles && event.composed)).to.equal(true);
  });

  it('ignores unknown states, final states sent as progress, and updates after settling', async () => {
    const { transport, controller, steps } = await setup();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    const { status } = transport.lastDial;
    status({ state: 'teleporting' } as never);
    status(null as never);
    status({ state: 'busy' });
    expect(attempt).to.include({ state: 'dialing', settled: false });

    transport.lastDial.resolve({ state: 'no-answer' });
    await settled(attempt);
    status({ state: 'ringing' });
    expect(attempt.state).to.equal('no-answer');
    expect(steps()).to.deep.equal(['invite-call-start', 'invite-call-status dialing', 'invite-call-status no-answer']);
  });

  it('shows an attempt the backend is silent about as unknown after the timeout, and still takes its answer', async () => {
    // The first attempt settles well before its timeout; the second times out after it would have.
    const options: Partial<DialOutOptions> = { timeout: 200 };
    const { transport, controller, steps } = await setup(options);
    const answered = call(controller, OTHER);
    await waitUntil(() => transport.dials.length === 1);
    transport.lastDial.resolve({ state: 'joined' });
    await settled(answered);

    options.timeout = 300;
    const silent = call(controller);
    await waitUntil(() => silent.state === 'unknown', 'the attempt times out');
    expect(answered.state, 'a settled attempt’s timer was cleared').to.equal('joined');
    expect(controller.canCancel(silent)).to.equal(true);
    expect(steps().at(-1)).to.equal('invite-call-status unknown');

    transport.lastDial.resolve({ state: 'rejected', reason: 'Declined' });
    await settled(silent);
    expect(silent).to.include({ state: 'rejected', reason: 'Declined' });
  });

  it('counts the timeout from what the backend said last, and not at all once the call is answered', async () => {
    const { transport, controller, events } = await setup({ timeout: 300 });
    /** The states announced for one number, in order. */
    const statesOf = (phoneNumber: string) =>
      events.filter((event) => event.type === 'invite-call-status' && event.detail.phoneNumber === phoneNumber).map((event) => event.detail.state);
    call(controller);
    await waitUntil(() => transport.dials.length === 1);
    const { status } = transport.dials[0]!;
    // A silent attempt placed just after times out, while the backend keeps reporting the first.
    const silent = call(controller, OTHER);
    await waitUntil(
      () => {
        status({ state: 'ringing' });
        return silent.state === 'unknown';
      },
      'the silent attempt times out',
      { timeout: 3000 },
    );
    expect(statesOf(NUMBER), 'never unknown while the backend speaks').to.deep.equal(['dialing', 'ringing']);

    // Answered at once: a silent attempt placed after it times out, the answered one does not.
    const answered = call(controller, '+12015550111');
    await waitUntil(() => transport.dials.length === 3);
    transport.dials[2]!.status({ state: 'answered' });
    const later = call(controller, '+14165550123');
    await waitUntil(() => later.state === 'unknown', 'an attempt placed after the answer times out', { timeout: 3000 });
    expect(answered.state, 'answered stays answered').to.equal('answered');
    expect(controller.canCancel(answered), 'nobody hangs up on a person who answered').to.equal(false);
  });

  it('cancels an unanswered attempt: aborts its signal and ignores the answer that follows', async () => {
    const { transport, controller, steps } = await setup();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    const { signal, resolve } = transport.lastDial;
    controller.cancel(attempt);
    expect(signal.aborted).to.equal(true);
    expect(attempt).to.include({ state: 'canceled', settled: true });
    expect(controller.canCancel(attempt)).to.equal(false);
    expect(steps()).to.deep.equal(['invite-call-start', 'invite-call-status dialing', 'invite-call-status canceled']);

    resolve({ state: 'joined' });
    await afterEarlierAnswers(controller, transport);
    expect(attempt.state).to.equal('canceled');
    expect(steps()).to.not.include('invite-participant-joined');
  });

  it('does not cancel an answered attempt', async () => {
    const { transport, controller } = await setup();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    transport.lastDial.status({ state: 'answered' });
    controller.cancel(attempt);
    expect(transport.lastDial.signal.aborted).to.equal(false);
    expect(attempt).to.include({ state: 'answered', settled: false });
  });

  it('fails without a transport, with the code no-transport', async () => {
    const { controller, events, steps } = await setup({ transport: undefined });
    const attempt = call(controller);
    await settled(attempt);
    expect(attempt).to.include({ state: 'failed', errorCode: 'no-transport' });
    expect(steps().slice(-2)).to.deep.equal(['invite-call-status failed', 'invite-error no-transport']);
    expect(events.at(-1)!.detail).to.deep.equal({ phoneNumber: NUMBER, action: 'call', code: 'no-transport', message: '' });
  });

  it('fails like a rejection when the transport throws synchronously', async () => {
    const transport = {
      dialOut() {
        throw transportError('unavailable');
      },
    } as unknown as InviteTransport;
    const { controller, steps } = await setup({ transport });
    const attempt = call(controller);
    await settled(attempt);
    expect(attempt).to.include({ state: 'failed', errorCode: 'unavailable' });
    expect(steps().at(-1)).to.equal('invite-error unavailable');
  });

  it('fails with the rejection’s code, unknown without one, and unexpected-answer for a non-final answer', async () => {
    const { transport, controller, events } = await setup();
    const numbers = ['+12015550101', '+12015550102', '+12015550103', '+12015550104'];
    const attempts = numbers.map((number) => call(controller, number));
    await waitUntil(() => transport.dials.length === 4);
    transport.dials[0]!.reject(transportError('destination-not-allowed'));
    transport.dials[1]!.reject('offline');
    transport.dials[2]!.resolve({ state: 'ringing' });
    transport.dials[3]!.resolve({ state: 'failed', reason: 'Carrier refused' });
    await Promise.all(attempts.map(settled));
    expect(attempts.map((attempt) => attempt.errorCode)).to.deep.equal(['destination-not-allowed', 'unknown', 'unexpected-answer', undefined]);
    expect(attempts.every((attempt) => attempt.state === 'failed')).to.equal(true);
    const errors = events.filter((event) => event.type === 'invite-error').map((event) => event.detail);
    expect(errors.map((detail) => detail.code)).to.have.members(['destination-not-allowed', 'unknown', 'unexpected-answer', 'failed']);
    expect(errors.find((detail) => detail.code === 'failed')).to.deep.include({ phoneNumber: numbers[3], message: 'Carrier refused' });
  });

  it('waits as long as a rate-limited rejection asks before calling anyone again', async () => {
    const { transport, controller } = await setup();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    transport.lastDial.reject(transportError('rate-limited', { retryAfterMs: 400 }));
    await settled(attempt);
    expect(attempt.errorCode).to.equal('rate-limited');
    expect(controller.retry.secondsLeft).to.equal(1);
    expect(controller.call(OTHER)).to.equal(undefined);

    await waitUntil(() => controller.retry.secondsLeft === 0, 'the wait is over');
    call(controller, OTHER);
    await waitUntil(() => transport.dials.length === 2, 'the next call reaches the transport');
  });

  it('does not wait after a rate-limited rejection that says nothing of how long', async () => {
    const { transport, controller } = await setup();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    transport.lastDial.reject(transportError('rate-limited'));
    await settled(attempt);
    expect(controller.retry.secondsLeft).to.equal(0);
    expect(controller.call(NUMBER)).to.not.equal(undefined);
  });

  it('keeps following a call while its host is detached, without announcing it', async () => {
    const { host, transport, controller, events } = await setup();
    host.remove();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1, 'removing the element is not hanging up');
    transport.lastDial.resolve({ state: 'joined' });
    await settled(attempt);
    expect(attempt.state).to.equal('joined');
    expect(events).to.deep.equal([]);
  });

  it('brings a dismissed attempt back when its state changes', async () => {
    const { host, transport, controller } = await setup();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    const before = controller.attempts;
    controller.dismiss(attempt);
    expect(attempt.dismissed).to.equal(true);
    expect(controller.attempts, 'a new array tells templates something changed').to.not.equal(before);
    await host.updateComplete;
    transport.lastDial.status({ state: 'ringing' });
    expect(attempt.dismissed).to.equal(false);
  });
});

describe('DialOutController: hardening (#12)', () => {
  it('arms the timeout again when the backend speaks after "outcome unknown", and not once the call is answered', async () => {
    const { transport, controller, steps } = await setup({ timeout: 150 });
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    await waitUntil(() => attempt.state === 'unknown', 'the attempt times out');
    transport.lastDial.status({ state: 'ringing' });
    expect(attempt.state).to.equal('ringing');
    await waitUntil(() => attempt.state === 'unknown', 'it times out again after the backend fell silent again');
    transport.lastDial.status({ state: 'answered' });
    // A silent attempt placed after the answer times out after the answered one would have.
    const silent = call(controller, OTHER);
    await waitUntil(() => silent.state === 'unknown', 'the silent attempt times out');
    expect(attempt.state).to.equal('answered');
    expect(steps().filter((step) => step.startsWith('invite-call-status')).slice(1)).to.deep.equal([
      'invite-call-status unknown',
      'invite-call-status ringing',
      'invite-call-status unknown',
      'invite-call-status answered',
      'invite-call-status dialing',
      'invite-call-status unknown',
    ]);
  });

  it('takes a call timeout that is not a positive number of milliseconds as the default, and Infinity as none', async () => {
    const options: Partial<DialOutOptions> = {};
    const { transport, controller } = await setup(options);
    const odd = [0, -1, NaN, -Infinity, Infinity, 2 ** 31, 1e12];
    const attempts = odd.map((timeout, index) => {
      options.timeout = timeout;
      return call(controller, `+1201555010${index}`);
    });
    // Placed last, with a short timeout: every odd one that would time out at once has done so first.
    options.timeout = 100;
    const clock = call(controller, OTHER);
    await waitUntil(() => clock.state === 'unknown', 'the last attempt times out');
    expect(transport.dials).to.have.length(odd.length + 1);
    expect(attempts.map((attempt) => attempt.state)).to.deep.equal(odd.map(() => 'dialing'));
  });

  it('fails cleanly on a rejection or an answer whose getters throw, and ignores such an update, with no unhandled rejection', async () => {
    const { host, transport, controller } = await setup();
    const numbers = ['+12015550101', '+12015550102', '+12015550103'];
    let attempts: CallAttempt[] = [];
    const unhandled = await unhandledRejections(host, async () => {
      attempts = numbers.map((number) => call(controller, number));
      await waitUntil(() => transport.dials.length === 3);
      expect(() => transport.dials[0]!.status(hostile() as never), 'nothing is thrown into the transport').to.not.throw();
      expect(attempts[0]!.state).to.equal('dialing');
      transport.dials[0]!.reject(hostile());
      transport.dials[1]!.reject(throwing('code'));
      // (Resolved with the Proxy itself, the promise would reject: reading its `then` throws.)
      transport.dials[2]!.resolve(throwing('state'));
      await Promise.all(attempts.map(settled));
    });
    expect(attempts.map((attempt) => [attempt.state, attempt.errorCode])).to.deep.equal([
      ['failed', 'unknown'],
      ['failed', 'unknown'],
      ['failed', 'unexpected-answer'],
    ]);
    expect(unhandled).to.deep.equal([]);
  });

  it('caps the wait a rate-limited rejection asks for at an hour', async () => {
    const { transport, controller } = await setup();
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    // A timestamp sent by mistake for a duration.
    transport.lastDial.reject(transportError('rate-limited', { retryAfterMs: Date.now() }));
    await settled(attempt);
    expect(controller.retry.secondsLeft).to.be.within(3599, 3600);
  });

  it('announces what happened while its host was out of the page once it is back, once each and in order, and shows it', async () => {
    const { host, transport, controller, steps } = await setup();
    const parent = host.parentElement!;
    const joined = call(controller);
    const failed = call(controller, OTHER);
    await waitUntil(() => transport.dials.length === 2);
    host.remove();
    transport.dials[0]!.status({ state: 'ringing' });
    transport.dials[0]!.resolve({ state: 'joined', participantId: 'p-1' });
    transport.dials[1]!.reject(transportError('network'));
    await Promise.all([settled(joined), settled(failed)]);
    const before = ['invite-call-start', 'invite-call-status dialing', 'invite-call-start', 'invite-call-status dialing'];
    expect(steps(), 'nothing while detached').to.deep.equal(before);

    // Moved, as frameworks do: attached to another parent.
    const elsewhere = document.createElement('div');
    parent.append(elsewhere);
    const updates = host.updates;
    elsewhere.append(host);
    const after = [
      'invite-call-status ringing',
      'invite-call-status joined',
      'invite-participant-joined',
      'invite-call-status failed',
      'invite-error network',
    ];
    expect(steps()).to.deep.equal([...before, ...after]);
    await host.updateComplete;
    expect(host.updates, 'the outcome is rendered').to.be.greaterThan(updates);
    parent.append(host);
    await host.updateComplete;
    expect(steps(), 'each once').to.deep.equal([...before, ...after]);
  });

  it('stops the call clock while its host is out of the page, and starts it again once it is back', async () => {
    const { host, transport, controller } = await setup();
    const parent = host.parentElement!;
    const attempt = call(controller);
    await waitUntil(() => transport.dials.length === 1);
    host.remove();
    const updates = host.updates;
    // Another host with a call under way measures the time.
    const other = await setup();
    call(other.controller);
    const ticks = other.host.updates;
    await waitUntil(() => other.host.updates >= ticks + 2, 'the other host’s clock ticks', { timeout: 4000 });
    expect(host.updates, 'no clock while detached').to.equal(updates);

    parent.append(host);
    const back = host.updates;
    await waitUntil(() => host.updates >= back + 2, 'the clock ticks again', { timeout: 4000 });
    controller.cancel(attempt);
    expect(transport.lastDial.signal.aborted, 'Cancel works after the move').to.equal(true);
  });
});
