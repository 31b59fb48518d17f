import { FLAG_COUNT } from '../../phone/countries-us-ca.js';
import type { CountryData } from '../../phone/country-data.js';

/** Width of one flag in intl-tel-input's sprite, in CSS pixels; the height is three quarters of it. */
const FLAG_WIDTH = 20;

let sheet: CSSStyleSheet | undefined;
const placed = new Set<string>();

/**
 * The style sheet that places each country's flag from intl-tel-input's sprite, served from this
 * package. Shared by every picker, and added to as pickers offer more countries: the image is
 * fetched only once a flag is shown.
 */
export function flagSheet(countries: readonly CountryData[]): CSSStyleSheet {
  if (!sheet) {
    const x1 = new URL('../../assets/flags.webp', import.meta.url).href;
    const x2 = new URL('../../assets/flags@2x.webp', import.meta.url).href;
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `.flag{background-image:url('${x1}');background-image:image-set(url('${x1}') 1x,url('${x2}') 2x);` +
        `background-size:${FLAG_COUNT * FLAG_WIDTH}px ${FLAG_WIDTH * 0.75}px;` +
        `background-position:calc(var(--_offset, 0) * ${FLAG_WIDTH}px) 0}`,
    );
  }
  for (const { code, flag } of countries) {
    if (placed.has(code)) continue;
    placed.add(code);
    sheet.insertRule(`.flag[data-flag='${code.toLowerCase()}']{--_offset:${-flag}}`, sheet.cssRules.length);
  }
  return sheet;
}
