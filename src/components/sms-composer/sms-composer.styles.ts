import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    font: var(--_font);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none;
  }

  [part='label'] {
    font-weight: 600;
  }

  /* Each text reads in the direction of its own words, whatever the page's (see the dialog). */
  :is([part='label'], [part='counter'], [part='warning'], [part='reminder']) {
    unicode-bidi: plaintext;
  }

  [part='textarea'] {
    font: inherit;
    color: inherit;
    box-sizing: border-box;
    width: 100%;
    min-height: calc(var(--sms-composer-rows, 5) * 1.5em);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    resize: vertical;
  }

  [part='textarea']:focus-visible,
  [part='button']:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  [part='textarea'][aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  [part='counter'] {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .over {
    color: var(--_danger);
  }

  [part='warning'] p,
  [part='reminder'] {
    margin: 0;
  }

  /* Information, not an error: the text's own colour, beside a calm icon drawn here. */
  .note {
    display: flex;
    gap: var(--_space);
  }

  .note::before {
    content: 'i' / '';
    min-width: 1.4em;
    height: 1.4em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font: italic 700 0.85em/1.4 serif;
    text-align: center;
  }

  /* The offer to replace the characters, under the note's text. */
  [part='warning'] + [part='button'] {
    margin-inline-start: calc(1.2em + var(--_space));
  }

  [part='reminder'] {
    padding: var(--_space);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  [hidden] {
    display: none;
  }

  [part='button'] {
    align-self: flex-start;
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
`;
