import type { ArgTypes } from '@storybook/web-components-vite';
import manifest from '../../custom-elements.json';

interface ManifestMember {
  kind: string;
  name: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}

/**
 * The rows Storybook builds from `custom-elements.json` (public API only), tidied for designers:
 * static members are left out of the tables, and a property that has an attribute is documented but
 * controlled through its attribute row (the stories render attributes, as a page would).
 * `controls` then says which control each attribute gets.
 */
export function argTypesFor(tagName: string, controls: ArgTypes = {}): ArgTypes {
  const declaration = manifest.modules
    .flatMap((module) => (module.declarations ?? []) as { tagName?: string; members?: ManifestMember[] }[])
    .find((candidate) => candidate.tagName === tagName);
  if (!declaration) throw new Error(`<${tagName}> is not in custom-elements.json`);
  const argTypes: ArgTypes = {};
  for (const member of declaration.members ?? []) {
    if (member.static) {
      argTypes[member.name] = { table: { disable: true } };
    } else if (member.kind === 'field' && (member.readonly || (member.attribute && member.attribute !== member.name))) {
      argTypes[member.name] = { control: false };
    } else if (member.kind === 'field' && !member.attribute) {
      // Objects set from script (transport, strings, settings): documented, not editable.
      argTypes[member.name] = { control: false };
    }
  }
  return { ...argTypes, ...controls };
}
