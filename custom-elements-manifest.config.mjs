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

const SETTINGS_FILE = new URL('./src/context/invite-settings.ts', import.meta.url);

/** An expression without the `as …` and `satisfies …` around it. */
function unwrap(ts, node) {
  while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node))) node = node.expression;
  return node;
}

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
  const source = ts.createSourceFile('invite-settings.ts', readFileSync(SETTINGS_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  const members = new Map();
  /** Settings whose entry names their attribute: a string, or false for none. */
  const declared = new Map();
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
      const table = unwrap(ts, node.initializer);
      if (!table || !ts.isObjectLiteralExpression(table)) throw new Error('INVITE_SETTINGS must be an object literal');
      for (const setting of table.properties) {
        const options = ts.isPropertyAssignment(setting) ? unwrap(ts, setting.initializer) : undefined;
        if (!options || !ts.isObjectLiteralExpression(options)) throw new Error(`INVITE_SETTINGS.${setting.name?.getText()}: give its options as an object literal`);
        const attribute = options.properties.find((option) => option.name?.getText() === 'attribute');
        if (attribute && ts.isPropertyAssignment(attribute)) {
          declared.set(setting.name.getText(), ts.isStringLiteral(attribute.initializer) ? attribute.initializer.text : false);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (members.size === 0 || !members.has('settings')) throw new Error(`No InviteSettings and SettingFields in ${SETTINGS_FILE.pathname}`);
  for (const [name, member] of members) {
    if (name === 'settings') continue;
    const attribute = declared.has(name) ? declared.get(name) : name.replace(/[A-Z]/g, '-$&').toLowerCase();
    if (attribute) member.attribute = attribute;
  }
  return members;
}

/** The setting names a `settingProperties(…)` call takes: a literal list, a `const` list of the file, or all. */
function namesOf(ts, call, settings) {
  const argument = call.arguments[0];
  if (!argument) return [...settings.keys()].filter((name) => name !== 'settings');
  let list = argument;
  if (ts.isIdentifier(argument)) {
    const found = [];
    const find = (node) => {
      if (ts.isVariableDeclaration(node) && node.name.getText() === argument.text) found.push(node.initializer);
      ts.forEachChild(node, find);
    };
    find(call.getSourceFile());
    list = found[0];
  }
  list = unwrap(ts, list);
  // A list the analyzer cannot read (imported, computed) is an error, not every setting.
  if (!list || !ts.isArrayLiteralExpression(list) || !list.elements.every((name) => ts.isStringLiteral(name))) {
    throw new Error(`settingProperties(${argument.getText()}): give the setting names as a literal list, here or in a const of this file`);
  }
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
      while (element && !ts.isClassDeclaration(element)) element = element.parent;
      if (!element) throw new Error('settingProperties() belongs in the static properties of an element class');
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
  exclude: [
    'src/**/*.styles.ts',
    'src/components/*/notices.ts',
    'src/components/*/notice-model.ts',
    'src/components/*/repeat-confirmation.ts',
    'src/components/*/tabs.ts',
    'src/components/*/flag-sheet.ts',
  ],
  litelement: true,
  // package.json's "customElements" field is written by hand; a check run must not move it.
  packagejson: false,
  plugins: [settingsAsMembers(), publicApiOnly()],
};
