import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countryFromDigits } from '../../src/phone/countries.js';
import { checkDialable, incomplete, type DialOptions } from '../../src/phone/dialable.js';
import { formatAsYouType } from '../../src/phone/format.js';
import { loadEngine } from '../../src/phone/load-engine.js';
import { loadDialCheck } from '../../src/phone/load-rules.js';
import { METADATA_US_CA } from '../../src/phone/metadata-us-ca.js';
import { nanp } from '../../src/phone/nanp.js';
import { REFUSAL_REASONS } from '../../src/phone/refusals.js';

const US_CA: DialOptions = { allowedCountries: ['US', 'CA'], engine: nanp, countryOfUnknown: countryFromDigits };
const inUs = { ...US_CA, country: 'US' };

describe('checkDialable', () => {
  it('accepts a valid US number typed nationally and returns ASCII E.164', () => {
    expect(checkDialable('(201) 555-0123', inUs)).to.deep.equal({ ok: true, e164: '+12015550123', country: 'US' });
  });

  it('tells the country from the digits, not from the picker', () => {
    expect(checkDialable('+1 416 555 0123', inUs)).to.deep.equal({ ok: true, e164: '+14165550123', country: 'CA' });
  });

  it('refuses other members of the North American plan by default', () => {
    expect(checkDialable('+1 809 555 0123', inUs)).to.deep.equal({ ok: false, reason: 'country-not-allowed', country: 'DO' });
    expect(checkDialable('+1 876 555 0123', inUs)).to.include({ reason: 'country-not-allowed', country: 'JM' });
  });

  it('refuses numbers outside the calling codes it knows', () => {
    expect(checkDialable('+44 20 7946 0958', inUs)).to.deep.equal({ ok: false, reason: 'country-not-allowed', country: 'GB' });
  });

  it('uses the bundled rules for the United States and Canada, and loads complete ones for more', async () => {
    expect(loadEngine(['US', 'CA'])).to.equal(nanp);
    const engine = await loadEngine(['US', 'CA', 'GB']);
    expect(engine).not.to.equal(nanp);
    expect(checkDialable('+1 809 555 0123', { ...inUs, engine })).to.include({ reason: 'country-not-allowed' });
    expect(checkDialable('+44 20 7946 0958', { ...inUs, engine })).to.include({ reason: 'country-not-allowed', country: 'GB' });
    expect(checkDialable('+44 20 7946 0958', { ...inUs, engine, allowedCountries: ['GB'] })).to.deep.equal({
      ok: true,
      e164: '+442079460958',
      country: 'GB',
    });
  });

  it('checks validity, not only length', () => {
    expect(checkDialable('(555) 555-0123', inUs)).to.deep.equal({ ok: false, reason: 'invalid-number' });
    expect(checkDialable('201 555 012', inUs)).to.deep.equal({ ok: false, reason: 'too-short' });
    expect(checkDialable('201 555 012345', inUs)).to.deep.equal({ ok: false, reason: 'too-long' });
  });

  it('refuses premium-rate numbers', () => {
    expect(checkDialable('1-900-555-0123', inUs)).to.include({ ok: false, reason: 'premium-rate' });
  });

  it('refuses emergency, N11 and short codes', () => {
    expect(checkDialable('911', inUs)).to.deep.equal({ ok: false, reason: 'emergency' });
    expect(checkDialable('1-911', inUs)).to.deep.equal({ ok: false, reason: 'emergency' });
    expect(checkDialable('+1 911', inUs)).to.deep.equal({ ok: false, reason: 'emergency' });
    expect(checkDialable('112', inUs)).to.deep.equal({ ok: false, reason: 'emergency' });
    expect(checkDialable('411', inUs)).to.deep.equal({ ok: false, reason: 'n11' });
    expect(checkDialable('611', inUs)).to.deep.equal({ ok: false, reason: 'n11' });
    expect(checkDialable('55555', inUs)).to.deep.equal({ ok: false, reason: 'short-code' });
    expect(checkDialable('262966', inUs)).to.deep.equal({ ok: false, reason: 'short-code' });
  });

  it('gives hosts the same check, loaded on demand', async () => {
    const check = await loadDialCheck(['US', 'CA']);
    expect(check('(201) 555-0123', 'US')).to.deep.equal({ ok: true, e164: '+12015550123', country: 'US' });
    expect(check('+44 20 7946 0958')).to.deep.equal({ ok: false, reason: 'country-not-allowed', country: 'GB' });
    expect((await loadDialCheck(['us', 'ca']))('(201) 555-0123', 'US'), 'codes in any case').to.include({ ok: true });
    const checkGb = await loadDialCheck(['GB']);
    expect(checkGb('020 7946 0958', 'GB')).to.deep.equal({ ok: true, e164: '+442079460958', country: 'GB' });
  });

  it('needs a country for a national number, but not for an international one', () => {
    expect(checkDialable('201 555 0123', US_CA)).to.deep.equal({ ok: false, reason: 'country-required' });
    expect(checkDialable('+1 201 555 0123', US_CA)).to.include({ ok: true, e164: '+12015550123' });
  });

  it('reads every separator, digit script and prefix people use', () => {
    const inputs = [
      '201.555.0123',
      '201/555/0123',
      '201\u00a0555\u00a00123',
      '201\u2011555\u20130123',
      '201\u2014555\u22120123',
      '\uff08201\uff09\u3000555\uff0d0123',
      '\uff12\uff10\uff11\uff15\uff15\uff15\uff10\uff11\uff12\uff13',
      '\u0662\u0660\u0661\u0665\u0665\u0665\u0660\u0661\u0662\u0663',
      '\u06f2\u06f0\u06f1\u06f5\u06f5\u06f5\u06f0\u06f1\u06f2\u06f3',
      '\uff0b1 201 555 0123',
      'tel:+1-201-555-0123',
      'tel:+1-201-555-0123;phone-context=example.com',
      '\u202a+1 201 555 0123\u202c',
      '\u200e201\u200b555\u200d0123\u200f',
      '001 201 555 0123',
      '011 1 201 555 0123',
      '1 (201) 555-0123',
    ];
    for (const input of inputs) {
      expect(checkDialable(input, inUs), JSON.stringify(input)).to.deep.equal({ ok: true, e164: '+12015550123', country: 'US' });
    }
  });

  it('refuses letters and stray plus signs', () => {
    expect(checkDialable('1-800-FLOWERS', inUs)).to.deep.equal({ ok: false, reason: 'invalid-characters' });
    expect(checkDialable('201+5550123', inUs)).to.deep.equal({ ok: false, reason: 'invalid-characters' });
  });

  it('refuses a paste of 10 000 characters at once', () => {
    expect(checkDialable('2'.repeat(10_000), inUs)).to.deep.equal({ ok: false, reason: 'input-too-long' });
  });

  it('says an empty field is empty', () => {
    expect(checkDialable('  ', inUs)).to.deep.equal({ ok: false, reason: 'empty' });
  });
});

