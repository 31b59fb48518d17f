export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // package.json's "customElements" field is written by hand; a check run must not move it.
  packagejson: false,
};
