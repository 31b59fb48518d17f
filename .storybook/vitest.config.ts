import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-browsers.mjs';
import { LIT_DEPENDENCIES } from './lit-deps.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Every story becomes a test: it renders, its play function runs, then axe checks it (a11y
// `test: 'error'` in preview.ts). Browsers are not downloaded: the system Chromium runs them,
// found (or installed, on a fresh Debian machine) by find-browsers.mjs as this file loads.
export default defineConfig({
  // The addon takes Storybook's Vite plugins, not its optimizeDeps: one copy of Lit here too.
  optimizeDeps: { include: LIT_DEPENDENCIES },
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: dirname })],
        test: {
          name: 'storybook',
          setupFiles: [path.join(dirname, 'vitest.setup.ts')],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
