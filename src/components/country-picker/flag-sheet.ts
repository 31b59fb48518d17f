import type { CountryData } from '../../phone/country-data.js';

/**
 * Width of one flag as drawn, in `em` so that it grows with the text (20 px at 16 px text, as in
 * intl-tel-input's sprite); the height is three quarters of it.
 */
const FLAG_WIDTH = 1.25;

const sheets = new WeakMap<readonly CountryData[], CSSStyleSheet>();

/**
 * The style sheet that places the flags of `countries` from intl-tel-input's sprite, served from
 * this package. One per data set (the bundled rows, every country's), made once and never changed
 * after: pickers share it, and the image is fetched only once a flag is shown.
 */
export function flagSheet(countries: readonly CountryData[]): CSSStyleSheet {
  let sheet = sheets.get(countries);
  if (!sheet) {
    const x1 = new URL('../../assets/flags.webp', import.meta.url).href;
    const x2 = new URL('../../assets/flags@2x.webp', import.meta.url).href;
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `.flag{background-image:url('${x1}');background-image:image-set(url('${x1}') 1x,url('${x2}') 2x);` +
        // The sprite is one row of flags: scaled to a flag's height, its width follows.
        `background-size:auto ${FLAG_WIDTH * 0.75}em;` +
        `background-position:calc(var(--_offset, 0) * ${FLAG_WIDTH}em) 0}` +
        countries.map(({ code, flag }) => `.flag[data-flag='${code.toLowerCase()}']{--_offset:${-flag}}`).join(''),
    );
    sheets.set(countries, sheet);
  }
  return sheet;
}
