import { expect, waitUntil } from '@open-wc/testing';
import { buildNotices, callActions, errorText, type NoticeSources } from '../../src/components/invite-dialog/notice-model.js';
import type { Confirmation } from '../../src/components/invite-dialog/repeat-confirmation.js';
import { DialOutController } from '../../src/controllers/dial-out-controller.js';
import { SmsSendController } from '../../src/controllers/sms-send-controller.js';
import { en } from '../../src/i18n/en.js';
import type { DialOutUpdate } from '../../src/transport/types.js';
import { controllerHost } from '../helpers/controller-host.js';
import { ManualTransport, transportError } from '../helpers/manual-transport.js';

const NUMBER = '+12015550123';

async function sources(offered = { dialOut: true, sms: true, countries: ['US'] }) {
  const host = await controllerHost();
  const transport = new ManualTransport();
  const asked: Confirmation[] = [];
  const notices: NoticeSources = {
    strings: en,
    display: (phoneNumber) => `<${phoneNumber}>`,
    offered,
    dialOut: new DialOutController(host, () => ({ transport, timeout: 60_000 })),
    sms: new SmsSendController(host, () => transport),
    askAgain: (confirmation) => asked.push(confirmation),
  };
  return { transport, asked, notices };
}

/** Places a call and settles it with `final`, or rejects it with `code`. */
async function callEndingWith(end: DialOutUpdate | { code: string }, offered?: Parameters<typeof sources>[0]) {
  const setup = await sources(offered);
  const attempt = setup.notices.dialOut.call(NUMBER)!;
  await waitUntil(() => setup.transport.dials.length === 1, 'the transport is asked');
  if ('code' in end) setup.transport.lastDial.reject(transportError(end.code));
  else setup.transport.lastDial.resolve(end);
  await waitUntil(() => attempt.settled, 'the attempt settles');
  return { ...setup, attempt };
}

const labels = (actions: { label: string }[]) => actions.map((action) => action.label);

describe('notice model', () => {
  it('shows a ringing call as a status that can be cancelled, not closed', async () => {
    const { notices } = await sources();
    notices.dialOut.call(NUMBER);
    const [notice] = buildNotices(notices);
    expect(notice).to.include({ key: 'call-1', state: 'dialing', text: 'Calling <+12015550123>…', alert: false });
    expect(labels(notice!.actions)).to.deep.equal(['Cancel call']);
    expect(notice!.dismiss).to.equal(undefined);
  });

  it('makes a busy line an alert that offers to call again, after confirming', async () => {
    const { notices, asked } = await callEndingWith({ state: 'busy' });
    const [notice] = buildNotices(notices);
    expect(notice).to.include({ state: 'busy', alert: true, text: '<+12015550123> is busy.' });
    expect(labels(notice!.actions)).to.deep.equal(['Call again']);
    notice!.actions[0]!.run();
    expect(asked).to.deep.equal([{ action: 'call', phoneNumber: NUMBER }]);
    notice!.dismiss!();
    expect(buildNotices(notices), 'dismissed').to.deep.equal([]);
  });

  it('offers a cancelled call again without an alert, and nothing again once dial-out is not offered', async () => {
    const setup = await sources();
    const attempt = setup.notices.dialOut.call(NUMBER)!;
    setup.notices.dialOut.cancel(attempt);
    expect(buildNotices(setup.notices)[0]).to.include({ state: 'canceled', alert: false });
    expect(labels(callActions(attempt, setup.notices))).to.deep.equal(['Call again']);
    setup.notices.offered = { dialOut: false, sms: true, countries: ['US'] };
    expect(labels(callActions(attempt, setup.notices))).to.deep.equal([]);
  });

  it('says why a rejected call failed, in the person’s words, and a prototype key as a generic failure', async () => {
    const { notices } = await callEndingWith({ code: 'unavailable' });
    expect(buildNotices(notices)[0]).to.include({ state: 'failed', alert: true, detail: en.errors.unavailable });
    const odd = await callEndingWith({ code: 'constructor' });
    expect(buildNotices(odd.notices)[0]!.detail).to.equal(en.errors.unknown);
    expect(errorText(en, 'toString')).to.equal(en.errors.unknown);
    const reason = await callEndingWith({ state: 'failed', reason: 'The trunk is down.' });
    expect(buildNotices(reason.notices)[0]!.detail, 'the backend’s reason first').to.equal('The trunk is down.');
  });

  it('draws ordinary endings calmly and only failures as failures', async () => {
    const tones: Record<string, string> = {};
    for (const end of [{ state: 'busy' }, { state: 'no-answer' }, { state: 'joined' }, { state: 'failed' }] as const) {
      const { notices } = await callEndingWith(end);
      tones[end.state] = buildNotices(notices)[0]!.tone;
    }
    expect(tones).to.deep.equal({ busy: 'ended', 'no-answer': 'ended', joined: 'success', failed: 'failure' });
    const { notices } = await sources();
    notices.dialOut.call(NUMBER);
    expect(buildNotices(notices)[0]!.tone).to.equal('progress');
  });

  it('offers no Call again while the same number rings again, and none that can work while the backend asks to wait', async () => {
    const { notices, transport, attempt } = await callEndingWith({ state: 'busy' });
    notices.dialOut.call(NUMBER);
    expect(labels(callActions(attempt, notices)), 'the same number rings').to.deep.equal([]);
    await waitUntil(() => transport.dials.length === 2, 'the transport is asked again');
    transport.lastDial.reject(transportError('rate-limited', { retryAfterMs: 30_000 }));
    await waitUntil(() => notices.dialOut.retry.secondsLeft > 0, 'the backend asks to wait');
    const [again] = callActions(attempt, notices);
    expect(again).to.include({ label: 'Call again', disabled: true });
  });

  it('makes a failed SMS an alert that offers to send the same message again', async () => {
    const { notices, transport, asked } = await sources();
    const sent = notices.sms.send(NUMBER, 'Join us')!;
    expect(buildNotices(notices)[0]).to.include({ state: 'sending', alert: false, dismiss: undefined });
    await waitUntil(() => transport.texts.length === 1, 'the transport is asked');
    transport.texts[0]!.reject(transportError('rate-limited'));
    await sent;
    const [notice] = buildNotices(notices);
    expect(notice).to.include({ key: 'sms-1', state: 'failed', alert: true, tone: 'failure', detail: en.errors['rate-limited'] });
    notice!.actions[0]!.run();
    expect(asked).to.deep.equal([{ action: 'sms', phoneNumber: NUMBER, message: 'Join us' }]);
  });
});
