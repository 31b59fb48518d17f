import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countSms, GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS, gsmSeptets, type SmsCount } from '../../src/sms/index.js';
import { GSM_BASIC, GSM_EXTENSION, PROPERTY, smsText } from './helpers/arbitraries.js';

const a = (n: number) => 'a'.repeat(n);
const ê = (n: number) => 'ê'.repeat(n);

describe('countSms', () => {
  describe('GSM-7', () => {
    it('costs nothing when empty', () => {
      expect(countSms('')).to.deep.equal({ encoding: 'GSM-7', characters: 0, units: 0, segments: 0, perSegment: 160, remaining: 160 });
    });

    it('holds 160 septets in one SMS and splits at 161 into segments of 153', () => {
      expect(countSms(a(160))).to.deep.equal({ encoding: 'GSM-7', characters: 160, units: 160, segments: 1, perSegment: 160, remaining: 0 });
      expect(countSms(a(161))).to.deep.equal({ encoding: 'GSM-7', characters: 161, units: 161, segments: 2, perSegment: 153, remaining: 145 });
    });

    it('needs a third segment after 153 × 2 septets', () => {
      expect(countSms(a(306))).to.include({ segments: 2, remaining: 0 });
      expect(countSms(a(307))).to.include({ segments: 3, remaining: 152 });
    });

    it('counts each extension character as two septets', () => {
      for (const character of '€^{}\\[]~|\f') {
        expect(countSms(character), JSON.stringify(character)).to.include({ encoding: 'GSM-7', characters: 1, units: 2, remaining: 158 });
      }
      expect(countSms('€'.repeat(80))).to.include({ units: 160, segments: 1, remaining: 0 });
      expect(countSms('€'.repeat(81))).to.include({ units: 162, segments: 2, perSegment: 153 });
    });

    it('moves an escape pair that would straddle 153 septets to the next segment', () => {
      // Septets 153 and 154: the segment has room for ESC but not for the character after it.
      expect(countSms(a(152) + '€' + a(10))).to.include({ units: 164, segments: 2, remaining: 153 - 12 });
      // 306 septets, which would fit two segments if the pair could be split.
      expect(countSms(a(152) + '€' + a(152))).to.include({ units: 306, segments: 3, remaining: 152 });
      // Ending exactly on the boundary costs nothing extra.
      expect(countSms(a(151) + '€' + a(153))).to.include({ units: 306, segments: 2, remaining: 0 });
    });

    it('keeps a pair whole in the first segment of a multipart message too', () => {
      // 160 septets fit one SMS whole; one more and the first segment shrinks to 153.
      expect(countSms(a(158) + '€')).to.include({ segments: 1, remaining: 0 });
      expect(countSms(a(159) + '€')).to.include({ units: 161, segments: 2, remaining: 153 - 8 });
    });
  });

  describe('UCS-2', () => {
    it('holds 70 units in one SMS and splits at 71 into segments of 67', () => {
      expect(countSms(ê(70))).to.deep.equal({
        encoding: 'UCS-2',
        characters: 70,
        units: 70,
        segments: 1,
        perSegment: 70,
        remaining: 0,
        unicodeCulprit: 'ê',
      });
      expect(countSms(ê(71))).to.include({ segments: 2, perSegment: 67, remaining: 63 });
      expect(countSms(ê(134))).to.include({ segments: 2, remaining: 0 });
      expect(countSms(ê(135))).to.include({ segments: 3, remaining: 66 });
    });

    it('counts an emoji outside the BMP as one character and two units', () => {
      expect(countSms('😀')).to.include({ characters: 1, units: 2, segments: 1, remaining: 68 });
      expect(countSms('😀'.repeat(35))).to.include({ characters: 35, units: 70, segments: 1, remaining: 0 });
      // 33 emoji fill 66 units: the 34th would be cut in half at unit 67.
      expect(countSms('😀'.repeat(36))).to.include({ characters: 36, units: 72, segments: 2, remaining: 67 - 6 });
    });

    it('moves an emoji that would straddle 67 units to the next segment', () => {
      expect(countSms(ê(66) + '😀' + ê(10))).to.include({ units: 78, segments: 2, remaining: 67 - 12 });
      expect(countSms(ê(66) + '😀' + ê(66))).to.include({ units: 134, segments: 3, remaining: 66 });
      expect(countSms(ê(65) + '😀' + ê(67))).to.include({ units: 134, segments: 2, remaining: 0 });
    });

    it('keeps surrogate pairs whole but not longer grapheme clusters', () => {
      // 🇫🇷 is two code points: the segment ends between them, as the units allow.
      expect(countSms(ê(65) + '🇫🇷' + ê(65))).to.include({ units: 134, segments: 2, remaining: 0 });
    });

    it('counts GSM extension characters as one unit once the message is UCS-2', () => {
      expect(countSms('ê€{')).to.include({ encoding: 'UCS-2', units: 3 });
    });

    it('names the first character that forces UCS-2', () => {
      expect(countSms('Café at 5?').unicodeCulprit).to.equal(undefined);
      expect(countSms('Crêpes at 5?').unicodeCulprit).to.equal('ê');
      expect(countSms('See you “soon” ê').unicodeCulprit).to.equal('“');
      expect(countSms('Ça va? ça va.').unicodeCulprit).to.equal('ç');
      expect(countSms('Hi 👍 ê').unicodeCulprit).to.equal('👍');
      expect(countSms('`code`').unicodeCulprit).to.equal('`');
    });

    it('counts a lone surrogate as one character and one unit', () => {
      expect(countSms('a\ud83d')).to.include({ encoding: 'UCS-2', characters: 2, units: 2, unicodeCulprit: '\ud83d' });
      expect(countSms('\ude00\ud83d')).to.include({ characters: 2, units: 2, unicodeCulprit: '\ude00' });
    });
  });

  describe('the GSM 03.38 table', () => {
    it('has the 127 basic characters in table order and the 10 extension characters', () => {
      expect(GSM_BASIC_CHARACTERS).to.equal(GSM_BASIC);
      expect(GSM_BASIC_CHARACTERS).to.have.length(127);
      expect(GSM_EXTENSION_CHARACTERS).to.equal(GSM_EXTENSION);
    });

    it('prices every BMP code unit: 1 for basic, 2 for extension, 0 otherwise', () => {
      for (let codeUnit = 0; codeUnit <= 0xffff; codeUnit += 1) {
        const character = String.fromCharCode(codeUnit);
        const expected = GSM_BASIC.includes(character) ? 1 : GSM_EXTENSION.includes(character) ? 2 : 0;
        if (gsmSeptets(codeUnit) !== expected) expect.fail(`U+${codeUnit.toString(16)} costs ${gsmSeptets(codeUnit)}, expected ${expected}`);
      }
      expect(gsmSeptets(0x10000)).to.equal(0);
    });
  });

  describe('properties', () => {
    const isGsm = (character: string) => GSM_BASIC.includes(character) || GSM_EXTENSION.includes(character);

    it('is GSM-7 exactly when every character is in the alphabet, and counts units accordingly', () => {
      fc.assert(
        fc.property(fc.oneof(smsText, fc.string({ unit: 'binary', maxLength: 200, size: 'max' })), (text) => {
          const count = countSms(text);
          const characters = [...text];
          expect(count.characters).to.equal(characters.length);
          if (characters.every(isGsm)) {
            expect(count.encoding).to.equal('GSM-7');
            expect(count.units).to.equal(characters.reduce((sum, c) => sum + (GSM_EXTENSION.includes(c) ? 2 : 1), 0));
            expect(count.unicodeCulprit).to.equal(undefined);
          } else {
            expect(count.encoding).to.equal('UCS-2');
            expect(count.units).to.equal(text.length);
            expect(count.unicodeCulprit).to.equal(characters.find((c) => !isGsm(c)));
          }
        }),
        PROPERTY,
      );
    });

    it('uses as few segments as whole characters allow, and reports what is left', () => {
      const check = ({ units, segments, perSegment, remaining, encoding }: SmsCount) => {
        const single = encoding === 'GSM-7' ? 160 : 70;
        expect(perSegment).to.equal(units <= single ? single : single === 160 ? 153 : 67);
        if (units === 0) {
          expect(segments).to.equal(0);
          return;
        }
        // Each segment but the last wastes at most one unit, left by a pair that did not fit.
        expect(segments).to.be.within(Math.ceil(units / perSegment), Math.ceil(units / (perSegment - 1)));
        expect(remaining).to.be.within(0, perSegment - 1);
        expect(remaining).to.be.at.least(segments * perSegment - units - (segments - 1));
        expect(remaining).to.be.at.most(segments * perSegment - units);
      };
      fc.assert(fc.property(smsText, (text) => check(countSms(text))), PROPERTY);
    });

    it('never costs fewer segments when text is added', () => {
      fc.assert(
        fc.property(smsText, smsText, (text, more) => {
          expect(countSms(text + more).segments).to.be.at.least(countSms(text).segments);
        }),
        PROPERTY,
      );
    });
  });
});
