import { fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';

/**
 * The smallest real host for a controller: a LitElement that renders nothing and counts its
 * updates. Being real, it connects, disconnects and calls `hostUpdate` as an element would.
 */
export class ControllerHost extends LitElement {
  updates = 0;

  protected override updated(): void {
    this.updates += 1;
  }
}
customElements.define('controller-host', ControllerHost);

declare global {
  interface HTMLElementTagNameMap {
    'controller-host': ControllerHost;
  }
}

/** A host attached to the page and rendered once. */
export function controllerHost(): Promise<ControllerHost> {
  return fixture<ControllerHost>(html`<controller-host></controller-host>`);
}

/** Every event of these types dispatched on `target` from now on, in order. */
export function recordEvents<T extends Event = CustomEvent>(target: EventTarget, ...types: string[]): T[] {
  const events: T[] = [];
  for (const type of types) target.addEventListener(type, (event) => events.push(event as T));
  return events;
}
