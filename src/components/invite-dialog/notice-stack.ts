/**
 * The notices of every dialog on the page that shows them at the page's corner, stacked in the
 * order they arrived, so that several dialogs never hide each other's. Each popover is moved down
 * by the height of those above it, through a style sheet of its own shadow root (no inline styles).
 */
const stacked = new Map<HTMLElement, CSSStyleSheet>();
const resized = new ResizeObserver(() => layOut());

function layOut(): void {
  let offset = 0;
  for (const [popover, sheet] of stacked) {
    sheet.replaceSync(`[part='notices'][popover] { --_stack: ${offset}px; }`);
    const { height } = popover.getBoundingClientRect();
    if (height > 0) offset += height + 8;
  }
}

/** Stacks `popover`, in `root`; returns how to take it out again. */
export function stack(popover: HTMLElement, root: ShadowRoot): () => void {
  const sheet = new CSSStyleSheet();
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  stacked.set(popover, sheet);
  resized.observe(popover);
  layOut();
  return () => {
    stacked.delete(popover);
    resized.unobserve(popover);
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((other) => other !== sheet);
    layOut();
  };
}
