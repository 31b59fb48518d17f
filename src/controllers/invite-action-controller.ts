import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { callTransport, newIdempotencyKey, readTransportError } from '../transport/errors.js';
import type { InviteTransport } from '../transport/types.js';
import { RetryCountdown } from './retry-countdown.js';

/** What every record of an invitation (a call attempt, an SMS send) carries. */
export interface InviteRecord {
  readonly id: number;
  /** E.164. */
  readonly phoneNumber: string;
  readonly idempotencyKey: string;
  /** When it was asked for, to order it among the other notices. */
  readonly startedAt: number;
  /** The person closed its notice. */
  dismissed: boolean;
}

type ActionMethod = 'dialOut' | 'sendSms';

/** How the transport answered a request: its value, or the code of its failure. */
export type TransportAnswer = { value: unknown; code?: undefined } | { value?: undefined; code: string };

/**
 * What the dial-out and SMS controllers share: the records of this session, newest first, events
 * announced on the host, the guarded call to the transport, and the wait a `rate-limited` answer
 * asks for. A detached host neither renders nor announces; the records go on, and when it is
 * attached again (moved, as frameworks do) it shows them and announces what happened meanwhile,
 * in order.
 */
export abstract class InviteActionController<Record extends InviteRecord> implements ReactiveController {
  protected readonly host: ReactiveControllerHost & HTMLElement;
  #connected = false;
  #nextId = 1;
  #records: Record[] = [];
  /** Events that happened while the host was detached. */
  #queued: Event[] = [];

  /** Counts down after the backend answered `rate-limited`. */
  readonly retry: RetryCountdown;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    this.retry = new RetryCountdown(host);
    host.addController(this);
  }

  /** The transport requests go to, read at the moment of each request. */
  protected abstract get transport(): InviteTransport | undefined;

  hostConnected(): void {
    this.#connected = true;
    this.retry.resume();
    this.host.requestUpdate();
    this.#announce();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.retry.stop();
  }

  protected get records(): readonly Record[] {
    return this.#records;
  }

  /** This number was called, or sent an SMS, before in this session. */
  tried(phoneNumber: string): boolean {
    return this.#records.some((record) => record.phoneNumber === phoneNumber);
  }

  dismiss(record: Record): void {
    record.dismissed = true;
    this.changed();
  }

  /** The fields every new record starts with: a new id and a new idempotency key, for one intent. */
  protected newRecord(phoneNumber: string): InviteRecord {
    return { id: this.#nextId++, phoneNumber, idempotencyKey: newIdempotencyKey(), startedAt: performance.now(), dismissed: false };
  }

  protected add(record: Record): void {
    this.#records = [record, ...this.#records];
    this.changed();
  }

  /**
   * Asks the transport. Never rejects: a failure of any kind answers with its code, and
   * `rate-limited` starts the countdown unless the request was aborted meanwhile.
   */
  protected request<Name extends ActionMethod>(method: Name, ...args: Parameters<InviteTransport[Name]>): Promise<TransportAnswer> {
    return callTransport(this.transport, method, ...args).then(
      (value: unknown) => ({ value }),
      (error: unknown) => {
        const { code, retryAfterMs } = readTransportError(error);
        if (retryAfterMs && code === 'rate-limited' && !args[1].signal.aborted) this.retry.start(retryAfterMs);
        return { code };
      },
    );
  }

  protected emit(event: Event): void {
    this.#queued.push(event);
    this.#announce();
  }

  #announce(): void {
    // A listener may detach the host again: what is left waits for the next time.
    while (this.#connected && this.#queued.length) this.host.dispatchEvent(this.#queued.shift()!);
  }

  protected changed(): void {
    // Records change in place: a new array tells templates that something did.
    this.#records = [...this.#records];
    if (this.#connected) this.host.requestUpdate();
  }
}
