/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet, as the septets a phone sends for each
 * character. Kept apart from the counting so a national language table could be added here
 * without touching how segments are cut.
 */

/**
 * The basic character set in table order, 0x00 to 0x7F, without 0x1B: that septet is the escape
 * to the extension table, not a character anyone types.
 */
export const GSM_BASIC_CHARACTERS =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ' +
  'ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each of these is sent as ESC plus one septet, so it costs two. */
export const GSM_EXTENSION_CHARACTERS = '\f^{}\\[]~|€';

/** Septets per UTF-16 code unit: 1 basic, 2 extension, 0 not in the alphabet. */
function buildSeptetTable(): Uint8Array {
  let highest = 0;
  for (const character of GSM_BASIC_CHARACTERS + GSM_EXTENSION_CHARACTERS) {
    highest = Math.max(highest, character.charCodeAt(0));
  }
  const table = new Uint8Array(highest + 1);
  for (const character of GSM_BASIC_CHARACTERS) table[character.charCodeAt(0)] = 1;
  for (const character of GSM_EXTENSION_CHARACTERS) table[character.charCodeAt(0)] = 2;
  return table;
}

// A typed array indexed by code unit: counting runs on every keystroke, and this lookup
// allocates nothing and never hashes.
const SEPTETS = buildSeptetTable();

/**
 * Septets a UTF-16 code unit costs in GSM-7: 1 for the basic set, 2 for the extension table,
 * 0 when GSM-7 cannot carry it at all.
 */
export function gsmSeptets(codeUnit: number): 0 | 1 | 2 {
  return codeUnit < SEPTETS.length ? (SEPTETS[codeUnit] as 0 | 1 | 2) : 0;
}
