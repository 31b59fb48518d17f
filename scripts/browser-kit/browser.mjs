import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../find-browsers.mjs';

/** Headless Chromium, found (or installed) by find-browsers.mjs, with the flags it needs here. */
export function launchChromium(options = {}) {
  return chromium.launch({ ...options, executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}

/**
 * Calls `read` every 100 ms until it returns something truthy, and returns that: a wait for a
 * state, never for a length of time. Throws, naming `what`, once `timeout` ms have passed.
 */
export async function poll(read, what, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Polls `fn(arg)` in the page. A plain evaluate call, unlike Playwright's waitForFunction with a
 * string, so it works under a policy that forbids eval.
 */
export const until = (page, fn, arg, what, timeout) => poll(() => page.evaluate(fn, arg), what, timeout);
