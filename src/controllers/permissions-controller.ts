import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { callTransport } from '../transport/errors.js';
import type { InvitePolicy, InviteRole, InviteTransport } from '../transport/types.js';

export interface Permissions {
  dialOut: boolean;
  sms: boolean;
  /** Countries the role and the policy leave callable: the element's list, narrowed by the policy. */
  countries: string[];
}

/** Why nothing may be offered, when nothing is. `no-countries`: the element's allowed list is empty. */
export const NOTHING_OFFERED = ['role', 'not-entitled', 'no-transport', 'no-countries', 'policy-failed', 'loading'] as const;
export type NothingOffered = (typeof NOTHING_OFFERED)[number];

/**
 * Who may do what. The owner (who launched the call) may dial out and text, a moderator may dial
 * out, participants and guests may not invite; the policy then removes what the customer has not
 * bought. A guard for the person using the page only: the backend must enforce the same.
 */
export function permissionsFor(role: InviteRole, policy: InvitePolicy, allowedCountries: readonly string[]): Permissions {
  const narrowed = policy.countries?.map((code) => code.toUpperCase());
  const countries = narrowed ? allowedCountries.filter((code) => narrowed.includes(code)) : [...allowedCountries];
  const mayDial = (role === 'owner' || role === 'moderator') && policy.dialOut === true && countries.length > 0;
  const mayText = role === 'owner' && policy.sms === true && countries.length > 0;
  return { dialOut: mayDial, sms: mayText, countries };
}

function isPolicy(value: unknown): value is InvitePolicy {
  const policy = value as InvitePolicy | null;
  return (
    typeof policy === 'object' &&
    policy !== null &&
    typeof policy.dialOut === 'boolean' &&
    typeof policy.sms === 'boolean' &&
    (policy.countries === undefined || (Array.isArray(policy.countries) && policy.countries.every((code) => typeof code === 'string')))
  );
}

const ENTITLED: InvitePolicy = { dialOut: true, sms: true };

/** How long the policy may go unanswered before it counts as failed: 15 s. */
export const POLICY_TIMEOUT = 15_000;

interface Inputs {
  role: InviteRole;
  transport: InviteTransport | undefined;
  allowedCountries: readonly string[];
}

/**
 * Asks the transport once for the customer's policy (again when the transport changes) and
 * combines it with the role. Until it answers, nothing is offered; if it does not answer within
 * the timeout, the request is aborted and fails like a rejected one.
 */
export class PermissionsController implements ReactiveController {
  /** `POLICY_TIMEOUT`; tests shorten it. */
  static timeout = POLICY_TIMEOUT;
  #host: ReactiveControllerHost;
  #inputs: () => Inputs;
  #transport: InviteTransport | undefined;
  #abort: AbortController | undefined;
  #policy: InvitePolicy | undefined;
  #failed = false;
  /** The host was removed while the policy was being asked for. */
  #interrupted = false;
  #connected = false;
  /** `load()` has been called: an idle request is no longer wanted. */
  #asked = false;

  constructor(host: ReactiveControllerHost, inputs: () => Inputs) {
    this.#host = host;
    this.#inputs = inputs;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#interrupted) this.load();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#interrupted = this.#abort?.signal.aborted === false;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#transport = undefined;
  }

  /** What may be offered now, or why nothing is. */
  get current(): Permissions | NothingOffered {
    const { role, transport, allowedCountries } = this.#inputs();
    if (role !== 'owner' && role !== 'moderator') return 'role';
    if (!transport) return 'no-transport';
    if (!allowedCountries.length) return 'no-countries';
    if (this.#failed) return 'policy-failed';
    if (!this.#policy) return 'loading';
    const permissions = permissionsFor(role, this.#policy, allowedCountries);
    return permissions.dialOut || permissions.sms ? permissions : 'not-entitled';
  }

  /**
   * Once the page is idle, and the host still connected: asks for the policy, unless it has been
   * asked by then, and calls `then`. An opening that comes first asks at once, and after it only an
   * opening or Try again asks. A dialog on the page before anyone clicks then opens on the form, and
   * `canInvite` is known early.
   */
  loadWhenIdle(then?: () => void): void {
    const idle = globalThis.requestIdleCallback ?? ((ask: () => void) => setTimeout(ask, 500));
    idle(() => {
      if (!this.#connected) return;
      if (!this.#asked) this.load();
      then?.();
    });
  }

  /**
   * Loads the policy if the transport is new (or the last request failed); a no-op otherwise.
   * Called when the dialog opens, and by `loadWhenIdle()`.
   */
  load(): void {
    this.#asked = true;
    const { transport, role } = this.#inputs();
    // Participants and guests may not invite: the backend is not even asked.
    if (role !== 'owner' && role !== 'moderator') return;
    if (transport === this.#transport && !this.#failed) return;
    this.#abort?.abort();
    this.#transport = transport;
    this.#policy = undefined;
    this.#failed = false;
    if (!transport) return;
    if (typeof transport.getPolicy !== 'function') {
      this.#policy = ENTITLED;
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    const settle = (policy?: InvitePolicy): void => {
      clearTimeout(timer);
      if (abort.signal.aborted) return;
      this.#abort = undefined;
      this.#policy = policy;
      this.#failed = !policy;
      this.#host.requestUpdate();
    };
    const timer = setTimeout(() => {
      settle();
      abort.abort();
    }, PermissionsController.timeout);
    // A policy whose getters throw is a malformed one.
    callTransport(transport, 'getPolicy', { signal: abort.signal })
      .then((policy) => (isPolicy(policy) ? policy : undefined))
      .then(settle, () => settle());
  }
}
