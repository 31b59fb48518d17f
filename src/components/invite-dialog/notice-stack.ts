/**
 * The notices of every dialog on the page that shows them at the page's corner, stacked in the
 * order they arrived, so that several dialogs never hide each other's. Each popover is moved down
 * by the height of those above it, through a style sheet of its own shadow root (no inline styles).
 *
 * Kept cheap on the paths that open and close a dialog: a root adopts its sheet once and keeps it
 * (changing `adoptedStyleSheets` restyles the whole shadow root), a sheet is rewritten only when its
 * offset changes, and only a popover with another below it is measured (a forced layout).
 */
interface Offset {
  sheet: CSSStyleSheet;
  px: number;
}

const stacked = new Map<HTMLElement, Offset>();
const offsets = new WeakMap<ShadowRoot, Offset>();
const resized = new ResizeObserver(() => layOut());

function layOut(): void {
  let px = 0;
  const entries = [...stacked];
  entries.forEach(([popover, offset], index) => {
    if (offset.px !== px) {
      offset.sheet.replaceSync(`[part='notices'][popover] { --_stack: ${px}px; }`);
      offset.px = px;
    }
    if (index === entries.length - 1) return;
    const { height } = popover.getBoundingClientRect();
    if (height > 0) px += height + 8;
  });
}

/** Stacks `popover`, in `root`; returns how to take it out again. */
export function stack(popover: HTMLElement, root: ShadowRoot): () => void {
  let offset = offsets.get(root);
  if (!offset) {
    // An empty sheet is an offset of 0.
    offset = { sheet: new CSSStyleSheet(), px: 0 };
    offsets.set(root, offset);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, offset.sheet];
  }
  stacked.set(popover, offset);
  resized.observe(popover);
  layOut();
  return () => {
    stacked.delete(popover);
    resized.unobserve(popover);
    layOut();
  };
}
