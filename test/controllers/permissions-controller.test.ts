import { expect, waitUntil } from '@open-wc/testing';
import { NOTHING_OFFERED, PermissionsController, permissionsFor } from '../../src/controllers/permissions-controller.js';
import type { InvitePolicy, InviteRole, InviteTransport } from '../../src/transport/types.js';
import { controllerHost } from '../helpers/controller-host.js';
import { throwing, unhandledRejections } from '../helpers/untrusted.js';

const ALL: InvitePolicy = { dialOut: true, sms: true };
const US_CA = ['US', 'CA'];

/** Calls and messages that never end: these tests are about the policy. */
const never = () => new Promise<never>(() => {});

/** A transport whose policy requests the test answers by hand. */
class PolicyTransport implements InviteTransport {
  asked: { signal: AbortSignal; resolve(policy: unknown): void; reject(error: unknown): void }[] = [];
  dialOut = never;
  sendSms = never;

  getPolicy({ signal }: { signal: AbortSignal }): Promise<InvitePolicy> {
    return new Promise((resolve, reject) => this.asked.push({ signal, resolve: resolve as (policy: unknown) => void, reject }));
  }

  /** The `count`th policy request, once it is made. */
  async request(count: number) {
    await waitUntil(() => this.asked.length >= count, `getPolicy is called ${count} times`);
    return this.asked[count - 1]!;
  }
}

interface Inputs {
  role: InviteRole;
  transport: InviteTransport | undefined;
  allowedCountries: readonly string[];
}

async function setup(given: Partial<Inputs> = {}) {
  const host = await controllerHost();
  const transport = new PolicyTransport();
  const inputs: Inputs = { role: 'owner', transport, allowedCountries: US_CA, ...given };
  const controller = new PermissionsController(host, () => inputs);
  return { host, controller, transport, inputs };
}

/** Waits until the policy request has been answered one way or the other. */
const answered = (controller: PermissionsController) => waitUntil(() => controller.current !== 'loading', 'the policy is read');

describe('permissionsFor', () => {
  it('lets the owner dial out and text, a moderator dial out, and nobody else invite', () => {
    const roles: InviteRole[] = ['owner', 'moderator', 'participant', 'guest'];
    expect(roles.map((role) => permissionsFor(role, ALL, US_CA))).to.deep.equal([
      { dialOut: true, sms: true, countries: US_CA },
      { dialOut: true, sms: false, countries: US_CA },
      { dialOut: false, sms: false, countries: US_CA },
      { dialOut: false, sms: false, countries: US_CA },
    ]);
  });

  it('removes what the policy has not bought', () => {
    expect(permissionsFor('owner', { dialOut: false, sms: true }, US_CA)).to.include({ dialOut: false, sms: true });
    expect(permissionsFor('owner', { dialOut: true, sms: false }, US_CA)).to.include({ dialOut: true, sms: false });
  });

  it('narrows the countries by the policy’s, in any case, and never widens them', () => {
    expect(permissionsFor('owner', { ...ALL, countries: ['ca', 'FR'] }, US_CA)).to.deep.equal({ dialOut: true, sms: true, countries: ['CA'] });
    expect(permissionsFor('owner', { ...ALL, countries: ['FR', 'GB'] }, US_CA)).to.deep.equal({ dialOut: false, sms: false, countries: [] });
    expect(permissionsFor('owner', { ...ALL, countries: [] }, US_CA).countries).to.deep.equal([]);
  });
});

