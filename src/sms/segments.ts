import { gsmSeptets } from './gsm-alphabet.js';


/** The two alphabets an SMS is sent in. */
export const SMS_ENCODINGS = ['GSM-7', 'UCS-2'] as const;
export type SmsEncoding = (typeof SMS_ENCODINGS)[number];

/** What a message costs to send. */
export interface SmsCount {
  encoding: SmsEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  /** Segments billed; 0 for the empty message. */
  segments: number;
  /** Units one segment holds: 160 or 153 for GSM-7, 70 or 67 for UCS-2, single or multipart. */
  perSegment: number;
  /** Units left in the last segment. */
  remaining: number;
  /** The first character (a whole code point) that forces UCS-2; undefined for GSM-7. */
  unicodeCulprit?: string;
}

interface Alphabet {
  encoding: SmsEncoding;
  /** Units in a message sent as one SMS. */
  single: number;
  /** Units per segment once the message is split: the concatenation header takes 6 octets. */
  multipart: number;
}

// 140 octets of user data: 160 septets or 70 UTF-16 units; 153 or 67 after the 6-octet header.
const GSM_7: Alphabet = { encoding: 'GSM-7', single: 160, multipart: 153 };
const UCS_2: Alphabet = { encoding: 'UCS-2', single: 70, multipart: 67 };

/** How a split message ends: the number of segments, and the units used in the last one. */
interface Split {
  segments: number;
  used: number;
}

/**
 * Cuts a long message into segments, never splitting a character's units across two of them:
 * half an escape sequence or half a surrogate pair arrives as garbage.
 */
type SplitWhole = (text: string, perSegment: number) => Split;

function isHighSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdbff;
}

function isLowSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xdc00 && codeUnit <= 0xdfff;
}

function isSurrogatePair(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
}

/** When no character costs two units, nothing has to be kept whole. */
function splitEvenly(units: number, perSegment: number): Split {
  const segments = Math.ceil(units / perSegment);
  return { segments, used: units - (segments - 1) * perSegment };
}

// One loop per alphabet rather than one loop calling a cost function: this runs on every
// keystroke, and the direct loop is several times faster.
const splitGsm7: SplitWhole = (text, perSegment) => {
  let segments = 1;
  let used = 0;
  for (let index = 0; index < text.length; index += 1) {
    // An extension character is one code unit in the text but two septets on the air.
    const septets = gsmSeptets(text.charCodeAt(index));
    if (used + septets > perSegment) {
      segments += 1;
      used = 0;
    }
    used += septets;
  }
  return { segments, used };
};

const splitUcs2: SplitWhole = (text, perSegment) => {
  let segments = 1;
  let used = 0;
  for (let index = 0; index < text.length; ) {
    const units = isSurrogatePair(text, index) ? 2 : 1;
    if (used + units > perSegment) {
      segments += 1;
      used = 0;
    }
    used += units;
    index += units;
  }
  return { segments, used };
};

/**
 * `pairs` counts the characters that cost two units (escape pairs, surrogate pairs): without
 * any, the segments follow from the length alone.
 */
function tally(alphabet: Alphabet, text: string, characters: number, units: number, pairs: number, splitWhole: SplitWhole): SmsCount {
  const { encoding, single, multipart } = alphabet;
  if (units <= single) {
    return { encoding, characters, units, segments: units === 0 ? 0 : 1, perSegment: single, remaining: single - units };
  }
  const { segments, used } = pairs === 0 ? splitEvenly(units, multipart) : splitWhole(text, multipart);
  return { encoding, characters, units, segments, perSegment: multipart, remaining: multipart - used };
}

function countUcs2(text: string, culpritIndex: number): SmsCount {
  let pairs = 0;
  for (let index = 0; index < text.length - 1; index += 1) {
    if (isSurrogatePair(text, index)) {
      pairs += 1;
      index += 1;
    }
  }
  const culprit = text.slice(culpritIndex, culpritIndex + (isSurrogatePair(text, culpritIndex) ? 2 : 1));
  return { ...tally(UCS_2, text, text.length - pairs, text.length, pairs, splitUcs2), unicodeCulprit: culprit };
}

/**
 * Counts what `text` costs as an SMS: GSM-7 when every character is in the GSM 03.38 default
 * alphabet or its extension table, UCS-2 otherwise; and how many segments it is sent in.
 */
export function countSms(text: string): SmsCount {
  let septets = 0;
  for (let index = 0; index < text.length; index += 1) {
    const cost = gsmSeptets(text.charCodeAt(index));
    if (cost === 0) return countUcs2(text, index);
    septets += cost;
  }
  // Every GSM-7 character is one BMP code unit, so code points and length agree.
  return tally(GSM_7, text, text.length, septets, septets - text.length, splitGsm7);
}
