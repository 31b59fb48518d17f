import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-browsers.mjs';
import { LIT_DEPENDENCIES } from './lit-deps.js';
import { TEST_VIEWPORTS, type TestViewport } from './viewports.js';
import { SCREENSHOT_DIFFS, SCREENSHOTS } from './visual-paths.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

const chromium = findChromium();
/** The page that holds the test frame: big enough for either viewport, so that it is never scaled down. */
const PAGE_SIZE = {
  width: Math.max(...Object.values(TEST_VIEWPORTS).map(({ styles }) => Number.parseInt(styles.width, 10))),
  height: Math.max(...Object.values(TEST_VIEWPORTS).map(({ styles }) => Number.parseInt(styles.height, 10))),
};

/**
 * Every story at one viewport. It renders, its play function runs, axe checks it (a11y
 * `test: 'error'` in preview.ts), then the page is compared with its reference screenshot
 * (visual-regression.ts).
 */
function storyProject(name: string, viewport: TestViewport, exclude: string[] = []): TestProjectInlineConfiguration {
  return {
    extends: true,
    plugins: [storybookTest({ configDir: dirname, initialGlobals: { viewport: { value: viewport } } })],
    test: {
      name,
      exclude,
      setupFiles: [path.join(dirname, 'vitest.setup.ts'), path.join(dirname, 'visual-regression.ts')],
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
          contextOptions: { viewport: PAGE_SIZE, deviceScaleFactor: 1 },
        }),
        instances: [{ browser: 'chromium' }],
        expect: {
          toMatchScreenshot: {
            // This machine's Chromium and fonts draw the same pixels each time: any pixel that
            // differs beyond pixelmatch's colour threshold (anti-aliasing aside) fails.
            comparatorName: 'pixelmatch',
            comparatorOptions: { threshold: 0.1, allowedMismatchedPixels: 0 },
            resolveScreenshotPath: ({ arg, ext }) => path.join(SCREENSHOTS, `${arg}${ext}`),
            resolveDiffPath: ({ arg, ext }) => path.join(SCREENSHOT_DIFFS, `${arg}${ext}`),
          },
        },
      },
    },
  };
}

// Browsers are not downloaded: the system Chromium runs the stories, found (or installed, on a
// fresh Debian machine) by find-browsers.mjs as this file loads.
export default defineConfig({
  // The addon takes Storybook's Vite plugins, not its optimizeDeps: one copy of Lit here too.
  optimizeDeps: { include: LIT_DEPENDENCIES },
  test: {
    globalSetup: [path.join(dirname, 'visual-regression.global.ts')],
    // Vitest copies a failed comparison's images here for its reporters: beside the diffs, not in the tree.
    attachmentsDir: path.join(SCREENSHOT_DIFFS, 'attachments'),
    projects: [
      storyProject('storybook', 'laptop'),
      // The dialog and the host page again at phone size, where the house style judges them first.
      storyProject('storybook-phone', 'phone', ['stories/country-picker.stories.ts', 'stories/sms-composer.stories.ts']),
    ],
  },
});
