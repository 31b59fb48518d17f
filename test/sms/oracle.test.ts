import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type * as Oracle from 'sms-segments-calculator';
import { countSms, gsmSeptets } from '../../src/sms/index.js';
import { PROPERTY, smsText } from './helpers/arbitraries.js';
import { loadCommonJs } from './helpers/load-commonjs.js';

/**
 * Twilio's segment calculator (`sms-segments-calculator`) as an independent oracle: its own
 * GSM 03.38 table, and segments cut by filling 1120-bit PDUs (less a 48-bit header once split)
 * rather than by counting units.
 *
 * Where it knowingly differs from our rules, the comparison is narrowed and says so:
 * - It never splits a grapheme cluster (a flag, a skin-toned or ZWJ emoji, a letter with a
 *   combining accent) across segments; we keep only surrogate pairs whole, so `ê`×65 + 🇫🇷 +
 *   `ê`×65 is 2 segments for us and 3 for it. The generator therefore draws only emoji that
 *   never join a neighbour (see `LONE_EMOJI`); every other character it draws is its own cluster.
 * - It reports one (empty) segment for the empty message.
 */
describe('countSms against sms-segments-calculator', () => {
  let SegmentedMessage: typeof Oracle.SegmentedMessage;
  let oracleTable: Record<number, number[] | undefined>;

  before(async () => {
    ({ SegmentedMessage } = await loadCommonJs<typeof Oracle>('sms-segments-calculator'));
    ({ default: oracleTable } = await loadCommonJs<{ default: typeof oracleTable }>('sms-segments-calculator/dist/libs/UnicodeToGSM'));
  });

  it('prices every BMP code unit as the oracle’s GSM 03.38 table does', () => {
    for (let codeUnit = 0; codeUnit <= 0xffff; codeUnit += 1) {
      const expected = oracleTable[codeUnit]?.length ?? 0;
      if (gsmSeptets(codeUnit) !== expected) expect.fail(`U+${codeUnit.toString(16)}: ${gsmSeptets(codeUnit)} septets, oracle ${expected}`);
    }
  });

  it('agrees on encoding, units, segments and what is left', () => {
    fc.assert(
      fc.property(smsText, (text) => {
        const count = countSms(text);
        const oracle = new SegmentedMessage(text);
        const bitsPerUnit = oracle.encodingName === 'GSM-7' ? 7 : 16;
        const last = oracle.segments[oracle.segments.length - 1];
        expect(count.encoding).to.equal(oracle.encodingName);
        expect(count.units).to.equal(oracle.messageSize / bitsPerUnit);
        // The oracle builds one empty segment for an empty message; nothing is sent, so we say 0.
        expect(count.segments).to.equal(text === '' ? 0 : oracle.segmentsCount);
        expect(count.remaining).to.equal(Math.floor(last.freeSizeInBits() / bitsPerUnit));
      }),
      { ...PROPERTY, numRuns: 2000 },
    );
  });
});
