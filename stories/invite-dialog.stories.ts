import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/index.js';
import type { InviteDialog, SimulatedTransport, SimulatedTransportOptions } from '../src/index.js';
import { argTypesFor } from './support/arg-types.js';
import { attributes, type ElementAttributes } from './support/attributes.js';
import { asRendered, docsShows, enter, leave, until } from './support/docs-page.js';
import {
  callShown,
  enterNumber,
  findDialog,
  inside,
  noticeButton,
  noticesText,
  placeCall,
  plain,
  shownNotice,
  shownOffered,
  textShown,
  typeNumber,
  whenNotice,
  whenOffered,
} from './support/invite-dialog.js';
import { simulatedTransport } from './support/transport.js';

type InviteDialogArgs = ElementAttributes<InviteDialog, 'panel' | 'open' | 'callTimeout'> & {
  onInviteCallStart?: (event: Event) => void;
  onInviteCallStatus?: (event: Event) => void;
  onInviteParticipantJoined?: (event: Event) => void;
  onInviteSmsSent?: (event: Event) => void;
  onInviteError?: (event: Event) => void;
};

const LONG_TEMPLATE =
  'Hello! You are invited to join our weekly sync video call, where we review the roadmap, the open ' +
  'issues and the release plan for next week. Join from your phone or your computer here: {link} ' +
  'See you soon, {inviter}';

const meta = {
  title: 'Elements/invite-dialog',
  component: 'invite-dialog',
  argTypes: argTypesFor('invite-dialog', {
    'max-segments': { control: { type: 'number', min: 1, max: 20 } },
    panel: { control: 'inline-radio' },
    'call-timeout': { control: { type: 'number', min: 100, step: 1000 } },
  }),
  args: {
    'user-role': 'owner',
    'default-country': 'US',
    'room-name': 'Weekly sync',
    'room-link': 'https://meet.example.com/weekly-sync',
    'inviter-name': 'Ada',
    panel: 'call',
    open: true,
    onInviteCallStart: fn(),
    onInviteCallStatus: fn(),
    onInviteParticipantJoined: fn(),
    onInviteSmsSent: fn(),
    onInviteError: fn(),
  },
  // A new simulated backend each time a story is shown, scripted by `parameters.transport` (the
  // shipped transport's options).
  loaders: [({ parameters }) => ({ transport: simulatedTransport(parameters['transport'] as SimulatedTransportOptions | undefined) })],
  render: (args, { loaded }) => html`<invite-dialog
    ${attributes(args)}
    .transport=${loaded['transport'] as SimulatedTransport}
    @invite-call-start=${args.onInviteCallStart}
    @invite-call-status=${args.onInviteCallStatus}
    @invite-participant-joined=${args.onInviteParticipantJoined}
    @invite-sms-sent=${args.onInviteSmsSent}
    @invite-error=${args.onInviteError}
  ></invite-dialog>`,
  parameters: {
    // Each story in its own frame on the docs page: the dialog is modal.
    docs: { story: { inline: false, height: '44rem' } },
  },
} satisfies Meta<InviteDialogArgs>;

export default meta;
type Story = StoryObj<InviteDialogArgs>;

// Who the person is, and what the customer bought.

/** The call's owner may call and text. Focus starts in the phone field. */
export const Owner: Story = {
  play: docsShows(asRendered, async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await expect(plain(inside(dialog, '#tab-call').textContent)).toBe('Call');
    await expect(plain(inside(dialog, '#tab-sms').textContent)).toBe('SMS');
    await expect(inside<HTMLButtonElement>(dialog, '[part="call-button"]').disabled).toBe(true);
  }),
};

/** A moderator may call, not text. */
export const Moderator: Story = {
  args: { 'user-role': 'moderator' },
  play: docsShows(asRendered, async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 1);
    await expect(inside(dialog, '[role="tab"]').id).toBe('tab-call');
  }),
};

/** Participants may not invite: the dialog says why and offers nothing. */
export const Participant: Story = {
  args: { 'user-role': 'participant' },
  play: docsShows(asRendered, async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await waitFor(() => expect(plain(inside(dialog, '.message').textContent)).toContain('Only the call’s owner or a moderator'));
    await expect(dialog.shadowRoot?.querySelector('input')).toBeNull();
  }),
};

/** Guests may not invite either. */
export const Guest: Story = {
  args: { 'user-role': 'guest' },
  play: Participant.play,
};

