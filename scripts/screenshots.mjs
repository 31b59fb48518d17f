// Screenshots of the demo host page in headless Chromium, for a person to judge the UI by:
// `npm run screenshots [-- [--viewport 1100x760] [outdir]]` writes one PNG per scenario into outdir
// (default .cache/screenshots), at phone size (375x667) unless told otherwise. Exits 1 if a
// scenario could not reach the state it shows.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launchChromium, until } from './browser-kit/index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const viewportAt = args.indexOf('--viewport');
const [width, height] = (viewportAt >= 0 ? args.splice(viewportAt, 2)[1] : '375x667').split('x').map(Number);
if (!(width > 0 && height > 0)) throw new Error('--viewport takes WIDTHxHEIGHT, say 375x667');
const outdir = resolve(args[0] ?? join(root, '.cache', 'screenshots'));
mkdirSync(outdir, { recursive: true });
/** Every wait is for a state of the page; this only bounds it. */
const WAIT_MS = 20_000;

const dialog = (page) => page.locator('invite-dialog');
const waitFor = (locator, state = 'visible') => locator.first().waitFor({ state, timeout: WAIT_MS });
/** A notice in the given state (`ringing`, `busy`, `no-answer`, `failed`…). */
const notice = (page, state) => waitFor(dialog(page).locator(`[part="notice"].${state}`));

/** Once nothing moves: the dialog's transitions and animations have run (endless ones aside). */
function settled(page) {
  return until(
    page,
    () => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity),
    undefined,
    'animations to end',
    WAIT_MS,
  );
}

/** Enter in the number field, once the number is checked and the button takes it. */
async function submit(page, button) {
  await waitFor(dialog(page).locator(`[part="${button}"]:enabled`));
  await page.keyboard.press('Enter');
}

async function openDialog(page) {
  await page.click('#invite');
  await waitFor(dialog(page).locator('dialog[part="dialog"]'));
}

async function openAndType(page, number) {
  await openDialog(page);
  await dialog(page).locator('#call-number').pressSequentially(number);
}

const SCENARIOS = {
  '1-call-typed': (page) => openAndType(page, '2015550100'),
  '2-refused': async (page) => {
    await openAndType(page, '+1 809 555 0123');
    await page.keyboard.press('Tab');
    await waitFor(dialog(page).locator('#call-number[aria-invalid="true"]'));
  },
  '3-ringing': async (page) => {
    await openAndType(page, '2015550109');
    await submit(page, 'call-button');
    await notice(page, 'ringing');
  },
  '4-country-list': async (page) => {
    await openDialog(page);
    await dialog(page).locator('#panel-call country-picker [part="combobox"]').click();
    await waitFor(dialog(page).locator('#panel-call country-picker [role="option"]'));
  },
  '5-sms-dark': async (page) => {
    await openDialog(page);
    await dialog(page).locator('#tab-sms').click();
    await dialog(page).locator('#sms-number').pressSequentially('4165550100');
    await dialog(page).locator('sms-composer textarea').press('End');
    await dialog(page).locator('sms-composer textarea').pressSequentially(' “Bring coffee”');
  },
  '6-rtl': async (page) => {
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      document.documentElement.lang = 'ar';
    });
    await openAndType(page, '2015550101');
    await submit(page, 'call-button');
    await notice(page, 'no-answer');
  },
  '7-closed-with-notice': async (page) => {
    await openAndType(page, '2015550102');
    await submit(page, 'call-button');
    // Closed while the call is under way: its outcome still shows, outside the dialog.
    await waitFor(dialog(page).locator('[part="notice"]'));
    await page.keyboard.press('Escape');
    await waitFor(dialog(page).locator('dialog[part="dialog"]'), 'hidden');
    await notice(page, 'busy');
  },
  '8-french-sms': async (page) => {
    await page.evaluate(() => (document.documentElement.lang = 'fr-CA'));
    await openDialog(page);
    await waitFor(dialog(page).locator('#tab-call', { hasText: 'Appel' }));
    await dialog(page).locator('#tab-sms').click();
    await dialog(page).locator('#sms-number').pressSequentially('4165550106');
    await submit(page, 'send-button');
    await notice(page, 'failed');
  },
  '9-many-calls': async (page) => {
    await openDialog(page);
    const input = dialog(page).locator('#call-number');
    // Numbers ending in 1 are not answered: five calls, each to its end, then the list shows three.
    for (const [index, number] of ['2015550101', '2015550111', '2015550121', '2015550131', '2015550141'].entries()) {
      await input.fill('');
      await input.pressSequentially(number);
      await submit(page, 'call-button');
      await until(page, (count) => document.querySelector('invite-dialog').shadowRoot.querySelectorAll('.attempt.no-answer').length >= count, Math.min(index + 1, 3), 'the call to end', WAIT_MS);
    }
    await waitFor(dialog(page).locator('.show-all'));
  },
};
/** Scenarios shown in a colour scheme other than the default light one. */
const COLOR_SCHEMES = { '5-sms-dark': 'dark' };

const server = await createServer({
  configFile: join(root, 'demo', 'vite.config.ts'),
  // No reloads: a file saved while the scenarios run must not reload the page under them.
  server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
  logLevel: 'error',
});
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await launchChromium();
let failed = 0;
try {
  for (const [name, steps] of Object.entries(SCENARIOS)) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: COLOR_SCHEMES[name] ?? 'light' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/^Lit is in dev mode/.test(message.text())) return;
      if (message.type() === 'error' || message.type() === 'warning') console.log(`[${name}] ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => console.log(`[${name}] page error: ${error.message}`));
    try {
      await page.goto(url);
      await until(page, () => customElements.get('invite-dialog') !== undefined, undefined, 'the elements', WAIT_MS);
      await steps(page);
      await settled(page);
      await page.screenshot({ path: join(outdir, `${name}.png`) });
      console.log(join(outdir, `${name}.png`));
    } catch (error) {
      failed += 1;
      // Playwright's first line, and the call log's line that says what it waited for.
      const lines = error.message.split('\n');
      console.log(`[${name}] not taken: ${[lines[0], lines.find((line) => /waiting for/.test(line))?.trim()].filter(Boolean).join(' ')}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots: ${Object.keys(SCENARIOS).length - failed} taken at ${width}x${height}, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
