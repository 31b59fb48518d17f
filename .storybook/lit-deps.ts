/**
 * Every Lit entry point the elements and the stories import. Vite pre-bundles them in one pass, so
 * that one copy of Lit loads: a second copy would mean a second `lit-html` and `@lit/context`
 * requests that never meet their providers.
 */
export const LIT_DEPENDENCIES = [
  'lit',
  // Imported by @storybook/web-components: without it, a second lit-html loads unbundled.
  'lit/directive-helpers.js',
  // The stories' attributes() directive.
  'lit/directive.js',
  'lit/directives/class-map.js',
  'lit/directives/if-defined.js',
  'lit/directives/repeat.js',
  '@lit/context',
];
