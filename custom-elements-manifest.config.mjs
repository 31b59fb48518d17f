/**
 * Leaves private and protected members out, and the attributes the analyzer gives to private
 * reactive state (`static properties` entries with `state: true`): the manifest documents what a
 * host can use.
 */
function publicApiOnly() {
  const hidden = (member) => member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('#');
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          const hiddenNames = new Set(declaration.members.filter(hidden).map((member) => member.name));
          declaration.members = declaration.members.filter((member) => !hidden(member));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => !hiddenNames.has(attribute.fieldName));
        }
      }
    },
  };
}

export default {
  // The elements, and the mixin whose members they inherit; not their internal helpers.
  globs: ['src/components/*/*.ts', 'src/components/form-control.ts'],
  exclude: ['src/**/*.styles.ts', 'src/components/*/notices.ts', 'src/components/*/flag-sheet.ts'],
  litelement: true,
  // package.json's "customElements" field is written by hand; a check run must not move it.
  packagejson: false,
  plugins: [publicApiOnly()],
};
