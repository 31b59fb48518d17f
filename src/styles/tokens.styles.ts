import { css } from 'lit';

/**
 * The design tokens every element reads. A host sets the public `--invite-*` properties once,
 * on the elements or any ancestor, to theme all of them; the private `--_*` copies hold the
 * defaults. Light and dark follow the `color-scheme` the elements inherit from the page: a page
 * that declares `color-scheme: light dark` follows `prefers-color-scheme`.
 */
export const tokens = css`
  :host {
    --_font: var(--invite-font, inherit);
    --_text: var(--invite-color-text, light-dark(#1d1f23, #eceef2));
    --_muted: var(--invite-color-muted, light-dark(#575c66, #b3b8c2));
    --_surface: var(--invite-color-surface, light-dark(#ffffff, #24262b));
    --_surface-raised: var(--invite-color-surface-raised, light-dark(#f3f4f6, #30333a));
    --_border: var(--invite-color-border, light-dark(#8a909b, #7d8490));
    --_accent: var(--invite-color-accent, light-dark(#1a56c4, #8ab4ff));
    --_on-accent: var(--invite-color-on-accent, light-dark(#ffffff, #0d1a33));
    --_danger: var(--invite-color-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--invite-color-success, light-dark(#1e6b34, #8bd5a0));
    --_focus-ring: var(--invite-focus-ring, 2px solid var(--_accent));
    --_radius: var(--invite-radius, 6px);
    --_space: var(--invite-space, 0.5rem);
    --_transition: var(--invite-transition, 120ms ease-out);
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_transition: 0s;
    }
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
