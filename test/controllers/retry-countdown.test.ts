import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { RetryCountdown } from '../../src/controllers/retry-countdown.js';

/**
 * A countdown on a host that records the seconds shown at each update. The countdown reads the
 * real clock: the waits are short, and each test waits for the update it checks.
 */
function setup() {
  const shown: number[] = [];
  const host: ReactiveControllerHost = {
    addController() {},
    removeController() {},
    requestUpdate: () => shown.push(countdown.secondsLeft),
    updateComplete: Promise.resolve(true),
  };
  const countdown = new RetryCountdown(host);
  return { countdown, shown };
}

describe('RetryCountdown', () => {
  it('shows no wait before it starts', () => {
    expect(setup().countdown.secondsLeft).to.equal(0);
  });

  it('shows whole seconds left, rounded up, and updates the host at once', () => {
    const { countdown, shown } = setup();
    countdown.start(2100);
    expect(countdown.secondsLeft).to.equal(3);
    expect(shown).to.deep.equal([3]);
  });

  it('updates the host each time the seconds shown change, and when the wait is over', async () => {
    const { countdown, shown } = setup();
    countdown.start(1300);
    await waitUntil(() => countdown.secondsLeft === 1, 'a second is left', { interval: 10 });
    await waitUntil(() => shown.includes(1), 'the host hears of it then, not a second later', { interval: 10, timeout: 400 });
    await waitUntil(() => shown.at(-1) === 0, 'the host hears that the wait is over', { timeout: 2000 });
    // A timer may fire a millisecond early and update the host once more with the same figure:
    // what the person sees is each figure in turn.
    expect(shown.filter((seconds, index) => seconds !== shown[index - 1])).to.deep.equal([2, 1, 0]);
    expect(countdown.secondsLeft).to.equal(0);
  });

  it('starts over when started again', () => {
    const { countdown } = setup();
    countdown.start(5000);
    countdown.start(900);
    expect(countdown.secondsLeft).to.equal(1);
  });

  it('stops updating the host when stopped', async () => {
    const stopped = setup();
    const running = setup();
    stopped.countdown.start(1200);
    running.countdown.start(1200);
    stopped.countdown.stop();
    await waitUntil(() => running.shown.length === 2, 'the countdown that runs ticks');
    expect(stopped.shown, 'the stopped one, due first, did not').to.deep.equal([2]);
  });

  it('resumes ticking after a stop while there is time left, and not once the wait is over', async () => {
    const { countdown, shown } = setup();
    countdown.start(1200);
    countdown.stop();
    countdown.resume();
    expect(shown).to.deep.equal([2, 2]);
    await waitUntil(() => shown.length === 3, 'the resumed countdown ticks');

    const ended = setup();
    ended.countdown.start(50);
    ended.countdown.stop();
    await waitUntil(() => ended.countdown.secondsLeft === 0);
    ended.countdown.resume();
    expect(ended.shown).to.deep.equal([1]);
  });
});
