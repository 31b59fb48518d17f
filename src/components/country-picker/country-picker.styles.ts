import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    position: relative;
    font: var(--_font);
    color: var(--_text);
    --_list-height: var(--country-picker-list-max-height, 18rem);
    --_list-width: var(--country-picker-list-width, 20rem);
  }

  :host([hidden]) {
    display: none;
  }

  [part='label'] {
    font-weight: 600;
  }

  [part='combobox'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2.5rem;
    box-sizing: border-box;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    user-select: none;
    anchor-name: --combobox;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  :host([disabled]) [part='combobox'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .flag {
    flex: none;
    width: 1.25em;
    height: 0.9375em;
    border-radius: 2px;
    box-shadow: 0 0 0 1px rgb(0 0 0 / 0.15);
  }

  .placeholder {
    color: var(--_muted);
  }

  [part='arrow'] {
    width: 0.5rem;
    height: 0.5rem;
    margin-inline-start: auto;
    /* Physical sides: the chevron points down in either direction. */
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
    transition: transform var(--_transition);
  }

  [aria-expanded='true'] > [part='arrow'] {
    transform: translateY(25%) rotate(225deg);
  }

  /*
   * A popover in the top layer, so that no scrolling container (a dialog's body) clips it, anchored
   * to its control: under it, else over it; else where there is room for a few countries, its
   * height capped to that room. It starts where the control starts, and is no wider than the room
   * from there. Where anchor positioning is missing, it stands at the top of the viewport, in the middle.
   */
  [part='popup'] {
    position-anchor: --combobox;
    position-area: self-block-end span-self-inline-end;
    position-try-fallbacks: flip-block, --fit, --fit flip-block;
    box-sizing: border-box;
    width: max-content;
    min-width: anchor-size(width);
    max-width: min(var(--_list-width), 100%);
    margin-block: calc(var(--_space) / 2);
    overflow: visible;
    padding: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: inherit;
    background: var(--_surface);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
  }

  [part='popup']:popover-open {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  /* No anchor positioning (Firefox ESR 140, for one): at the top of the viewport, no taller than it. */
  @supports not (position-area: block-end) {
    [part='popup'] {
      max-height: calc(100% - var(--_space));
    }
  }

  @position-try --fit {
    min-height: 12rem;
    max-height: calc(100% - var(--_space));
  }

  [part='search'] {
    font: inherit;
    color: inherit;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  [part='listbox'] {
    max-height: var(--_list-height);
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  /*
   * A long list: as wide as it may be (its blocks out of view have no width to measure), each
   * block rendered only near the view, sized until then as twenty one-line options (BLOCK in
   * country-picker.ts).
   */
  [part='popup'].long {
    width: var(--_list-width);
  }

  .block {
    content-visibility: auto;
    contain-intrinsic-block-size: auto calc(20 * (1.2em + var(--_space) * 1.5));
  }

  /* The blocks around the active option: drawn in the task that opens the list (see render()). */
  .near {
    content-visibility: visible;
  }

  /* The divider under the preferred countries. */
  .pinned {
    border-block-end: 1px solid var(--_border);
  }

  [part~='option'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }

  [part~='option']:hover {
    background: var(--_surface-raised);
  }

  [part~='active'] {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
    background: var(--_surface-raised);
  }

  [part~='option'][aria-selected='true'] {
    font-weight: 600;
  }

  /* Where the list is narrow, a long name breaks rather than push the calling code out of sight. */
  .name {
    overflow-wrap: anywhere;
  }

  .dial {
    color: var(--_muted);
    unicode-bidi: isolate;
  }

  [part~='option'] .dial {
    margin-inline-start: auto;
  }

  [part='empty'] {
    padding: var(--_space);
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    [part~='active'] {
      outline-color: Highlight;
    }
    [part~='option'][aria-selected='true'] {
      text-decoration: underline;
    }
  }
`;
