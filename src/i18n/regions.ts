/** Country names and their sort order in one language, made once per language: both are slow to create. */
interface RegionTools {
  names: Intl.DisplayNames | undefined;
  collator: Intl.Collator;
}

const byLanguage = new Map<string, RegionTools>();

export function regionTools(lang: string): RegionTools {
  let tools = byLanguage.get(lang);
  if (!tools) {
    try {
      tools = { names: new Intl.DisplayNames([lang, 'en'], { type: 'region' }), collator: new Intl.Collator([lang, 'en']) };
    } catch {
      // Not a valid language tag: English order, and countries shown by their codes.
      tools = { names: undefined, collator: new Intl.Collator('en') };
    }
    byLanguage.set(lang, tools);
  }
  return tools;
}

/** The name of the country `code` (ISO 3166-1 alpha-2) in `lang`, or the code itself. */
export function regionName(code: string, lang: string): string {
  return regionTools(lang).names?.of(code) ?? code;
}
