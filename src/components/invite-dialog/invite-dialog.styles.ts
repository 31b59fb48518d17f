import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
    font: var(--_font);
    color: var(--_text);
  }

  dialog {
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    box-shadow: 0 24px 48px rgb(0 0 0 / 0.3);
    padding: 0;
  }

  /* The layout follows the page's direction; each sentence reads in the direction of its own
     words, so that English on a right-to-left page does not end up with its full stop in front. */
  :is(p, h2, h3, label, .attempt-text) {
    unicode-bidi: plaintext;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  /* Anchored near the top, so that it grows downwards instead of moving as calls are added. */
  [part='dialog'] {
    width: var(--invite-dialog-width, min(40rem, calc(100vw - 2rem)));
    max-height: calc(100dvh - min(8vh, 4rem) - 1rem);
    margin-block-start: min(8vh, 4rem);
  }

  /* The header stays put; the body under it scrolls. */
  [part='dialog'][open] {
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }

  /* A phone: a full-screen sheet. */
  @media (max-width: 480px) {
    [part='dialog'] {
      width: 100%;
      max-width: 100%;
      height: 100%;
      max-height: 100%;
      margin: 0;
      border: 0;
      border-radius: 0;
    }
  }

  [part='header'] {
    flex: none;
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 2) var(--_space);
  }

  [part='title'] {
    margin: 0;
    font-size: 1.25rem;
  }

  .room {
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  /* The tabs on the side, and the body beside them, which scrolls. */
  .layout {
    flex: 1 1 auto;
    display: grid;
    grid-template-columns: minmax(7rem, auto) 1fr;
    min-height: 0;
    border-block-start: 1px solid var(--_border);
  }

  [part='tabs'] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    background: var(--_surface-raised);
  }

  [part='tabs'][hidden] {
    display: none;
  }

  [part='tabs'][hidden] + .body {
    grid-column: 1 / -1;
  }

  [part='tab'] {
    font: inherit;
    color: inherit;
    text-align: start;
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 0;
    border-inline-start: 3px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
  }

  [part='tab'][aria-selected='true'] {
    font-weight: 600;
    border-inline-start-color: var(--_accent);
    background: var(--_surface);
  }

  .body {
    grid-column: -2;
    overflow: auto;
    overscroll-behavior: contain;
    min-height: 0;
    /* A field scrolled into view is not left under the sticky main action. */
    scroll-padding-block-end: 4rem;
  }

  .body:only-child {
    grid-column: 1 / -1;
  }

  /* A phone: the tabs across the top, the body under them. */
  @media (max-width: 480px) {
    .layout {
      display: flex;
      flex-direction: column;
    }

    [part='tabs'] {
      flex: none;
      flex-direction: row;
      gap: var(--_space);
      padding: 0 calc(var(--_space) * 2);
      background: none;
      border-block-end: 1px solid var(--_border);
    }

    [part='tab'] {
      border-inline-start: 0;
      border-block-end: 3px solid transparent;
      border-radius: 0;
    }

    [part='tab'][aria-selected='true'] {
      border-block-end-color: var(--_accent);
      background: none;
    }

    .body {
      flex: 1 1 auto;
    }
  }

  [part='panel'] {
    padding: calc(var(--_space) * 2);
  }

  [part='panel'][hidden] {
    display: none;
  }

  /* What the dialog says when it offers nothing (yet): centred in a body the size of the form it
     stands for, so that the dialog hardly moves when the form arrives. */
  .body:has(> .empty) {
    display: grid;
    align-content: center;
  }

  .empty {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space);
    min-height: 12rem;
    justify-content: center;
    padding: calc(var(--_space) * 2);
    text-align: center;
  }

  .empty::before {
    content: 'i' / '';
    display: grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    background: var(--_surface-raised);
    color: var(--_muted);
    font-weight: 700;
    font-size: 1.25rem;
  }

  .loading::before {
    content: '' / '';
    box-sizing: border-box;
    border: 3px solid var(--_surface-raised);
    border-block-start-color: var(--_accent);
    background: none;
  }

  @media (prefers-reduced-motion: no-preference) {
    .loading::before {
      animation: spin 0.9s linear infinite;
    }
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  .message {
    margin: 0;
    font-weight: 600;
    max-width: 26rem;
  }

  .invite-form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .number-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
  }

  .field {
    flex: 1 1 12rem;
  }

  /* A label over its field as blocks, not as a flex column: a text field that is not a flex or grid
     item can be laid out on its own as it is typed in (see input below). */
  .field > label {
    display: block;
    margin-block-end: calc(var(--_space) / 2);
  }

  .name-field {
    flex: none;
  }

  label {
    font-weight: 600;
  }

  /* Sized without its text (one line high), a field is laid out alone as it is typed in, not with every
     box around it; nor does it ask its row for room for twenty characters. */
  input {
    display: block;
    contain: size layout;
    contain-intrinsic-block-size: 1lh;
    font: inherit;
    color: inherit;
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  ::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }

  .error {
    display: flex;
    gap: var(--_space);
    align-items: center;
    min-height: 1.5em;
    margin: 0;
    color: var(--_danger);
  }

  .error-icon {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    background: var(--_danger);
    color: var(--_surface);
    font-weight: 700;
    font-size: 0.8em;
  }

  .note {
    margin: 0;
    color: var(--_muted);
  }

  .copy-link {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .text-button {
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }

  .copy-status {
    color: var(--_muted);
  }

  .link-field {
    flex: 1 1 100%;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
  }

  /* The main action stays in sight while the rest of the form scrolls, where there is room for it. */
  .invite-form .actions {
    position: sticky;
    bottom: 0;
    padding-block: var(--_space);
    background: var(--_surface);
  }

  @media (max-height: 30rem) {
    .invite-form .actions {
      position: static;
    }
  }

  button {
    font: inherit;
    cursor: pointer;
  }

  .primary,
  .secondary {
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 2);
    border-radius: var(--_radius);
  }

  .primary {
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  .secondary {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  .icon,
  .dismiss {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    font-size: 1.5rem;
    line-height: 1;
  }

  .icon:hover,
  .dismiss:hover {
    background: var(--_surface-raised);
  }

  :is(button, input, [part='tab'], .notice-detail):focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  .show-all {
    margin-block-start: var(--_space);
  }

  .attempts h3 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 1rem;
  }

  [part='attempts'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .attempt {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) 0;
    border-block-start: 1px solid var(--_surface-raised);
  }

  .attempt-actions,
  .notice-actions {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }

  [part='notices'] {
    position: fixed;
    inset: calc(var(--_space) * 2) calc(var(--_space) * 2) auto auto;
    inset-inline: auto calc(var(--_space) * 2);
    /* Under the notices of the dialogs before it on the page (see notice-stack.ts). */
    inset-block-start: calc(var(--_space) * 2 + var(--_stack, 0px));
    width: min(21rem, calc(100vw - 2rem));
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: visible;
    pointer-events: none;
  }

  /* Inside the open dialog: in the flow, under the form. */
  .body [part='notices'] {
    position: static;
    width: auto;
  }

  /* Both live regions stay rendered, empty, so that what is added to them is announced. */
  .body [part='notices']:has(.notice) {
    padding-block: var(--_space);
  }

  .body [part='notices'] .notice {
    box-shadow: none;
  }

  .region {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .region:not(:empty) + .region:not(:empty) {
    margin-block-start: var(--_space);
  }

  /* The text, with the dismiss button beside it; the detail and the actions under them. */
  .notice {
    pointer-events: auto;
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: start;
    gap: calc(var(--_space) / 2) var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    --_tone: var(--_accent);
    border-inline-start: 4px solid var(--_tone);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.25);
  }

  .notice > :not(.dismiss) {
    grid-column: 1;
  }

  .notice .dismiss {
    grid-area: 1 / 2;
    margin: calc(var(--_space) / -2);
  }

  /* Where there is room, the action stands on the text's line, before the dismiss button. */
  [part='notices'] {
    container-type: inline-size;
  }

  @container (min-width: 28rem) {
    .notice {
      grid-template-columns: 1fr auto auto;
      align-items: center;
    }

    .notice .notice-actions {
      grid-area: 1 / 2;
    }

    .notice .dismiss {
      grid-area: 1 / 3;
    }

    .notice .notice-detail {
      grid-column: 1 / -1;
    }
  }

  /* Colour says how serious, and an icon says it too: a call or text under way is the default. */
  .notice-text::before,
  .attempt-text::before {
    content: '●' / '';
    display: inline-block;
    width: 1.5em;
    text-align: center;
    font-weight: 700;
    color: var(--_tone);
  }

  .attempt {
    --_tone: var(--_accent);
  }

  /* A call under way pulses, unless the person asked for less motion. */
  @media (prefers-reduced-motion: no-preference) {
    .progress :is(.notice-text, .attempt-text)::before {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }

  @keyframes pulse {
    to {
      opacity: 0.25;
    }
  }

  .success {
    --_tone: var(--_success);
  }

  .success :is(.notice-text, .attempt-text)::before {
    content: '✓' / '';
  }

  .ended {
    --_tone: var(--_muted);
  }

  .ended :is(.notice-text, .attempt-text)::before {
    content: '–' / '';
  }

  .failure {
    --_tone: var(--_danger);
  }

  .failure :is(.notice-text, .attempt-text)::before {
    content: '!' / '';
  }

  /* At the page's corner, a success fades after a few seconds, but not while the pointer or focus
     is on it: then it starts over. In the open dialog it stays, the status of what was done last. */
  [popover] .notice.success:not(:hover, :focus-within) {
    animation: fade-out var(--invite-notice-duration, 6s) forwards;
  }

  @keyframes fade-out {
    85% {
      opacity: 1;
    }
    to {
      opacity: 0;
    }
  }

  /* A phone number never breaks across lines, unless the screen is narrower than the number. */
  .number {
    white-space: nowrap;
  }

  @media (max-width: 15rem) {
    .number {
      white-space: normal;
    }
  }

  .notice p {
    margin: 0;
  }

  .notice-detail {
    color: var(--_muted);
    overflow-wrap: anywhere;
    max-height: 4.5lh;
    overflow-y: auto;
  }

  .notice-actions {
    justify-content: flex-end;
  }

  .notice-actions:empty {
    display: none;
  }

  [part='confirm'] {
    width: min(24rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 2);
  }

  [part='confirm'] p {
    margin: 0 0 calc(var(--_space) * 2);
    font-weight: 600;
  }

  @media (forced-colors: active) {
    [part='tab'][aria-selected='true'] {
      border-color: Highlight;
    }
    .notice {
      border-color: CanvasText;
    }
  }
`;
