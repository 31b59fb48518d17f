import { expect, waitUntil } from '@open-wc/testing';
import { SmsSendController, type SmsSend } from '../../src/controllers/sms-send-controller.js';
import type { InviteTransport } from '../../src/transport/types.js';
import { controllerHost, recordEvents } from '../helpers/controller-host.js';
import { ManualTransport, transportError } from '../helpers/manual-transport.js';
import { hostile, throwing, unhandledRejections } from '../helpers/untrusted.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NUMBER = '+12015550123';
const OTHER = '+14165550199';
const MESSAGE = 'Join the call: https://meet.example/r/42';

async function setup(transport: InviteTransport | undefined) {
  const host = await controllerHost();
  const controller = new SmsSendController(host, () => transport);
  const events = recordEvents(host, 'invite-sms-sent', 'invite-error');
  return { host, controller, events };
}

/** Sends `MESSAGE`; the send must start. */
function send(controller: SmsSendController, phoneNumber = NUMBER): Promise<SmsSend> {
  const sent = controller.send(phoneNumber, MESSAGE);
  if (!sent) throw new Error(`no send to ${phoneNumber}`);
  return sent;
}

describe('SmsSendController', () => {
  it('sends through the transport and resolves with the record once the backend answered', async () => {
    const transport = new ManualTransport();
    const { host, controller, events } = await setup(transport);
    expect(controller.tried(NUMBER)).to.equal(false);
    const sent = send(controller);
    const [record] = controller.sends;
    expect(record).to.include({ phoneNumber: NUMBER, message: MESSAGE, state: 'sending', dismissed: false });
    expect(record!.idempotencyKey).to.match(UUID);
    expect(controller.isSending(NUMBER)).to.equal(true);
    expect(controller.tried(NUMBER)).to.equal(true);

    await waitUntil(() => transport.texts.length === 1, 'the transport is asked');
    expect(transport.texts[0]!.request).to.deep.equal({ phoneNumber: NUMBER, message: MESSAGE, idempotencyKey: record!.idempotencyKey });
    const updates = host.updates;
    transport.texts[0]!.resolve({ messageId: 'm-1' });
    expect(await sent).to.equal(record);
    expect(record).to.include({ state: 'sent', messageId: 'm-1' });
    expect(controller.isSending(NUMBER)).to.equal(false);
    expect(events.map((event) => [event.type, event.detail])).to.deep.equal([['invite-sms-sent', { phoneNumber: NUMBER, messageId: 'm-1' }]]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    await host.updateComplete;
    expect(host.updates).to.be.greaterThan(updates);
  });

  it('sends one message per intent: not another to a number while one is on its way', async () => {
    const transport = new ManualTransport();
    const { controller } = await setup(transport);
    const first = send(controller);
    expect(typeof controller.send(NUMBER, 'again'), 'no second send').to.equal('undefined');
    send(controller, OTHER);
    await waitUntil(() => transport.texts.length === 2, 'both numbers are sent to');
    expect(transport.texts.map((text) => text.request.phoneNumber)).to.deep.equal([NUMBER, OTHER]);

    transport.texts[0]!.resolve({});
    const done = await first;
    expect(done.state).to.equal('sent');
    expect(done.messageId).to.equal(undefined);
    const again = send(controller);
    expect(controller.sends[0]!.idempotencyKey).to.not.equal(done.idempotencyKey);
    expect(controller.sends.map((record) => record.phoneNumber)).to.deep.equal([NUMBER, OTHER, NUMBER]);
    await waitUntil(() => transport.texts.length === 3, 'the number is sent to again');
    transport.texts[2]!.resolve({});
    expect((await again).state).to.equal('sent');
  });

  it('fails with the code no-transport without a transport or its sendSms', async () => {
    for (const transport of [undefined, {} as InviteTransport]) {
      const { controller, events } = await setup(transport);
      const record = await send(controller);
      expect(record).to.include({ state: 'failed', errorCode: 'no-transport' });
      expect(events.map((event) => [event.type, event.detail])).to.deep.equal([
        ['invite-error', { phoneNumber: NUMBER, action: 'sms', code: 'no-transport', message: '' }],
      ]);
    }
  });

  it('fails with the rejection’s code, or unknown, also when the transport throws synchronously', async () => {
    const throwing = {
      sendSms() {
        throw transportError('not-authorized');
      },
    } as unknown as InviteTransport;
    expect(await send((await setup(throwing)).controller)).to.include({ state: 'failed', errorCode: 'not-authorized' });

    const transport = new ManualTransport();
    const { controller, events } = await setup(transport);
    const first = send(controller);
    const second = send(controller, OTHER);
    await waitUntil(() => transport.texts.length === 2);
    transport.texts[0]!.reject(transportError('invalid-number'));
    transport.texts[1]!.reject(undefined);
    expect((await first).errorCode).to.equal('invalid-number');
    expect((await second).errorCode).to.equal('unknown');
    expect(events.map((event) => event.detail.code)).to.deep.equal(['invalid-number', 'unknown']);
  });

  it('waits as long as a rate-limited rejection asks before sending again', async () => {
    const transport = new ManualTransport();
    const { controller } = await setup(transport);
    const sent = send(controller);
    await waitUntil(() => transport.texts.length === 1);
    transport.texts[0]!.reject(transportError('rate-limited', { retryAfterMs: 1500 }));
    expect((await sent).errorCode).to.equal('rate-limited');
    expect(controller.retry.secondsLeft).to.equal(2);
    expect(typeof controller.send(OTHER, MESSAGE), 'no send while waiting').to.equal('undefined');
  });

  it('brings a dismissed send back when the backend answers', async () => {
    const transport = new ManualTransport();
    const { controller } = await setup(transport);
    const sent = send(controller);
    const [record] = controller.sends;
    controller.dismiss(record!);
    expect(record!.dismissed).to.equal(true);
    await waitUntil(() => transport.texts.length === 1);
    transport.texts[0]!.resolve({ messageId: 'm-2' });
    expect((await sent).dismissed).to.equal(false);
  });

  it('keeps sending while its host is detached, without announcing it', async () => {
    const transport = new ManualTransport();
    const { host, controller, events } = await setup(transport);
    host.remove();
    const sent = send(controller);
    await waitUntil(() => transport.texts.length === 1);
    transport.texts[0]!.resolve({ messageId: 'm-3' });
    expect(await sent).to.include({ state: 'sent', messageId: 'm-3' });
    expect(events).to.deep.equal([]);
  });
});

describe('SmsSendController: hardening (#12)', () => {
  const timeout = SmsSendController.timeout;
  afterEach(() => {
    SmsSendController.timeout = timeout;
  });

  it('shows a send the backend is silent about as unknown after the timeout, lets it be sent again, and takes its late answer', async () => {
    SmsSendController.timeout = 100;
    const transport = new ManualTransport();
    const { controller, events } = await setup(transport);
    const sent = send(controller);
    const [record] = controller.sends;
    await waitUntil(() => record!.state === 'unknown', 'the send times out');
    expect(await sent, 'nothing waits forever').to.equal(record);
    expect(record).to.include({ phoneNumber: NUMBER, message: MESSAGE, dismissed: false });
    expect(controller.isSending(NUMBER), 'it may be sent again').to.equal(false);
    expect(events).to.deep.equal([]);

    SmsSendController.timeout = timeout;
    const again = send(controller);
    await waitUntil(() => transport.texts.length === 2, 'sent again');
    transport.texts[0]!.resolve({ messageId: 'late' });
    await waitUntil(() => record!.state === 'sent', 'the late answer is taken');
    transport.texts[1]!.resolve({ messageId: 'm-2' });
    expect((await again).state).to.equal('sent');
    expect(events.map((event) => event.detail.messageId)).to.deep.equal(['late', 'm-2']);
  });

  it('sends or fails cleanly on an answer or a rejection whose getters throw, with no unhandled rejection', async () => {
    const transport = new ManualTransport();
    const { host, controller } = await setup(transport);
    let records: SmsSend[] = [];
    const unhandled = await unhandledRejections(host, async () => {
      const sent = [send(controller), send(controller, OTHER)];
      await waitUntil(() => transport.texts.length === 2);
      transport.texts[0]!.resolve(throwing('messageId'));
      transport.texts[1]!.reject(hostile());
      records = await Promise.all(sent);
    });
    expect(records.map((record) => [record.state, record.messageId ?? record.errorCode])).to.deep.equal([
      ['sent', undefined],
      ['failed', 'unknown'],
    ]);
    expect(unhandled).to.deep.equal([]);
  });

  it('announces a send that ended while its host was out of the page once it is back, once', async () => {
    const transport = new ManualTransport();
    const { host, controller, events } = await setup(transport);
    const parent = host.parentElement!;
    host.remove();
    const sent = send(controller);
    const failed = send(controller, OTHER);
    await waitUntil(() => transport.texts.length === 2);
    transport.texts[0]!.resolve({ messageId: 'm-3' });
    transport.texts[1]!.reject(transportError('network'));
    await Promise.all([sent, failed]);
    expect(events).to.deep.equal([]);
    parent.append(host);
    parent.append(host);
    expect(events.map((event) => [event.type, event.detail.phoneNumber])).to.deep.equal([
      ['invite-sms-sent', NUMBER],
      ['invite-error', OTHER],
    ]);
  });
});
