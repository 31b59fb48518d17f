/** Reads a list of ISO 3166-1 alpha-2 codes written with spaces or commas: `"US CA"`, `"us,ca"`. */
export function parseCountryCodes(text: string | null | undefined): string[] {
  const codes = (text ?? '')
    .split(/[\s,]+/)
    .map((code) => code.toUpperCase())
    .filter((code) => /^[A-Z]{2}$/.test(code));
  return [...new Set(codes)];
}
