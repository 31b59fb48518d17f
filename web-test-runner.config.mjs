import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM_ARGS, findChromium, findFirefox } from './scripts/find-browsers.mjs';
import { inviteServerPlugin } from './scripts/invite-server-plugin.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

// Two engines: Chromium through the DevTools protocol, Firefox ESR through WebDriver BiDi, both
// found (or installed, on a fresh Debian machine) by find-browsers.mjs as this file loads.
// TEST_BROWSERS=chromium (or firefox) narrows a run to one of them.
const only = process.env.TEST_BROWSERS;
const browsers = [];
if (only !== 'firefox') {
  browsers.push(chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS } }));
}
if (only !== 'chromium') {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true },
      createPage: async ({ context }) => withViewportWithoutOrientation(await context.newPage()),
    }),
  );
}

/**
 * Puppeteer sends WebDriver BiDi's `emulation.setScreenOrientationOverride` with every viewport
 * change, and Firefox ESR 140 does not know that command: the viewport is set, then the call fails.
 * Here the call waits until the page has the size asked for, and only that failure is forgiven.
 */
function withViewportWithoutOrientation(page) {
  const setViewport = page.setViewport.bind(page);
  page.setViewport = async (viewport) => {
    try {
      await setViewport(viewport);
    } catch (error) {
      if (!String(error?.message).includes('setScreenOrientationOverride') || !viewport) throw error;
      const sized = ({ width, height }) => window.innerWidth === width && window.innerHeight === height;
      await page.waitForFunction(sized, { timeout: 5000, polling: 'raf' }, { width: viewport.width, height: viewport.height });
    }
  };
  return page;
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time per engine: the keyboard and mouse tests need the page to have focus.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  // The invite server runs beside the page for the tests of the dialog over HTTP.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), inviteServerPlugin()],
  browsers,
  // Lit announces its development build once per page; every other log is shown.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter()],
};
