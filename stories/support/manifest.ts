import manifest from '../../custom-elements.json';

/** The parts of a manifest entry the stories read. */
export interface ManifestMember {
  kind: string;
  name: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}

export interface ManifestAttribute {
  name: string;
  type?: { text: string };
}

export interface ElementDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
}

/** What `custom-elements.json` says of `<tagName>`; throws when it is not there. */
export function declarationOf(tagName: string): ElementDeclaration {
  const declaration = manifest.modules
    .flatMap((module) => (module.declarations ?? []) as ElementDeclaration[])
    .find((candidate) => candidate.tagName === tagName);
  if (!declaration) throw new Error(`<${tagName}> is not in custom-elements.json`);
  return declaration;
}