const PROPERTY = { seed: 20261126, numRuns: 1000 } as const;
const SEPARATORS = [' ', '\u00a0', '-', '\u2010', '\u2013', '\u2014', '.', '/', '(', ')', '\u3000', '\u200b', '\u200e'];
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0xff10];
/** Ten-digit North American numbers: area code and exchange start with 2 to 9. */
const nanpNumber = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^\d{2}$/), fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^\d{6}$/))
  .map(([a, b, c, d]) => `${a}${b}${c}${d}`);

function disguise(digits: string, separators: string[], zero: number): string {
  return [...digits]
    .map((digit, index) => String.fromCodePoint(zero + Number(digit)) + (separators[index % separators.length] ?? ''))
    .join('');
}

describe('checkDialable properties', () => {
  it('never throws, and returns ASCII E.164 or a known refusal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40, size: 'max' }), fc.constantFrom(undefined, 'US', 'CA', 'XX'), (input, country) => {
        const result = checkDialable(input, { ...US_CA, country });
        if (result.ok) expect(result.e164).to.match(/^\+[1-9]\d{1,14}$/);
        else expect(REFUSAL_REASONS).to.include(result.reason);
      }),
      PROPERTY,
    );
  });

  it('never throws on phone-like text either', () => {
    const phoneish = fc.string({ unit: fc.constantFrom(...'+0123456789 -().', '\uff0b', '\u0661', 'tel:'), maxLength: 30, size: 'max' });
    fc.assert(
      fc.property(phoneish, (input) => {
        const result = checkDialable(input, inUs);
        expect(result.ok ? /^\+1\d{10}$/.test(result.e164) : REFUSAL_REASONS.includes(result.reason)).to.equal(true);
      }),
      PROPERTY,
    );
  });

  it('gives the same answer whatever the separators and digit script', () => {
    fc.assert(
      fc.property(
        nanpNumber,
        fc.array(fc.constantFrom(...SEPARATORS, ''), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...DIGIT_ZEROS),
        (digits, separators, zero) => {
          expect(checkDialable(disguise(digits, separators, zero), inUs)).to.deep.equal(checkDialable(digits, inUs));
        },
      ),
      PROPERTY,
    );
  });

  it('reads back the number it accepted, once formatted', async () => {
    const { parsePhoneNumberWithError } = await import('libphonenumber-js/core');
    fc.assert(
      fc.property(nanpNumber, (digits) => {
        const result = checkDialable(digits, inUs);
        if (!result.ok) return;
        const phone = parsePhoneNumberWithError(result.e164, METADATA_US_CA);
        for (const text of [phone.formatNational(), phone.formatInternational(), phone.getURI()]) {
          expect(checkDialable(text, inUs)).to.deep.equal(result);
        }
      }),
      PROPERTY,
    );
  });
});

describe('incomplete', () => {
  it('tells a North American number being typed what it lacks, rather than refusing it', () => {
    const partial = { ok: false, reason: 'too-short', needs: 10 };
    // Read as a short code by checkDialable: a person typing it is not done yet.
    expect(checkDialable('(201) 555', inUs)).to.include({ reason: 'short-code' });
    for (const [input, country] of [['(201) 555', 'US'], ['201', 'CA'], ['1 201 555 01', 'US'], ['+1 201 555', undefined], ['+1', undefined]] as const) {
      expect(incomplete(input, country), input).to.deep.equal(partial);
    }
  });

  it('leaves service numbers, whole numbers and other countries alone', () => {
    for (const [input, country] of [
      ['911', 'US'],
      ['411', 'US'],
      ['1-911', 'US'],
      ['(201) 555-0123', 'US'],
      ['+44 20', undefined],
      ['20 7946', 'GB'],
      ['', 'US'],
      ['abc', 'US'],
    ] as const) {
      expect(incomplete(input, country), input).to.equal(undefined);
    }
  });
});

describe('formatAsYouType', () => {
  it("keeps the person's spacing in a number its rules cannot lay out", () => {
    const typed = '+44 20 7946 0958';
    expect(formatAsYouType(typed, typed.length, 'US', nanp)).to.deep.equal({ text: typed, caret: typed.length, country: undefined });
    expect(formatAsYouType('+1 2015550123', 13, 'US', nanp).text, 'and lays out the ones it can').to.equal('+1 201 555 0123');
  });
});
