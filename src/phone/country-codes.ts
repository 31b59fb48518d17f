/**
 * Reads a list of ISO 3166-1 alpha-2 codes written with spaces or commas (`"US CA"`, `"us,ca"`), or
 * given as an array in any case (`['us', 'ca']`).
 */
export function parseCountryCodes(text: string | readonly string[] | null | undefined): string[] {
  // An array reads as its items joined by commas.
  const codes = String(text ?? '')
    .split(/[\s,]+/)
    .map((code) => code.toUpperCase())
    .filter((code) => /^[A-Z]{2}$/.test(code));
  return [...new Set(codes)];
}
