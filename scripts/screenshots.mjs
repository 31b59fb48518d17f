// Takes screenshots of the demo host page in headless Chromium, for a person to look at:
// `node scripts/screenshots.mjs [outdir]` writes PNGs (default .cache/screenshots).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './find-browsers.mjs';

const outdir = process.argv[2] ?? '.cache/screenshots';
mkdirSync(outdir, { recursive: true });

const server = await createServer({ configFile: 'demo/vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: CHROMIUM_ARGS,
});

const dialog = (page) => page.locator('invite-dialog');
const shot = (page, name) => page.screenshot({ path: join(outdir, `${name}.png`) });

async function scenario(name, options, steps) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, ...options });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.log(`[${name}] ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[${name}] page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('invite-dialog'));
  await steps(page);
  await shot(page, name);
  await context.close();
  console.log(`${name}.png`);
}

async function openAndType(page, number) {
  await page.click('#invite');
  await page.waitForTimeout(300);
  await dialog(page).locator('#call-number').pressSequentially(number);
}

try {
  await scenario('1-call-typed', {}, (page) => openAndType(page, '2015550100'));
  await scenario('2-refused', {}, async (page) => {
    await openAndType(page, '+1 809 555 0123');
    await page.keyboard.press('Tab');
  });
  await scenario('3-ringing', {}, async (page) => {
    await openAndType(page, '2015550109');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
  });
  await scenario('4-country-list', {}, async (page) => {
    await page.click('#invite');
    await page.waitForTimeout(300);
    await dialog(page).locator('#panel-call country-picker [part="combobox"]').click();
    await page.waitForTimeout(300);
  });
  await scenario('5-sms-dark', { colorScheme: 'dark' }, async (page) => {
    await page.click('#invite');
    await page.waitForTimeout(300);
    await dialog(page).locator('#tab-sms').click();
    await dialog(page).locator('#sms-number').pressSequentially('4165550100');
    await dialog(page).locator('sms-composer textarea').press('End');
    await dialog(page).locator('sms-composer textarea').pressSequentially(' “Bring coffee”');
  });
  await scenario('6-rtl', {}, async (page) => {
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      document.documentElement.lang = 'ar';
    });
    await openAndType(page, '2015550101');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(4500);
  });
  await scenario('8-french-sms', {}, async (page) => {
    await page.evaluate(() => (document.documentElement.lang = 'fr-CA'));
    await page.click('#invite');
    await page.waitForTimeout(300);
    await dialog(page).locator('#tab-sms').click();
    await dialog(page).locator('#sms-number').pressSequentially('4165550106');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(2500);
  });
  await scenario('7-closed-with-notice', {}, async (page) => {
    await openAndType(page, '2015550102');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(4000);
  });
} finally {
  await browser.close();
  await server.close();
}
