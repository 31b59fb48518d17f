import type { CountryData } from '../../phone/countries.js';

/** Width of one flag in intl-tel-input's sprite, in CSS pixels; the height is three quarters of it. */
const FLAG_WIDTH = 20;

let sheet: CSSStyleSheet | undefined;

/**
 * The style sheet that places each country's flag from intl-tel-input's sprite, served from this
 * package. The sprite holds the flags in alphabetical order of their codes. Built on first use,
 * and shared by every picker: the image is fetched only once a flag is shown.
 */
export function flagSheet(countries: readonly CountryData[]): CSSStyleSheet {
  if (sheet) return sheet;
  const codes = countries
    .map((country) => country.code.toLowerCase())
    .sort();
  const x1 = new URL('../../assets/flags.webp', import.meta.url).href;
  const x2 = new URL('../../assets/flags@2x.webp', import.meta.url).href;
  const rules = codes.map((code, index) => `.flag[data-flag='${code}']{--_offset:${-index}}`);
  sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `.flag{background-image:url('${x1}');background-image:image-set(url('${x1}') 1x,url('${x2}') 2x);` +
      `background-size:${codes.length * FLAG_WIDTH}px ${FLAG_WIDTH * 0.75}px;` +
      `background-position:calc(var(--_offset, 0) * ${FLAG_WIDTH}px) 0}` +
      rules.join(''),
  );
  return sheet;
}
