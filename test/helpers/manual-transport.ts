import type { DialOutRequest, DialOutUpdate, InvitePolicy, InviteTransport, SmsRequest } from '../../src/transport/types.js';

export interface PendingDial {
  request: DialOutRequest;
  signal: AbortSignal;
  status(update: DialOutUpdate): void;
  resolve(update: unknown): void;
  reject(error: unknown): void;
}

export interface PendingSms {
  request: SmsRequest;
  signal: AbortSignal;
  resolve(value: { messageId?: string }): void;
  reject(error: unknown): void;
}

/** A transport the test drives by hand: every call waits until the test settles it. */
export class ManualTransport implements InviteTransport {
  dials: PendingDial[] = [];
  texts: PendingSms[] = [];
  policyCalls = 0;
  policy: InvitePolicy | Promise<InvitePolicy> = { dialOut: true, sms: true };

  getPolicy(): Promise<InvitePolicy> {
    this.policyCalls += 1;
    return Promise.resolve(this.policy);
  }

  dialOut(request: DialOutRequest, options: { signal: AbortSignal; onStatus(update: DialOutUpdate): void }): Promise<DialOutUpdate> {
    return new Promise((resolve, reject) => {
      this.dials.push({ request, signal: options.signal, status: options.onStatus, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  sendSms(request: SmsRequest, options: { signal: AbortSignal }): Promise<{ messageId?: string }> {
    return new Promise((resolve, reject) => {
      this.texts.push({ request, signal: options.signal, resolve, reject });
    });
  }

  get lastDial(): PendingDial {
    const dial = this.dials.at(-1);
    if (!dial) throw new Error('no dialOut call');
    return dial;
  }
}

export function transportError(code: string, extra: { retryAfterMs?: number; message?: string } = {}): Error {
  return Object.assign(new Error(extra.message ?? code), { code, ...extra });
}

/** Waits for pending promise callbacks and the element's render. */
export async function settle(element: { updateComplete: Promise<unknown> }): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
  }
}
