// What the screenshot runs share: the demo served by Vite, one page per shot, and the steps that
// bring the dialog into a state. Every wait is for a state of the page, never for a length of time.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launchChromium, until } from '../browser-kit/index.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** Every wait is for a state of the page; this only bounds it. */
export const WAIT_MS = 20_000;

export const dialog = (page) => page.locator('invite-dialog');
export const waitFor = (locator, state = 'visible') => locator.first().waitFor({ state, timeout: WAIT_MS });
/** A notice in the given state (`ringing`, `busy`, `no-answer`, `failed`…). */
export const notice = (page, state) => waitFor(dialog(page).locator(`[part="notice"].${state}`));
/** A call in this state, in the list or as the dialog's live status. */
export const attempt = (page, state) => waitFor(dialog(page).locator(`:is(.attempt, .body [part="notice"]).${state}`).first());

/**
 * Once nothing moves and everything is drawn: the transitions and animations have run (endless
 * ones and a success notice's fade aside) and the images have arrived, in the page and in every shadow root. Chromium's
 * `document.getAnimations()` leaves out those in shadow roots, and a CSS background (the flags'
 * sprite) is fetched only once an element first shows it, after the load event.
 */
function settled(page) {
  return until(
    page,
    () => {
      const roots = [document];
      for (const root of roots) for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      const still = roots
        .flatMap((root) => root.getAnimations())
        // A success notice's fade is not waited for: it would be gone.
        .every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity || animation.animationName === 'fade-out');
      // One Image per URL, kept across polls: complete once the browser has the picture.
      const images = (window.screenshotImages ??= new Map());
      for (const element of roots.flatMap((root) => [...root.querySelectorAll('*')])) {
        for (const [, url] of getComputedStyle(element).backgroundImage.matchAll(/url\("([^"]+)"\)/g)) {
          if (!images.has(url)) images.set(url, Object.assign(new Image(), { src: url }));
        }
      }
      return still && [...images.values()].every((image) => image.complete) && [...document.images].every((image) => image.complete);
    },
    undefined,
    'animations to end and images to arrive',
    WAIT_MS,
  );
}

/** Enter in the focused field, once the number is checked and the button takes it. */
export async function submit(page, button) {
  await waitFor(dialog(page).locator(`[part="${button}"]:enabled`));
  await page.keyboard.press('Enter');
}

export async function openDialog(page) {
  await page.click('#invite');
  await waitFor(dialog(page).locator('dialog[part="dialog"]'));
}

export async function openAndType(page, number) {
  await openDialog(page);
  await dialog(page).locator('#call-number').pressSequentially(number);
}

/** Opens the dialog and calls `number`; the simulated backend answers by its last digit. */
export async function call(page, number) {
  await openAndType(page, number);
  await submit(page, 'call-button');
}

/** Opens the dialog on the SMS tab with `number` typed in. */
export async function openSms(page, number) {
  await openDialog(page);
  await dialog(page).locator('#tab-sms').click();
  await dialog(page).locator('#sms-number').pressSequentially(number);
}

/** The demo served by Vite and a headless Chromium; `close()` stops both. */
export async function startDemo() {
  const server = await createServer({
    configFile: join(root, 'demo', 'vite.config.ts'),
    // No reloads: a file saved while the shots run must not reload the page under them.
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    logLevel: 'error',
  });
  await server.listen();
  const browser = await launchChromium();
  return {
    url: server.resolvedUrls.local[0],
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens `url` in a new context (`context`: Playwright's options, viewport and colour scheme),
 * runs `steps`, waits for the page to settle and writes `path`. Says why when the state was not
 * reached, and returns whether the PNG was taken; a PNG left from an earlier run is removed first.
 */
export async function shoot(browser, { name, url, context: options, steps, path }) {
  rmSync(path, { force: true });
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/^Lit is in dev mode/.test(message.text())) return;
    if (message.type() === 'error' || message.type() === 'warning') console.log(`[${name}] ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[${name}] page error: ${error.message}`));
  try {
    // The library's simulated backend, in the page: the states shown are scripted by the URL.
    const target = new URL(url);
    if (!target.searchParams.has('backend')) target.searchParams.set('backend', 'simulated');
    await page.goto(target.href);
    await until(page, () => customElements.get('invite-dialog') !== undefined, undefined, 'the elements', WAIT_MS);
    // The strings of the page's language, which a `lang` other than English fetches.
    await page.evaluate(() => document.querySelector('invite-dialog').updateComplete);
    await steps(page);
    await settled(page);
    await page.screenshot({ path });
    return true;
  } catch (error) {
    // Playwright's first line, and the call log's line that says what it waited for.
    const lines = error.message.split('\n');
    console.log(`[${name}] not taken: ${[lines[0], lines.find((line) => /waiting for/.test(line))?.trim()].filter(Boolean).join(' ')}`);
    return false;
  } finally {
    await context.close();
  }
}
