// Screenshots of the demo host page in headless Chromium, for a person to judge the UI by.
// `npm run screenshots [-- [--viewport 1100x760] [outdir]]` writes one PNG per scenario into outdir
// (default .cache/screenshots), at phone size (375x667) unless told otherwise.
// `npm run screenshots -- --gallery [--only TEXT] [outdir]` writes every state of the dialog at every
// size, in light and dark, right to left, in French and at 200 % zoom, into
// outdir/<variant>/<state>.png (default .cache/gallery); see screenshots/gallery.mjs.
// Exits 1 if a shot could not reach the state it shows.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { until } from './browser-kit/index.mjs';
import { runGallery } from './screenshots/gallery.mjs';
import { dialog, notice, openAndType, openDialog, openSms, root, shoot, startDemo, submit, waitFor, WAIT_MS } from './screenshots/kit.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const galleryAt = args.indexOf('--gallery');
const gallery = galleryAt >= 0 && args.splice(galleryAt, 1).length > 0;
const only = option('--only');
const [width, height] = (option('--viewport') ?? '375x667').split('x').map(Number);
if (!(width > 0 && height > 0)) throw new Error('--viewport takes WIDTHxHEIGHT, say 375x667');
const outdir = resolve(args[0] ?? join(root, '.cache', gallery ? 'gallery' : 'screenshots'));
mkdirSync(outdir, { recursive: true });

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
    await openSms(page, '4165550100');
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
      await until(page, (count) => document.querySelector('invite-dialog').shadowRoot.querySelectorAll('.attempt.no-answer, [part="notice"].no-answer').length >= count, Math.min(index + 1, 3), 'the call to end', WAIT_MS);
    }
    await waitFor(dialog(page).locator('.show-all'));
  },
};
/** Scenarios shown in a colour scheme other than the default light one. */
const COLOR_SCHEMES = { '5-sms-dark': 'dark' };

const demo = await startDemo();
try {
  if (gallery) {
    const { taken, failed, seconds } = await runGallery(demo, outdir, only);
    console.log(`gallery: ${taken} PNGs taken in ${outdir}, ${failed} failed, in ${seconds} s`);
    process.exitCode = failed ? 1 : 0;
  } else {
    let failed = 0;
    for (const [name, steps] of Object.entries(SCENARIOS)) {
      const path = join(outdir, `${name}.png`);
      const context = { viewport: { width, height }, colorScheme: COLOR_SCHEMES[name] ?? 'light' };
      if (await shoot(demo.browser, { name, url: demo.url, context, steps, path })) console.log(path);
      else failed += 1;
    }
    console.log(`screenshots: ${Object.keys(SCENARIOS).length - failed} taken at ${width}x${height}, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
} finally {
  await demo.close();
}