/** The customer has bought neither dial-out nor SMS (`getPolicy` says so). */
export const NotEntitled: Story = {
  parameters: { transport: { policy: { dialOut: false, sms: false } } },
  play: docsShows(asRendered, async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await waitFor(() => expect(plain(inside(dialog, '.message').textContent)).toBe('Inviting by phone is not part of your plan.'));
    await expect(dialog.shadowRoot?.querySelector('[role="tab"]')).toBeNull();
  }),
};

// Calling.

/** A number of a country that is not allowed: `+1 809` is the Dominican Republic, not the United States. */
export const RefusedNumber: Story = {
  play: docsShows(
    async (canvas) => {
      const dialog = findDialog(canvas);
      await shownOffered(dialog, 2);
      leave(enterNumber(dialog, 'call', '+1 809 555 0123'));
      await until(() => plain(dialog.shadowRoot?.querySelector('#call-number-error')?.textContent).includes('Dominican Republic'), 'the refusal');
    },
    async ({ canvasElement }) => {
      const dialog = findDialog(canvasElement);
      await whenOffered(dialog, 2);
      const input = await typeNumber(dialog, 'call', '+1 809 555 0123');
      await userEvent.tab();
      await waitFor(() => expect(plain(inside(dialog, '#call-number-error').textContent)).toContain('Calls to Dominican Republic are not available.'));
      await expect(input.getAttribute('aria-invalid')).toBe('true');
      await expect(inside<HTMLButtonElement>(dialog, '[part="call-button"]').disabled).toBe(true);
    },
  ),
};

/** The backend is placing the call: the phone has not rung yet. */
export const Dialling: Story = {
  parameters: { transport: { outcome: 'never', delays: { dialing: 10 * 60_000 } } },
  play: docsShows(callShown('2015550100', 'dialing'), async ({ canvasElement, args }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    const notice = await whenNotice(dialog, 'dialing');
    await expect(plain(notice.textContent)).toContain('Calling +1 201 555 0100');
    await expect(noticeButton(notice, 'Cancel call')).toBeTruthy();
    await expect(args.onInviteCallStart).toHaveBeenCalledTimes(1);
  }),
};

/** The phone rings; the person may still hang up. */
export const Ringing: Story = {
  parameters: { transport: { outcome: 'never' } },
  play: docsShows(callShown('2015550100', 'ringing'), async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    const notice = await whenNotice(dialog, 'ringing');
    await expect(plain(notice.textContent)).toContain('Ringing +1 201 555 0100');
  }),
};

/** Answered, and now in the call. */
export const Joined: Story = {
  parameters: { transport: { outcome: 'answered' } },
  play: docsShows(callShown('2015550100', 'joined'), async ({ canvasElement, args }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    const notice = await whenNotice(dialog, 'joined');
    await expect(plain(notice.textContent)).toContain('joined the call');
    await expect(args.onInviteParticipantJoined).toHaveBeenCalledTimes(1);
  }),
};

/** Nobody answered, and the person pressed Call again: the confirmation is open. */
export const NoAnswerCallAgain: Story = {
  parameters: { transport: { outcome: 'no-answer' } },
  play: docsShows(
    callShown('2015550100', 'no-answer', async (dialog, notice) => {
      noticeButton(notice, 'Call again').click();
      await until(() => inside<HTMLDialogElement>(dialog, 'dialog[part="confirm"]').open, 'the confirmation');
    }),
    async ({ canvasElement }) => {
      const dialog = findDialog(canvasElement);
      await whenOffered(dialog, 2);
      await placeCall(dialog, '2015550100');
      const notice = await whenNotice(dialog, 'no-answer');
      await expect(plain(notice.textContent)).toContain('did not answer');
      await userEvent.click(noticeButton(notice, 'Call again'));
      const confirm = inside<HTMLDialogElement>(dialog, 'dialog[part="confirm"]');
      await waitFor(() => expect(confirm.open).toBe(true));
      await expect(plain(confirm.textContent)).toContain('Call +1 201 555 0100 again?');
    },
  ),
};

/** The line is busy. */
export const Busy: Story = {
  parameters: { transport: { outcome: 'busy' } },
  play: docsShows(callShown('2015550100', 'busy'), async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    const notice = await whenNotice(dialog, 'busy');
    await expect(plain(notice.textContent)).toContain('is busy');
  }),
};

/** The carrier could not connect the call; the backend's reason is shown. */
export const Failed: Story = {
  parameters: { transport: { outcome: 'failed' } },
  play: docsShows(callShown('2015550100', 'failed'), async ({ canvasElement, args }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    const notice = await whenNotice(dialog, 'failed');
    await expect(plain(notice.textContent)).toContain('The carrier could not connect the call.');
    await expect(args.onInviteError).toHaveBeenCalledTimes(1);
  }),
};

