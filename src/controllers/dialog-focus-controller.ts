import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps focus on something useful in a modal dialog as its content changes: moves it where the
 * host asks once that is rendered (the phone field on opening, a new call's Cancel button), and
 * when the focused control goes away or disables itself, hands it to a fallback, told what was
 * lost, instead of letting it fall to the page.
 */
export class DialogFocusController implements ReactiveController {
  #host: Host;
  #fallback: (lost: Element) => HTMLElement | null | undefined;
  #next: (() => HTMLElement | null | undefined) | undefined;
  #before: Element | null | undefined;

  constructor(host: Host, fallback: (lost: Element) => HTMLElement | null | undefined) {
    this.#host = host;
    this.#fallback = fallback;
    host.addController(this);
  }

  /**
   * Focuses what `find` returns: now if it is rendered, else as soon as an update renders it.
   * Focusing what already has focus is skipped: it would cost a style and layout update for nothing
   * (the dialog's own `showModal()` has already focused its `autofocus` control).
   */
  moveTo(find: () => HTMLElement | null | undefined): void {
    const target = find();
    this.#next = target ? undefined : find;
    if (target && (target.getRootNode() as Document | ShadowRoot).activeElement !== target) target.focus();
  }

  hostUpdate(): void {
    this.#before = this.#host.shadowRoot?.activeElement;
  }

  hostUpdated(): void {
    const target = this.#next?.();
    if (target) {
      this.#next = undefined;
      target.focus();
      return;
    }
    const before = this.#before;
    const now = this.#host.shadowRoot?.activeElement;
    if (before && (!before.isConnected || before.matches(':disabled')) && (!now || now === before)) this.#fallback(before)?.focus();
  }
}
