import { settle } from './manual-transport.js';

/** Records unhandled rejections while `run` runs, and a few turns of the event loop after. */
export async function unhandledRejections(host: { updateComplete: Promise<unknown> }, run: () => Promise<void>): Promise<unknown[]> {
  const reasons: unknown[] = [];
  const listener = (event: PromiseRejectionEvent) => {
    reasons.push(event.reason);
    event.preventDefault();
  };
  window.addEventListener('unhandledrejection', listener);
  try {
    await run();
    await settle(host);
  } finally {
    window.removeEventListener('unhandledrejection', listener);
  }
  return reasons;
}

/** An object whose getter `name` throws. */
export function throwing(name: string): object {
  return Object.defineProperty({}, name, {
    enumerable: true,
    get() {
      throw new Error(`hostile getter ${name}`);
    },
  });
}

/** An object every read of which throws, as a hostile or broken backend may hand over. */
export const hostile = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('hostile getter');
      },
    },
  );
