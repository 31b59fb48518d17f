/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import demoCss from '../demo/demo.css?inline';
import '../src/index.js';
import type { InviteRole, SimulatedTransport } from '../src/index.js';
import demoPageCss from './demo-page.css?inline';
import { docsShows, until } from './support/docs-page.js';
import { callShown, findDialog, inside, placeCall, whenNotice, whenOffered } from './support/invite-dialog.js';
import { simulatedTransport } from './support/transport.js';

/**
 * The demo's own style sheet styles `:root` and `<body>`: it is adopted only while this story is
 * shown, so that it does not restyle the other stories. Before the story renders: a decorator's
 * `useEffect` runs only once the play function and the animations after it have ended, and until
 * then (five seconds and more, the joined notice's fade) the page was shown without its styles.
 */
function adoptDemoStyles(): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${demoCss}\n${demoPageCss}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}

const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'];

function pageOf(event: Event): HTMLElement {
  const page = (event.currentTarget as HTMLElement).closest<HTMLElement>('.demo-page');
  if (!page) throw new Error('outside the demo page');
  return page;
}

function inviteButton(canvasElement: HTMLElement): HTMLButtonElement {
  const invite = [...canvasElement.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Invite');
  if (!invite) throw new Error('no Invite button');
  return invite;
}

/** For `docsShows()`: the steps of HostPage, without focus or keys. */
async function joinedShown(canvasElement: HTMLElement): Promise<void> {
  inviteButton(canvasElement).click();
  await callShown('2015550100', 'joined', async (dialog) => {
    inside(dialog, '[part="close-button"]').click();
    await until(() => canvasElement.querySelectorAll('.tile').length === PEOPLE.length + 1, 'the new tile');
  })(canvasElement);
}

/** Adds a tile for someone who joined by phone, as demo/main.ts does. */
function addPhoneTile(event: Event): void {
  const tile = document.createElement('li');
  tile.className = 'tile phone';
  const avatar = document.createElement('span');
  avatar.className = 'avatar';
  avatar.setAttribute('aria-hidden', 'true');
  avatar.textContent = '☎';
  const label = document.createElement('span');
  label.className = 'name';
  label.textContent = (event as CustomEvent<{ phoneNumber: string }>).detail.phoneNumber;
  tile.append(avatar, label);
  pageOf(event).querySelector('.tiles')?.append(tile);
}

const meta = {
  title: 'Demo/Host page',
  beforeEach: adoptDemoStyles,
  loaders: [() => ({ transport: simulatedTransport() })],
  parameters: {
    bareFrame: true,
    docs: { story: { inline: false, height: '40rem' } },
  },
  render: (_args, { loaded }) => html`<div class="demo-page">
    <header class="bar">
      <h1>Weekly sync</h1>
      <label class="role">
        You are
        <select
          @change=${(event: Event) => {
            const dialog = pageOf(event).querySelector('invite-dialog');
            if (dialog) dialog.userRole = (event.target as HTMLSelectElement).value as InviteRole;
          }}
        >
          <option value="owner">the owner</option>
          <option value="moderator">a moderator</option>
          <option value="participant">a participant</option>
          <option value="guest">a guest</option>
        </select>
      </label>
    </header>
    <main>
      <ul class="tiles" aria-label="Participants">
        ${PEOPLE.map(
          (name) => html`<li class="tile person">
            <span class="avatar" aria-hidden="true">${name.slice(0, 1)}</span><span class="name">${name}</span>
          </li>`,
        )}
      </ul>
    </main>
    <footer class="bar controls">
      <button type="button" class="control" disabled>Mute</button>
      <button type="button" class="control" disabled>Camera</button>
      <button type="button" class="control primary" @click=${(event: Event) => pageOf(event).querySelector('invite-dialog')?.show()}>
        Invite
      </button>
      <button type="button" class="control danger" disabled>Leave</button>
    </footer>
    <p class="hint">
      Simulated backend. Calls to numbers ending in 0 are answered, 1 not answered, 2 busy, 3 declined, 4 failed, 5
      unreachable, 9 never say how they ended. Texts to numbers ending in 5 fail, 6 are rate-limited. Try (201) 555-0100.
    </p>
    <invite-dialog
      user-role="owner"
      default-country="US"
      room-name="Weekly sync"
      room-link="https://meet.example.com/weekly-sync"
      pin-required
      .transport=${loaded['transport'] as SimulatedTransport}
      @invite-participant-joined=${addPhoneTile}
    ></invite-dialog>
  </div>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The person presses Invite, calls (201) 555-0100, who answers and appears as a new tile. */
export const HostPage: Story = {
  play: docsShows(joinedShown, async ({ canvasElement }) => {
    await userEvent.click(inviteButton(canvasElement));
    const dialog = findDialog(canvasElement);
    await whenOffered(dialog, 2);
    await placeCall(dialog, '2015550100');
    await whenNotice(dialog, 'joined');
    await userEvent.click(inside(dialog, '[part="close-button"]'));
    await waitFor(() => expect(canvasElement.querySelectorAll('.tile')).toHaveLength(PEOPLE.length + 1));
    await expect(canvasElement.querySelector('.tile.phone .name')?.textContent).toBe('+12015550100');
  }),
};

/** The same page in dark mode. */
export const HostPageDark: Story = {
  globals: { theme: 'dark' },
  play: HostPage.play,
};
