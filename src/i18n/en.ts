import type { RefusalReason } from '../phone/dialable.js';

/** Every string the elements show or announce, in English. Other locales translate this shape. */
export const en = {
  countryLabel: 'Country',
  countryPlaceholder: 'Choose a country',
  countrySearch: 'Search countries',
  countryNoMatch: 'No country matches',
  countryOption: (name: string, dialCode: string) => `${name} +${dialCode}`,

  refusal: {
    empty: 'Enter a phone number.',
    'input-too-long': 'That is too long to be a phone number.',
    'invalid-characters': 'Use digits only, with + in front for an international number.',
    'country-required': 'Choose a country, or start the number with +.',
    'too-short': 'This number is too short.',
    'too-long': 'This number is too long.',
    'invalid-number': 'This is not a valid phone number.',
    'country-not-allowed': 'Calls to this country are not available.',
    'premium-rate': 'Premium-rate numbers cannot be called.',
    'shared-cost': 'Shared-cost numbers cannot be called.',
    voicemail: 'Voicemail access numbers cannot be called.',
    emergency: 'Emergency numbers cannot be called from here. Dial them from your phone.',
    n11: 'Service numbers such as 411 cannot be called.',
    'short-code': 'Short codes cannot be called.',
  } satisfies Record<RefusalReason, string>,
  refusalCountry: (country: string) => `Calls to ${country} are not available.`,
};

export type InviteStrings = typeof en;