/** The backend never said how the call ended, within `call-timeout`. */
export const OutcomeUnknown: Story = {
  args: { 'call-timeout': 400 },
  parameters: { transport: { outcome: 'never' } },
  play: docsShows(callShown('2015550100', 'unknown'), async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    const notice = await whenNotice(dialog, 'unknown');
    await expect(plain(notice.textContent)).toContain('No update on the call to +1 201 555 0100. It may still be ringing.');
  }),
};

/** The person hung up while it rang. */
export const Cancelled: Story = {
  parameters: { transport: { outcome: 'never' } },
  play: docsShows(
    callShown('2015550100', 'ringing', async (dialog, notice) => {
      noticeButton(notice, 'Cancel call').click();
      await shownNotice(dialog, 'canceled');
    }),
    async ({ canvasElement }) => {
      const dialog = findDialog(canvasElement);
      await whenOffered(dialog, 2);
      await placeCall(dialog, '2015550100');
      const ringing = await whenNotice(dialog, 'ringing');
      await userEvent.click(noticeButton(ringing, 'Cancel call'));
      const notice = await whenNotice(dialog, 'canceled');
      await expect(plain(notice.textContent)).toContain('Call to +1 201 555 0100 canceled.');
    },
  ),
};

/** The dialog was closed during a call: its notice stays at the upper corner, above the page. */
export const NoticeWithDialogClosed: Story = {
  parameters: { transport: { outcome: 'busy' } },
  play: docsShows(
    callShown('2015550100', 'ringing', async (dialog) => {
      inside(dialog, '[part="close-button"]').click();
      await shownNotice(dialog, 'busy');
    }),
    async ({ canvasElement }) => {
      const dialog = findDialog(canvasElement);
      await whenOffered(dialog, 2);
      await placeCall(dialog, '2015550100');
      await whenNotice(dialog, 'ringing');
      await userEvent.click(inside(dialog, '[part="close-button"]'));
      await waitFor(() => expect(dialog.open).toBe(false));
      const notice = await whenNotice(dialog, 'busy');
      await expect(inside(dialog, '[part="notices"]').matches(':popover-open')).toBe(true);
      await expect(plain(notice.textContent)).toContain('is busy');
    },
  ),
};

// Texting.

/** The SMS tab as it opens: the template carries the room's link. */
export const SmsDefault: Story = {
  args: { panel: 'sms' },
  play: docsShows(asRendered, async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await expect(inside(dialog, '#tab-sms').getAttribute('aria-selected')).toBe('true');
    await expect(inside(dialog, 'sms-composer').shadowRoot?.querySelector('textarea')?.value).toContain('https://meet.example.com/weekly-sync');
  }),
};

/** The room has a PIN: the person is reminded to tell it. */
export const SmsPinReminder: Story = {
  args: { panel: 'sms', 'pin-required': true },
  play: docsShows(asRendered, async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    const reminder = inside(dialog, 'sms-composer').shadowRoot?.querySelector<HTMLElement>('[part="reminder"]');
    await expect(reminder?.hidden).toBe(false);
    await expect(plain(reminder?.textContent)).toContain('This room needs a PIN');
  }),
};

/** Curly quotes make the message Unicode: fewer characters per SMS, and a way back to plain ones. */
export const SmsUnicodeWarning: Story = {
  args: { panel: 'sms' },
  play: docsShows(
    async (canvas) => {
      const dialog = findDialog(canvas);
      await shownOffered(dialog, 2);
      const composer = inside(dialog, 'sms-composer');
      const textarea = await until(() => composer.shadowRoot?.querySelector('textarea'), 'the message');
      enter(textarea, `${textarea.value} “Bring coffee”`);
      await until(() => composer.shadowRoot?.querySelector<HTMLElement>('[part="warning"]')?.hidden === false, 'the warning');
    },
    async ({ canvasElement }) => {
      const dialog = findDialog(canvasElement);
      await whenOffered(dialog, 2);
      const composer = inside(dialog, 'sms-composer');
      const textarea = composer.shadowRoot?.querySelector('textarea');
      if (!textarea) throw new Error('no textarea');
      await userEvent.type(textarea, ' “Bring coffee”', { initialSelectionStart: textarea.value.length, initialSelectionEnd: textarea.value.length });
      const warning = composer.shadowRoot?.querySelector<HTMLElement>('[part="warning"]');
      await waitFor(() => expect(warning?.hidden).toBe(false));
      await expect(plain(warning?.textContent)).toContain('“ is a special character');
    },
  ),
};

