import type { ReactiveControllerHost } from 'lit';

/**
 * After a `rate-limited` refusal: the seconds left before the action may be tried again, updated
 * on the host once a second until they run out.
 */
export class RetryCountdown {
  #host: ReactiveControllerHost;
  #until = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Whole seconds left, 0 when the action may be tried again. */
  get secondsLeft(): number {
    return Math.max(0, Math.ceil((this.#until - Date.now()) / 1000));
  }

  start(ms: number): void {
    this.stop();
    this.#until = Date.now() + ms;
    this.#tick();
  }

  /** Ticks again after `stop()`, if there is still time to wait. */
  resume(): void {
    if (this.#until > Date.now()) {
      this.stop();
      this.#tick();
    }
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    this.#host.requestUpdate();
    const left = this.#until - Date.now();
    // Wake when the shown number of seconds changes, and exactly when the wait is over.
    if (left > 0) this.#timer = setTimeout(() => this.#tick(), left % 1000 || 1000);
  }
}
