import type { ReactiveControllerHost } from 'lit';

/**
 * After a `rate-limited` refusal: the seconds left before the action may be tried again, updated
 * on the host once a second until they run out.
 */
export class RetryCountdown {
  #host: ReactiveControllerHost;
  #until = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Whole seconds left, 0 when the action may be tried again. */
  get secondsLeft(): number {
    return Math.max(0, Math.ceil((this.#until - Date.now()) / 1000));
  }

  start(ms: number): void {
    this.#until = Date.now() + ms;
    this.stop();
    this.#timer = setInterval(() => {
      if (this.secondsLeft === 0) this.stop();
      this.#host.requestUpdate();
    }, 1000);
    this.#host.requestUpdate();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
