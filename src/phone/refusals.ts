/** Why a number may not be dialled. */
export const REFUSAL_REASONS = [
  'empty',
  'input-too-long',
  'invalid-characters',
  'country-required',
  'too-short',
  'too-long',
  'invalid-number',
  'country-not-allowed',
  'premium-rate',
  'shared-cost',
  'voicemail',
  'emergency',
  'n11',
  'short-code',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
