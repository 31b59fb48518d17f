import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countSms, hasTypographicReplacements, replaceTypographic, TYPOGRAPHIC_REPLACEMENTS } from '../../src/sms/index.js';
import { GSM_BASIC, GSM_EXTENSION, LATIN_OUTSIDE_GSM, LONE_EMOJI, PROPERTY, smsText } from './helpers/arbitraries.js';

const TYPOGRAPHIC_SOURCES = TYPOGRAPHIC_REPLACEMENTS.flatMap(({ from }) => [...from]);

describe('replaceTypographic', () => {
  it('turns curly quotes, dashes and the ellipsis into their GSM-7 look-alikes', () => {
    expect(replaceTypographic('It’s “fine” – really… ok — ‘sure’')).to.equal('It\'s "fine" - really... ok - \'sure\'');
    expect(replaceTypographic('‚low‛ „low‟ 5′ 11″ ‹a› «b»')).to.equal('\'low\' "low" 5\' 11" \'a\' "b"');
    expect(replaceTypographic('‐‑‒–—―−')).to.equal('-------');
  });

  it('turns special spaces into plain spaces', () => {
    expect(replaceTypographic('10\u00a0am\u202fto\u2009noon\u2007ok\u3000.')).to.equal('10 am to noon ok .');
  });

  it('drops invisible characters but keeps the joiners that hold emoji together', () => {
    expect(replaceTypographic('join\u200bhere\u00ad\u2060\ufeff')).to.equal('joinhere');
    expect(replaceTypographic('👨\u200d👩\u200d👧')).to.equal('👨\u200d👩\u200d👧');
  });

  it('leaves everything else as typed, and returns the same string when nothing changes', () => {
    const text = 'Crêpes ça 😀 `code` 日本 {x} €';
    expect(replaceTypographic(text)).to.equal(text);
    expect(replaceTypographic('')).to.equal('');
  });

  it('makes a message GSM-7 when typography was all that kept it UCS-2', () => {
    const text = 'Join my call… it’s “room 7” — now';
    expect(countSms(text).encoding).to.equal('UCS-2');
    expect(countSms(replaceTypographic(text))).to.include({ encoding: 'GSM-7', segments: 1 });
  });

  it('only ever replaces with GSM-7 text', () => {
    for (const { from, to } of TYPOGRAPHIC_REPLACEMENTS) {
      expect(countSms(to).encoding, `${from} -> ${to}`).to.equal('GSM-7');
      for (const source of from) expect(countSms(source).encoding, source).to.equal('UCS-2');
    }
  });

  describe('properties', () => {
    const text = fc.oneof(
      smsText,
      fc.string({ unit: fc.constantFrom(...GSM_BASIC, ...GSM_EXTENSION, ...TYPOGRAPHIC_SOURCES), maxLength: 200, size: 'max' }),
    );

    it('reports a replacement exactly when it would change the text', () => {
      fc.assert(
        fc.property(text, (input) => {
          expect(hasTypographicReplacements(input)).to.equal(replaceTypographic(input) !== input);
        }),
        PROPERTY,
      );
    });

    it('is idempotent and leaves no typographic character behind', () => {
      fc.assert(
        fc.property(text, (input) => {
          const replaced = replaceTypographic(input);
          expect(replaceTypographic(replaced)).to.equal(replaced);
          expect(hasTypographicReplacements(replaced)).to.equal(false);
        }),
        PROPERTY,
      );
    });

    it('leaves characters outside the table untouched and in order', () => {
      const untouched = [...GSM_BASIC, ...GSM_EXTENSION, ...LATIN_OUTSIDE_GSM, ...LONE_EMOJI];
      fc.assert(
        fc.property(text, (input) => {
          const keep = (s: string) => [...s].filter((c) => untouched.includes(c) && !`'"-. `.includes(c)).join('');
          expect(keep(replaceTypographic(input))).to.equal(keep(input));
        }),
        PROPERTY,
      );
    });

    it('turns GSM-7 plus typography into GSM-7', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom(...GSM_BASIC, ...GSM_EXTENSION, ...TYPOGRAPHIC_SOURCES), maxLength: 200, size: 'max' }),
          (input) => {
            expect(countSms(replaceTypographic(input)).encoding).to.equal('GSM-7');
          },
        ),
        PROPERTY,
      );
    });
  });
});
