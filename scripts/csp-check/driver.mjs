// What every csp-check scenario shares: the policy, the check list, and opening, mounting and
// reading test/csp's page.
import { createChecks, until } from '../browser-kit/index.mjs';

export const POLICY = "default-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
/** Every wait polls up to this long: generous, for a busy shared machine. */
export const WAIT_MS = 20_000;
/** Short but non-zero steps, so every state of the simulated call is rendered. */
export const DELAYS = { dialing: 40, ringing: 80, answered: 40, sms: 60, policy: 20 };
export const ROOM_LINK = 'https://meet.example.com/weekly-sync';
export const OWNER = { 'user-role': 'owner', 'default-country': 'US', 'room-name': 'Weekly sync', 'room-link': ROOM_LINK };

/** The whole run is abandoned after 150 s, so that a hang fails instead of blocking the test command. */
export const { check, finish } = createChecks('csp-check', { watchdogMs: 150_000 });

export const shadow = (selector) => `invite-dialog ${selector}`;

/** Runs before any page script, through DevTools, so the page's own policy does not apply to it. */
export function listenForViolations() {
  Object.defineProperty(window, '__cspListener', { value: true });
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      window.__reportViolation({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
        sample: event.sample,
        disposition: event.disposition,
      }),
    true,
  );
}

/** A new page at `path`, everything it reports kept in the scenario's `log`. */
export async function openPage(context, path, log) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
    else if (message.type() === 'warning') console.log(`  note: console warning: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.stack || error.message));
  page.on('requestfailed', (request) => log.badResponses.push(`${request.url()} failed: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    log.responses.push(response);
    if (response.status() >= 400) log.badResponses.push(`${response.url()} → ${response.status()}`);
  });
  log.pageLogs.set(page, log);
  await page.goto(`${log.origin}${path}`);
  return page;
}

export async function mount(page, options) {
  await until(page, () => document.documentElement.dataset.harness === 'ready', undefined, 'the page harness', WAIT_MS);
  await page.evaluate((mountOptions) => window.cspHarness.mount(mountOptions), options);
  await page.locator(shadow('dialog[part="dialog"]')).waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Text a notice region shows, without the bidi isolates around numbers, once it says `expected`. */
function regionSays([role, expected]) {
  const root = document.querySelector('invite-dialog')?.shadowRoot;
  const paragraphs = root ? [...root.querySelectorAll(`[part="notices"] [role="${role}"] p`)] : [];
  const text = paragraphs.map((paragraph) => paragraph.textContent.replace(/[\u2066-\u2069]/g, '')).join(' | ');
  return text.includes(expected) ? text : '';
}

/** Waits until a notice region says `expected`; resolves with what it says, or with why it never did. */
export async function noticeSays(page, role, expected) {
  try {
    return { ok: true, text: await until(page, regionSays, [role, expected], `"${expected}"`, WAIT_MS) };
  } catch (error) {
    return { ok: false, text: `${error.message}; it says ${JSON.stringify(await page.evaluate(regionSays, [role, '']))}` };
  }
}
