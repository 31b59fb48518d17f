import type { ArgTypes } from '@storybook/web-components-vite';
import { INVITE_PANELS, INVITE_ROLES } from '../../src/index.js';
import { declarationOf, type ManifestAttribute } from './manifest.js';

/** The manifest gives a union its name only (`InviteRole`): its members, from the arrays that declare them. */
const NAMED_UNIONS = new Map<string, readonly string[]>([
  ['InviteRole', INVITE_ROLES],
  ['InvitePanel', INVITE_PANELS],
]);

const STRING_LITERAL = /^'[^']*'$|^"[^"]*"$/;

/**
 * The control an attribute's type in the manifest calls for: a check box for `boolean`, a number
 * field for `number`, a text field for `string` and `string[]` (`allowed-countries="US CA"`), a
 * select for a union of strings, spelt out (`'call' | 'sms'`) or named in `NAMED_UNIONS`.
 */
function controlFor(attribute: ManifestAttribute): ArgTypes[string] {
  const text = attribute.type?.text ?? '';
  const members = text
    .split('|')
    .map((member) => member.trim())
    .filter((member) => member !== 'undefined' && member !== 'null');
  if (members.length > 0 && members.every((member) => STRING_LITERAL.test(member))) {
    return { control: 'select', options: members.map((member) => member.slice(1, -1)) };
  }
  const [type] = members;
  if (members.length === 1 && type !== undefined) {
    if (type === 'boolean') return { control: 'boolean' };
    if (type === 'number') return { control: 'number' };
    if (type === 'string' || type === 'string[]') return { control: 'text' };
    const union = NAMED_UNIONS.get(type);
    if (union) return { control: 'select', options: union };
  }
  throw new Error(`No control for the attribute ${attribute.name} of type "${text}": give its members in NAMED_UNIONS (stories/support/arg-types.ts)`);
}

/**
 * The rows Storybook builds from `custom-elements.json` (public API only), tidied for designers:
 * static members are left out of the tables, and a property that has an attribute is documented but
 * controlled through its attribute row (the stories render attributes, as a page would). Each
 * attribute gets the control its type calls for; `overrides` change what a story wants otherwise
 * (a range, a radio group), key by key.
 */
export function argTypesFor(tagName: string, overrides: ArgTypes = {}): ArgTypes {
  const { members = [], attributes = [] } = declarationOf(tagName);
  const argTypes: ArgTypes = {};
  for (const member of members) {
    if (member.static) {
      argTypes[member.name] = { table: { disable: true } };
    } else if (member.kind === 'field' && (member.readonly || (member.attribute && member.attribute !== member.name))) {
      argTypes[member.name] = { control: false };
    } else if (member.kind === 'field' && !member.attribute) {
      // Objects set from script (transport, strings, settings): documented, not editable.
      argTypes[member.name] = { control: false };
    }
  }
  for (const attribute of attributes) argTypes[attribute.name] = controlFor(attribute);
  for (const [name, override] of Object.entries(overrides)) argTypes[name] = { ...argTypes[name], ...override };
  return argTypes;
}
