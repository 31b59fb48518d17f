import { fileURLToPath } from 'node:url';
import { defineMain } from '@storybook/web-components-vite/node';
import type { Plugin } from 'vite';
import { LIT_DEPENDENCIES } from './lit-deps.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * package.json's `sideEffects` names only the published entry files, so a production build reads
 * every module of src/ as free of side effects and drops the ones the stories import only for
 * them: the `customElements.define()` registrations. The stories build from src/, so src/ keeps its
 * side effects here.
 */
function keepSourceSideEffects(): Plugin {
  return {
    name: 'invite-elements:keep-source-side-effects',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && !resolved.external && resolved.id.startsWith(SRC) ? { ...resolved, moduleSideEffects: true } : null;
    },
  };
}

export default defineMain({
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal(config) {
    return {
      ...config,
      // The CSS minifier lowers `light-dark()` for older browsers into variables keyed on
      // `prefers-color-scheme`, which ignore the `color-scheme` a story's frame sets: the demo
      // page's dark story came out light. Browsers with `light-dark()` keep it as written.
      build: { ...config.build, cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'] },
      plugins: [...(config.plugins ?? []), keepSourceSideEffects()],
      optimizeDeps: {
        ...config.optimizeDeps,
        include: [...(config.optimizeDeps?.include ?? []), ...LIT_DEPENDENCIES],
      },
    };
  },
});
