import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countryFromDigits } from '../../src/phone/countries.js';
import { checkDialable } from '../../src/phone/dialable.js';
import { formatAsYouType } from '../../src/phone/format.js';
import { createLibphonenumberEngine } from '../../src/phone/libphonenumber.js';
import { METADATA_US_CA } from '../../src/phone/metadata-us-ca.js';
import { nanp } from '../../src/phone/nanp.js';

/** libphonenumber-js reading the same bundled metadata: the answers the bundled rules must give. */
const reference = createLibphonenumberEngine(METADATA_US_CA);
const PROPERTY = { seed: 20261201, numRuns: 3000 } as const;

/** Text people type into the field: prefixes, area codes that matter to the plan, digits and separators. */
const typed = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '+', '1', '+1', '011', '1 ', '+11', '00', '(', '1-'),
      fc.constantFrom('201', '416', '310', '800', '900', '555', '876', '809', '911', '1', '11', '0', '604', '500', '600', '523', ''),
      fc.stringMatching(/^\d{0,12}$/),
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom(...'0123456789+ -()1'), maxLength: 22 }),
);
const country = fc.constantFrom('US', 'CA', undefined);

describe('the bundled North American rules', () => {
  it('format as people type exactly as libphonenumber-js does', () => {
    for (const [digits, text] of [
      ['2', '2'],
      ['213', '(213)'],
      ['2133734', '(213) 373-4'],
      ['2133734253', '(213) 373-4253'],
      ['21337342531', '21337342531'],
      ['3101234', '310-1234'],
      ['12', '1 2'],
      ['1213', '1 (213)'],
      ['12133734253', '1 (213) 373-4253'],
    ]) {
      expect(nanp.asYouType(digits as string, false, 'US').text, digits).to.equal(text);
    }
    expect(nanp.asYouType('12133734253', true, undefined)).to.deep.equal({ text: '+1 213 373 4253', country: 'US' });
    expect(nanp.asYouType('1416555012', true, undefined)).to.deep.equal({ text: '+1 416 555 012', country: undefined });
    expect(nanp.asYouType('4420', true, undefined)).to.deep.equal({ text: '+4420', country: undefined });
  });

  it('agree with libphonenumber-js on every number, formatted or refused', () => {
    fc.assert(
      fc.property(typed, country, fc.nat(), (text, picked, caretSeed) => {
        const options = { allowedCountries: ['US', 'CA'], country: picked, countryOfUnknown: countryFromDigits };
        expect(checkDialable(text, { ...options, engine: nanp }), text).to.deep.equal(checkDialable(text, { ...options, engine: reference }));
        const caret = caretSeed % (text.length + 1);
        const ours = formatAsYouType(text, caret, picked, nanp);
        const theirs = formatAsYouType(text, caret, picked, reference);
        expect([ours.text, ours.caret], text).to.deep.equal([theirs.text, theirs.caret]);
        // Only a number typed with + tells its own country while typing.
        if (text.trim().startsWith('+')) expect(ours.country, text).to.equal(theirs.country);
      }),
      PROPERTY,
    );
  });

  it('write accepted numbers in international style as libphonenumber-js does', () => {
    const nanpNumber = fc.stringMatching(/^[2-9]\d{2}[2-9]\d{6}$/);
    fc.assert(
      fc.property(nanpNumber, (digits) => {
        expect(nanp.formatInternational(`+1${digits}`)).to.equal(reference.formatInternational(`+1${digits}`));
      }),
      PROPERTY,
    );
    expect(nanp.formatInternational('+13101234')).to.equal('+1 310 1234');
    expect(nanp.formatInternational('+442079460958')).to.equal('+442079460958');
  });

  it('tell number types apart as the metadata does', () => {
    expect(nanp.parse('8005550123', false, 'US')).to.include({ type: 'TOLL_FREE', country: 'US' });
    expect(nanp.parse('9005550123', false, 'US')).to.include({ type: 'PREMIUM_RATE' });
    expect(nanp.parse('6005550123', false, 'CA')).to.include({ type: 'VOIP', country: 'CA' });
    expect(nanp.parse('3101234', false, 'CA')).to.include({ type: 'UAN', country: 'CA' });
    expect(nanp.parse('4165550123', false, 'US')).to.include({ type: 'FIXED_LINE_OR_MOBILE', country: 'CA' });
  });
});
