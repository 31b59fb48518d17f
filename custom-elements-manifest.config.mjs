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

const SETTINGS_FILE = 'src/context/invite-settings.ts';

/** The JSDoc text of a declaration, or ''. */
function docOf(ts, node) {
  return ts
    .getJSDocCommentsAndTags(node)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join('\n')
    .trim();
}

/**
 * What src/context/invite-settings.ts declares of each setting, as manifest members: its type and
 * description (the `InviteSettings` interface, and `settings` from `SettingFields`), and its
 * attribute (`INVITE_SETTINGS`: the name in kebab case, unless declared `attribute: false`).
 */
function readSettings(ts) {
  const source = ts.createSourceFile(SETTINGS_FILE, readFileSync(SETTINGS_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  const members = new Map();
  const noAttribute = new Set();
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'InviteSettings') {
      for (const member of node.members) {
        members.set(member.name.getText(), { type: `${member.type.getText()} | undefined`, description: docOf(ts, member) });
      }
    }
    if (ts.isTypeLiteralNode(node) && node.parent && ts.isIntersectionTypeNode(node.parent)) {
      const settings = node.members.find((member) => member.name?.getText() === 'settings');
      if (settings) members.set('settings', { type: `${settings.type.getText()} | undefined`, description: docOf(ts, settings) });
    }
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'INVITE_SETTINGS') {
      const table = ts.isSatisfiesExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const setting of table.properties) {
        const none = setting.initializer.properties.some((option) => option.name.getText() === 'attribute' && option.initializer.getText() === 'false');
        if (none) noAttribute.add(setting.name.getText());
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (members.size === 0 || !members.has('settings')) throw new Error(`No InviteSettings and SettingFields in ${SETTINGS_FILE}`);
  for (const [name, member] of members) {
    if (name !== 'settings' && !noAttribute.has(name)) member.attribute = name.replace(/[A-Z]/g, '-$&').toLowerCase();
  }
  return members;
}

/** The setting names a `settingProperties(…)` call takes: a literal list, a `const` list of the file, or all. */
function namesOf(ts, call, settings) {
  let list = call.arguments[0];
  if (list && ts.isIdentifier(list)) {
    const found = [];
    const find = (node) => {
      if (ts.isVariableDeclaration(node) && node.name.getText() === list.text) found.push(node.initializer);
      ts.forEachChild(node, find);
    };
    find(call.getSourceFile());
    list = found[0];
  }
  while (list && (ts.isAsExpression(list) || ts.isSatisfiesExpression(list))) list = list.expression;
  if (!list) return [...settings.keys()].filter((name) => name !== 'settings');
  if (!ts.isArrayLiteralExpression(list)) throw new Error(`settingProperties(${call.arguments[0].getText()}): give a list of setting names`);
  return list.elements.map((name) => name.text);
}

/**
 * Elements take their settings with `...settingProperties(…)` in `static properties` and type them
 * with `SettingFields<…>`, both of which the analyzer does not follow: this adds those properties
 * to each element, with their attributes, types and descriptions, from the file that declares them.
 */
function settingsAsMembers() {
  const taken = new Map();
  let settings;
  return {
    name: 'settings-as-members',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'settingProperties') return;
      let element = node.parent;
      while (!ts.isClassDeclaration(element)) element = element.parent;
      settings ??= readSettings(ts);
      taken.set(element.name.getText(), [...namesOf(ts, node, settings), 'settings']);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const names = taken.get(declaration.name);
          if (!names) continue;
          const members = [];
          const attributes = [];
          for (const name of names) {
            const { type, description, attribute } = settings.get(name);
            members.push({ kind: 'field', name, privacy: 'public', type: { text: type }, description, ...(attribute ? { attribute } : {}) });
            if (attribute) attributes.push({ name: attribute, type: { text: type }, description, fieldName: name });
          }
          declaration.members = [...members, ...(declaration.members ?? []).filter((member) => !names.includes(member.name))];
          declaration.attributes = [...attributes, ...(declaration.attributes ?? []).filter((entry) => !names.includes(entry.fieldName))];
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
  plugins: [settingsAsMembers(), publicApiOnly()],
};
