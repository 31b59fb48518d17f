import type { RefusalReason } from '../phone/refusals.js';
import type { InviteErrorCode } from '../transport/errors.js';
import { defaultSmsTemplate } from '../sms/template.js';

/** Every string the elements show or announce, in English. Other locales translate this shape. */
export const en = {
  countryLabel: 'Country',
  countryPlaceholder: 'Choose a country',
  countrySearch: 'Search countries',
  countrySearchPlaceholder: 'Search by name or code',
  countryPreferred: 'Preferred countries',
  countryNoMatch: 'No country matches',

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
  callableCountries: (countries: string) => `You can call numbers in these countries: ${countries}.`,
  incomplete: (digits: number) => `Enter all ${digits} digits.`,

  dialogTitle: 'Invite a participant to the call',
  room: (name: string) => `Room: ${name}`,
  close: 'Close',
  tabsLabel: 'Invite by',
  tabCall: 'Call',
  tabSms: 'SMS',
  numberLabel: 'Phone number',
  nameLabel: 'Name (optional)',
  named: (name: string, status: string) => `${name}: ${status}`,
  call: 'Call',
  cancelCall: 'Cancel call',
  callAgain: 'Call again',
  cancel: 'Cancel',
  dismiss: 'Dismiss',
  attemptsTitle: 'Earlier calls',
  showAllCalls: (count: number) => `Show all ${count} calls`,
  loading: 'Checking what you can do…',
  nothing: {
    role: 'Only the call’s owner or a moderator can invite people.',
    'not-entitled': 'Inviting by phone is not part of your plan.',
    'no-transport': 'Inviting by phone is not set up on this page.',
    'policy-failed': 'Could not load the invite options.',
    'no-countries': 'No country to call is set up on this page.',
  },
  notEntitledNext: 'An administrator of your account can add it.',
  smsOwnerOnly: 'Only the call’s owner can invite by SMS.',
  retry: 'Try again',
  retryIn: (seconds: number) => `Too many invitations at once. Try again in ${seconds} s.`,
  confirmCallAgain: (number: string) => `Call ${number} again?`,
  callState: {
    dialing: (number: string) => `Calling ${number}…`,
    ringing: (number: string) => `Ringing ${number}…`,
    answered: (number: string) => `${number} answered. Adding them to the call…`,
    joined: (number: string) => `${number} joined the call.`,
    'no-answer': (number: string) => `${number} did not answer.`,
    busy: (number: string) => `${number} is busy.`,
    rejected: (number: string) => `${number} declined the call.`,
    failed: (number: string) => `The call to ${number} failed.`,
    canceled: (number: string) => `Call to ${number} canceled.`,
    unknown: (number: string) => `No update on the call to ${number}. It may still be ringing.`,
  },
  messageLabel: 'Text message',
  smsTemplate: defaultSmsTemplate,
  useDefaultText: 'Use the default text',
  replaceTypographic: 'Replace curly quotes and dashes',
  pinReminder: 'This room needs a PIN. The message does not include it: tell the person the PIN yourself.',
  counter: (used: number, available: number, texts: number) => `${used} / ${available} · ${texts} ${texts === 1 ? 'text' : 'texts'}`,
  unicodeWarning: (character: string) => `${character} is a special character: each text now holds 70 characters instead of 160.`,
  overLimit: (texts: number, max: number) => `This message takes ${texts} texts; the most allowed is ${max}. Shorten it.`,
  emptyMessage: 'Write a message to send.',
  segmentsAnnounce: (texts: number) => (texts === 1 ? 'The message fits in 1 text.' : `The message now takes ${texts} texts.`),
  copyLink: 'Copy invite link',
  linkCopied: 'Link copied.',
  sharePinSeparately: 'Share the room’s PIN separately.',
  copyLinkByHand: 'Copying is not allowed here. Copy the link yourself:',
  sendSms: 'Send SMS',
  sendAgain: 'Send again',
  confirmSendAgain: (number: string) => `Send the SMS to ${number} again?`,
  smsState: {
    sending: (number: string) => `Sending the SMS to ${number}…`,
    sent: (number: string) => `SMS sent to ${number}`,
    failed: (number: string) => `The SMS to ${number} was not sent.`,
    unknown: (number: string) => `No answer from the service about the SMS to ${number}. It may have been sent.`,
  },
  errors: {
    'invalid-number': 'The service could not call this number.',
    'destination-not-allowed': 'The service does not call this destination.',
    'not-authorized': 'You are not allowed to invite people to this call.',
    'not-entitled': 'Inviting by phone is not part of your plan.',
    'rate-limited': 'Too many invitations at once.',
    network: 'Could not reach the service. Check your connection and try again.',
    timeout: 'The service took too long to answer.',
    unavailable: 'The service is not available right now.',
    'no-transport': 'Inviting by phone is not set up on this page.',
    'unexpected-answer': 'The service gave an answer we could not read.',
    unknown: 'Something went wrong.',
  } satisfies Record<InviteErrorCode, string>,
};

export type InviteStrings = typeof en;

/** Any part of the strings, to override some of them: nested groups may be given in part too. */
export type InviteStringOverrides = {
  [Key in keyof InviteStrings]?: InviteStrings[Key] extends (...args: never[]) => string
    ? InviteStrings[Key]
    : InviteStrings[Key] extends object
      ? Partial<InviteStrings[Key]>
      : InviteStrings[Key];
};
