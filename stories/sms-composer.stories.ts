import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/sms-composer.js';
import type { SmsComposer } from '../src/index.js';
import { argTypesFor } from './support/arg-types.js';
import { attributes, type ElementAttributes } from './support/attributes.js';
import { docsShows, enter, until } from './support/docs-page.js';

type SmsComposerArgs = ElementAttributes<SmsComposer, 'value' | 'name' | 'label' | 'disabled'> & {
  onInput?: (event: Event) => void;
  onChange?: (event: Event) => void;
};

const LONG_TEMPLATE =
  'Hello! You are invited to join {room}, where we review the roadmap, the open issues and the ' +
  'release plan for next week. Join from your phone or your computer here: {link} See you soon, {inviter}';

function findComposer(canvasElement: HTMLElement): SmsComposer {
  const composer = canvasElement.querySelector('sms-composer');
  if (!composer) throw new Error('the story rendered no <sms-composer>');
  return composer;
}

function part<T extends HTMLElement = HTMLElement>(composer: SmsComposer, name: string): T {
  const element = composer.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!element) throw new Error(`<sms-composer> has no part ${name}`);
  return element;
}

const meta = {
  title: 'Elements/sms-composer',
  component: 'sms-composer',
  argTypes: argTypesFor('sms-composer', {
    'max-segments': { control: { type: 'number', min: 1, max: 20 } },
  }),
  args: {
    'room-link': 'https://meet.example.com/weekly-sync',
    'room-name': 'Weekly sync',
    'inviter-name': 'Ada',
    name: 'message',
    onInput: fn(),
    onChange: fn(),
  },
  render: (args) => html`<sms-composer
    ${attributes(args)}
    @input=${args.onInput}
    @change=${args.onChange}
  ></sms-composer>`,
} satisfies Meta<SmsComposerArgs>;

export default meta;
type Story = StoryObj<SmsComposerArgs>;

/** The default text, with the room's link, and what it costs. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const composer = findComposer(canvasElement);
    await expect(part<HTMLTextAreaElement>(composer, 'textarea').value).toContain('https://meet.example.com/weekly-sync');
    await expect(part(composer, 'counter').textContent?.trim()).toMatch(/^\d+ \/ 160 · 1 text$/);
    await expect(part(composer, 'warning').hidden).toBe(true);
  },
};

/** The room has a PIN: a reminder to tell it, which is never put in the message. */
export const PinReminder: Story = {
  args: { 'pin-required': true },
  play: async ({ canvasElement }) => {
    const reminder = part(findComposer(canvasElement), 'reminder');
    await expect(reminder.hidden).toBe(false);
    await expect(reminder.textContent).toContain('This room needs a PIN');
  },
};

/** Typed curly quotes make the message Unicode: the warning names the character and offers plain ones. */
export const UnicodeWarning: Story = {
  // Inline on the docs page, where a play function runs only with autoplay: this one needs no focus there.
  parameters: { docs: { story: { autoplay: true } } },
  play: docsShows(
    async (canvas) => {
      const composer = findComposer(canvas);
      await composer.updateComplete;
      const textarea = part<HTMLTextAreaElement>(composer, 'textarea');
      enter(textarea, `${textarea.value} “Bring coffee”`);
      await until(() => !part(composer, 'warning').hidden, 'the warning');
    },
    async ({ canvasElement, args }) => {
      const composer = findComposer(canvasElement);
      const textarea = part<HTMLTextAreaElement>(composer, 'textarea');
      const end = textarea.value.length;
      await userEvent.type(textarea, ' “Bring coffee”', { initialSelectionStart: end, initialSelectionEnd: end });
      await waitFor(() => expect(part(composer, 'warning').hidden).toBe(false));
      await expect(part(composer, 'warning').textContent).toContain('“ is a special character');
      await expect(part(composer, 'counter').textContent).toContain('/ 134 · 2 texts');
      await expect(args.onInput).toHaveBeenCalled();
      const buttons = [...(composer.shadowRoot?.querySelectorAll('[part="button"]') ?? [])].map((button) => button.textContent?.trim());
      await expect(buttons).toContain('Replace curly quotes and dashes');
    },
  ),
};

/** The message needs more SMS than `max-segments`: the counter and the warning say so. */
export const OverTheLimit: Story = {
  args: { 'max-segments': 1, 'message-template': LONG_TEMPLATE },
  play: async ({ canvasElement }) => {
    const composer = findComposer(canvasElement);
    await expect(part(composer, 'warning').textContent).toContain('the most allowed is 1');
    await expect(part<HTMLTextAreaElement>(composer, 'textarea').getAttribute('aria-invalid')).toBe('true');
    await expect(composer.validity.tooLong).toBe(true);
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(part<HTMLTextAreaElement>(findComposer(canvasElement), 'textarea').disabled).toBe(true);
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  args: { 'pin-required': true },
};

/** `lang="fr-CA"` on a container: the default text and the counter follow it. */
export const French: Story = {
  globals: { locale: 'fr-CA' },
  args: { 'pin-required': true },
};

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: { 'pin-required': true },
};