describe('PermissionsController', () => {
  it('never asks the backend for participants and guests', async () => {
    for (const role of ['participant', 'guest'] as const) {
      const { controller, transport } = await setup({ role });
      controller.load();
      expect(controller.current).to.equal('role');
      // An owner asks the same transport after them: the first request it sees must be the owner's.
      const owner = (await setup({ transport })).controller;
      owner.load();
      (await transport.request(1)).resolve(ALL);
      await answered(owner);
      expect(transport.asked, role).to.have.length(1);
    }
  });

  it('offers nothing without a transport', async () => {
    const { controller } = await setup({ transport: undefined });
    controller.load();
    expect(controller.current).to.equal('no-transport');
  });

  it('offers nothing until the policy arrives, then what the role and the policy allow', async () => {
    const { host, controller, transport } = await setup({ role: 'moderator' });
    controller.load();
    expect(controller.current).to.equal('loading');
    const request = await transport.request(1);
    const updates = host.updates;
    request.resolve(ALL);
    await answered(controller);
    expect(controller.current).to.deep.equal({ dialOut: true, sms: false, countries: US_CA });
    await host.updateComplete;
    expect(host.updates).to.be.greaterThan(updates);
  });

  it('counts every feature as entitled when the transport has no getPolicy', async () => {
    const transport: InviteTransport = { dialOut: never, sendSms: never };
    const { controller } = await setup({ transport });
    controller.load();
    expect(controller.current).to.deep.equal({ dialOut: true, sms: true, countries: US_CA });
  });

  it('narrows the element’s countries by the policy, and offers nothing when none is left', async () => {
    const { controller, transport, inputs } = await setup({ allowedCountries: ['US', 'CA', 'MX'] });
    controller.load();
    (await transport.request(1)).resolve({ ...ALL, countries: ['us', 'MX', 'GB'] });
    await answered(controller);
    expect(controller.current).to.deep.equal({ dialOut: true, sms: true, countries: ['US', 'MX'] });
    inputs.allowedCountries = ['CA', 'FR'];
    expect(controller.current, 'the policy does not widen the list').to.equal('not-entitled');
  });

  it('offers nothing when the policy grants nothing', async () => {
    const { controller, transport } = await setup();
    controller.load();
    (await transport.request(1)).resolve({ dialOut: false, sms: false });
    await answered(controller);
    expect(controller.current).to.equal('not-entitled');
  });

  it('asks once per transport', async () => {
    const { controller, transport } = await setup();
    controller.load();
    (await transport.request(1)).resolve(ALL);
    await answered(controller);
    controller.load();
    expect(controller.current, 'it keeps the policy it has').to.deep.equal({ dialOut: true, sms: true, countries: US_CA });
  });

  it('fails on a malformed policy, a rejection or a throw, and asks again on the next load', async () => {
    const { controller, transport, inputs } = await setup();
    const malformed = [null, 'yes', { dialOut: 'yes', sms: true }, { dialOut: true }, { ...ALL, countries: 'US' }, { ...ALL, countries: [1] }];
    for (const [index, policy] of malformed.entries()) {
      controller.load();
      (await transport.request(index + 1)).resolve(policy);
      await answered(controller);
      expect(controller.current, JSON.stringify(policy)).to.equal('policy-failed');
    }
    controller.load();
    (await transport.request(malformed.length + 1)).reject(new Error('offline'));
    await answered(controller);
    expect(controller.current).to.equal('policy-failed');

    inputs.transport = Object.assign(new PolicyTransport(), {
      getPolicy() {
        throw new Error('broken');
      },
    });
    controller.load();
    await answered(controller);
    expect(controller.current).to.equal('policy-failed');

    inputs.transport = transport;
    controller.load();
    expect(controller.current).to.equal('loading');
    (await transport.request(malformed.length + 2)).resolve(ALL);
    await answered(controller);
    expect(controller.current).to.deep.equal({ dialOut: true, sms: true, countries: US_CA });
  });

  it('asks the new transport when it changes, and ignores the old one’s late answer', async () => {
    const { controller, transport: old, inputs } = await setup();
    controller.load();
    const stale = await old.request(1);
    const replacement = new PolicyTransport();
    inputs.transport = replacement;
    controller.load();
    expect(stale.signal.aborted).to.equal(true);
    expect(controller.current).to.equal('loading');
    (await replacement.request(1)).resolve({ dialOut: true, sms: false });
    stale.resolve(ALL);
    await answered(controller);
    expect(controller.current).to.deep.equal({ dialOut: true, sms: false, countries: US_CA });
  });

  it('aborts the request when the host is removed, and asks again once it is back', async () => {
    const { host, controller, transport } = await setup();
    controller.load();
    const first = await transport.request(1);
    const parent = host.parentElement!;
    host.remove();
    expect(first.signal.aborted).to.equal(true);

    parent.append(host);
    controller.load();
    (await transport.request(2)).resolve({ dialOut: true, sms: false });
    first.resolve(ALL);
    await answered(controller);
    expect(controller.current).to.deep.equal({ dialOut: true, sms: false, countries: US_CA });
  });
});

describe('PermissionsController: hardening (#12)', () => {
  const timeout = PermissionsController.timeout;
  afterEach(() => {
    PermissionsController.timeout = timeout;
  });

  it('times a policy request that never answers out into policy-failed, and asks again on the next load', async () => {
    PermissionsController.timeout = 100;
    const { controller, transport } = await setup();
    controller.load();
    const silent = await transport.request(1);
    await waitUntil(() => controller.current === 'policy-failed', 'the request times out');
    expect(silent.signal.aborted, 'the transport is told to stop').to.equal(true);
    controller.load();
    const next = await transport.request(2);
    silent.resolve({ dialOut: false, sms: false });
    next.resolve(ALL);
    await answered(controller);
    expect(controller.current, 'the late answer is not taken').to.deep.equal({ dialOut: true, sms: true, countries: US_CA });
  });

  it('fails on a policy whose getters throw, with no unhandled rejection', async () => {
    const { host, controller, transport } = await setup();
    const unhandled = await unhandledRejections(host, async () => {
      controller.load();
      (await transport.request(1)).resolve(throwing('dialOut'));
      await answered(controller);
    });
    expect(controller.current).to.equal('policy-failed');
    expect(unhandled).to.deep.equal([]);
  });

  it('says that no country is configured when the allowed list is empty, not that the plan lacks the feature', async () => {
    expect(NOTHING_OFFERED).to.include('no-countries');
    const { controller, transport } = await setup({ allowedCountries: [] });
    controller.load();
    (await transport.request(1)).resolve(ALL);
    await answered(controller);
    expect(controller.current).to.equal('no-countries');
  });

  it('asks again by itself when the host comes back from a removal that interrupted the request', async () => {
    const { host, controller, transport } = await setup();
    const parent = host.parentElement!;
    controller.load();
    const first = await transport.request(1);
    host.remove();
    parent.append(host);
    expect(first.signal.aborted).to.equal(true);
    (await transport.request(2)).resolve(ALL);
    await answered(controller);
    expect(controller.current).to.deep.equal({ dialOut: true, sms: true, countries: US_CA });
  });
});