/** The message needs more SMS than `max-segments` allows: it cannot be sent. */
export const SmsOverTheLimit: Story = {
  args: { panel: 'sms', 'max-segments': 1, 'message-template': LONG_TEMPLATE },
  play: docsShows(
    async (canvas) => {
      const dialog = findDialog(canvas);
      await shownOffered(dialog, 2);
      enterNumber(dialog, 'sms', '4165550100');
    },
    async ({ canvasElement }) => {
      const dialog = findDialog(canvasElement);
      await whenOffered(dialog, 2);
      await typeNumber(dialog, 'sms', '4165550100');
      const warning = inside(dialog, 'sms-composer').shadowRoot?.querySelector<HTMLElement>('[part="warning"]');
      await waitFor(() => expect(plain(warning?.textContent)).toContain('the most allowed is 1'));
      await expect(inside<HTMLButtonElement>(dialog, '[part="send-button"]').disabled).toBe(true);
    },
  ),
};

/** The backend has not answered yet. */
export const SmsSending: Story = {
  args: { panel: 'sms' },
  parameters: { transport: { smsOutcome: 'never' } },
  play: docsShows(textShown('4165550100', 'sending'), async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await typeNumber(dialog, 'sms', '4165550100');
    await userEvent.click(inside(dialog, '[part="send-button"]'));
    const notice = await whenNotice(dialog, 'sending');
    await expect(plain(notice.textContent)).toContain('Sending the SMS to +1 416 555 0100');
    await expect(inside<HTMLButtonElement>(dialog, '[part="send-button"]').disabled).toBe(true);
  }),
};

/** Sent: the form is ready for the next invitation. */
export const SmsSent: Story = {
  args: { panel: 'sms' },
  parameters: { transport: { smsOutcome: 'sent' } },
  play: docsShows(textShown('4165550100', 'sent'), async ({ canvasElement, args }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await typeNumber(dialog, 'sms', '4165550100');
    await userEvent.click(inside(dialog, '[part="send-button"]'));
    const notice = await whenNotice(dialog, 'sent');
    await expect(plain(notice.textContent)).toContain('SMS sent to +1 416 555 0100');
    await expect(args.onInviteSmsSent).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(inside<HTMLInputElement>(dialog, '#sms-number').value).toBe(''));
  }),
};

/** The backend asked to wait: Send counts down. */
export const SmsRateLimited: Story = {
  args: { panel: 'sms' },
  parameters: { transport: { smsOutcome: 'rate-limited', retryAfterMs: 45_000 } },
  play: docsShows(textShown('4165550100', 'failed'), async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await typeNumber(dialog, 'sms', '4165550100');
    await userEvent.click(inside(dialog, '[part="send-button"]'));
    const notice = await whenNotice(dialog, 'failed');
    await expect(plain(notice.textContent)).toContain('Too many invitations at once.');
    await waitFor(() => expect(plain(inside(dialog, '#panel-sms .note').textContent)).toMatch(/Try again in 4\d s\./));
    await expect(inside<HTMLButtonElement>(dialog, '[part="send-button"]').disabled).toBe(true);
    await expect(noticesText(dialog)).toContain('was not sent');
  }),
};

// The page around it.

/** A page in dark mode (`color-scheme: dark` on a container), with a call ringing. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  parameters: { transport: { outcome: 'never' } },
  play: docsShows(callShown('2015550100', 'ringing'), async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    await whenNotice(dialog, 'ringing');
  }),
};

/** A page in French (Canada): `lang="fr-CA"` on a container. */
export const French: Story = {
  globals: { locale: 'fr-CA' },
  args: { 'default-country': 'CA', 'pin-required': true },
  parameters: { transport: { outcome: 'no-answer' } },
  play: docsShows(callShown('4165550100', 'no-answer'), async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '4165550100');
    await whenNotice(dialog, 'no-answer');
  }),
};

/** A right-to-left page: `dir="rtl"` on a container. Phone numbers stay left to right. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  parameters: { transport: { outcome: 'busy' } },
  play: docsShows(callShown('2015550100', 'busy'), async ({ canvasElement }) => {
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    await whenNotice(dialog, 'busy');
    await expect(inside(dialog, '#call-number').getAttribute('dir')).toBe('ltr');
  }),
};
