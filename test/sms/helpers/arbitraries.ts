import fc from 'fast-check';

/** Property-test settings shared by the SMS tests: a fixed seed so a failure replays. */
export const PROPERTY = { seed: 20261126, numRuns: 1000 } as const;

/** GSM 03.38 written out again, independently of the module, in table order without ESC. */
export const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
export const GSM_EXTENSION = '\f^{}\\[]~|€';

/** Latin-1 letters people type that GSM 03.38 lacks. */
export const LATIN_OUTSIDE_GSM = 'êçõâîôûëïíóúáãÊÁ';
export const TYPOGRAPHIC = '’‘“”–—…\u00a0';
/**
 * Emoji on their own, in and outside the BMP. None of them joins a neighbour into a longer
 * grapheme cluster (no skin tones, flags, ZWJ or variation selectors): see the oracle test.
 */
export const LONE_EMOJI = ['😀', '🎉', '👍', '🚀', '💬', '📞', '☺', '✅', '★', '♥'] as const;

const pick = (characters: string | readonly string[]) => fc.constantFrom(...characters);

const BMP_EMOJI = LONE_EMOJI.filter((emoji) => emoji.length === 1);

/**
 * Messages of 0 to 400 characters: GSM-7 with extension characters, so that escape pairs meet
 * segment boundaries; everything that forces UCS-2 mixed in; a single culprit in a long GSM-7
 * text; and both alphabets without any two-unit character, which are counted by length alone.
 */
export const smsText = fc.oneof(
  fc.string({ unit: pick(GSM_BASIC), maxLength: 400, size: 'max' }),
  fc.string({ unit: pick([...GSM_BASIC, ...LATIN_OUTSIDE_GSM, ...TYPOGRAPHIC, ...BMP_EMOJI]), maxLength: 400, size: 'max' }),
  fc.string({
    unit: fc.oneof({ weight: 6, arbitrary: pick(GSM_BASIC) }, { weight: 1, arbitrary: pick(GSM_EXTENSION) }),
    maxLength: 400,
    size: 'max',
  }),
  fc.string({
    unit: fc.oneof(
      { weight: 6, arbitrary: pick(GSM_BASIC) },
      { weight: 1, arbitrary: pick(GSM_EXTENSION) },
      { weight: 1, arbitrary: pick(LATIN_OUTSIDE_GSM) },
      { weight: 1, arbitrary: pick(TYPOGRAPHIC) },
      { weight: 1, arbitrary: pick(LONE_EMOJI) },
    ),
    maxLength: 400,
    size: 'max',
  }),
  fc
    .tuple(
      fc.string({ unit: pick(GSM_BASIC + GSM_EXTENSION), maxLength: 400, size: 'max' }),
      fc.constantFrom(...LATIN_OUTSIDE_GSM, ...TYPOGRAPHIC, ...LONE_EMOJI),
      fc.nat(),
    )
    .map(([gsm, culprit, at]) => {
      const index = gsm.length === 0 ? 0 : at % gsm.length;
      return gsm.slice(0, index) + culprit + gsm.slice(index);
    }),
);
