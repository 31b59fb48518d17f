import { readFileSync } from 'node:fs';

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

/**
 * `INVITE_SETTINGS` in src/context/invite-settings.ts: each setting's attribute (its name in kebab
 * case, as `settingProperties()` gives it), or false for those declared `attribute: false`.
 */
function settingAttributes(ts) {
  const file = 'src/context/invite-settings.ts';
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const attributes = new Map();
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'INVITE_SETTINGS') {
      const table = ts.isSatisfiesExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const setting of table.properties) {
        const name = setting.name.getText();
        const none = setting.initializer.properties.some((option) => option.name.getText() === 'attribute' && option.initializer.getText() === 'false');
        attributes.set(name, none ? false : name.replace(/[A-Z]/g, '-$&').toLowerCase());
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (attributes.size === 0) throw new Error(`No INVITE_SETTINGS table in ${file}`);
  return attributes;
}

/**
 * Elements take their settings with `...settingProperties(['userRole', …])` (all of them without
 * a list) in `static properties`, which the analyzer does not follow: this gives those fields
 * their attributes, from the one table that declares them.
 */
function settingsAsAttributes() {
  const taken = new Map();
  let attributes;
  return {
    name: 'settings-as-attributes',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'settingProperties') return;
      let element = node.parent;
      while (!ts.isClassDeclaration(element)) element = element.parent;
      attributes ??= settingAttributes(ts);
      const list = node.arguments[0];
      taken.set(element.name.getText(), list ? list.elements.map((name) => name.text) : [...attributes.keys()]);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const fromSettings = [];
          for (const name of taken.get(declaration.name) ?? []) {
            const member = declaration.members.find((candidate) => candidate.name === name);
            if (!member) throw new Error(`${declaration.name} takes the setting ${name} but declares no field for it`);
            member.privacy = 'public';
            const attribute = attributes.get(name);
            if (!attribute) continue;
            member.attribute = attribute;
            fromSettings.push({ name: attribute, type: member.type, description: member.description, fieldName: name });
          }
          if (fromSettings.length > 0) declaration.attributes = [...fromSettings, ...(declaration.attributes ?? [])];
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
  plugins: [settingsAsAttributes(), publicApiOnly()],
};
