import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/', 'server/dist/', 'server/dist-test/', 'node_modules/', 'storybook-static/', '.cache/', 'custom-elements.json', 'src/assets/'] },
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Render strings as text: no innerHTML.' },
        { selector: "CallExpression[callee.property.name=/^(only|skip)$/][callee.object.name=/^(it|describe)$/]", message: 'No focused or skipped tests.' },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML (strict CSP, XSS).' }] }],
    },
  },
  {
    // An element's interface extends SettingFields<…> to type the settings' properties, which Lit
    // defines at run time from `static properties`: declared once, in src/context/invite-settings.ts.
    files: ['src/components/*/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
);
