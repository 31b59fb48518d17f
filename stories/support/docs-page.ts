/**
 * A story on a Docs page, as opposed to its own canvas and the test run.
 *
 * addon-docs shows a story that is not inline (`parameters.docs.story.inline: false`: the dialog,
 * whose modal would make the page around it inert; the country list, which lives in the top layer
 * and closes when focus leaves it; the demo page) in an `<iframe src="iframe.html?id=…&viewMode=story">`
 * of its own, and there Storybook runs the story's play function as it does on the canvas:
 * `docs.story.autoplay` only concerns inline stories. On a page of 26 dialogs, a dozen frames load
 * at once and their play functions type and click at the same time. Keyboard focus is one per page,
 * not one per frame, so they take it from each other, keys land in no field, and most stories never
 * reach their state (`expected '' to be '2015550100'`); each one that takes focus takes it from the
 * reader too.
 *
 * So every play function of those stories goes through `docsShows()`: on a Docs page it brings the
 * story to its state with a few steps that need neither focus nor keys (a value and its `input`
 * event, a click), or with none (`asRendered`); on the canvas and in `npm run test:stories` it is
 * the test, a person's keys and clicks, as before.
 */

/**
 * Whether this preview is a story's own frame on a Docs page: its parent is the docs page's
 * `iframe.html?viewMode=docs`. On the canvas the parent is the manager, in the test run Vitest's page.
 */
export const IN_DOCS_FRAME: boolean = (() => {
  if (window.parent === window) return false;
  try {
    return new URLSearchParams(window.parent.location.search).get('viewMode') === 'docs';
  } catch {
    // Embedded by a page of another origin: not one of these Docs pages.
    return false;
  }
})();

/** Whether the story is shown on a Docs page: inline in it, or in a frame of its own. */
export function onDocsPage(context: { viewMode: string }): boolean {
  return context.viewMode === 'docs' || IN_DOCS_FRAME;
}

/**
 * In a story's frame on a Docs page, a script may move focus only within a frame that has it: the
 * reader's focus stays where the reader put it, and an element that closes when focus leaves it
 * (the country list) is not closed by the frame of another story opening its own. Once the reader
 * clicks into the frame, the story's focus handling is its own again.
 */
export function keepFocusWithReader(): void {
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function focusIfFrameHasFocus(this: HTMLElement, options?: FocusOptions) {
    if (document.hasFocus()) focus.call(this, options);
  };
}

/**
 * A play function that, on a Docs page, brings the story to its state with `show` instead of
 * running `test`, and keeps it hidden until then (`.docs-showing`, in .storybook/preview.css): the
 * reader never sees a state the story is only passing through. An inline story runs it there only
 * with `parameters.docs.story.autoplay`.
 */
export function docsShows<Context extends { canvasElement: HTMLElement; viewMode: string }>(
  show: (canvasElement: HTMLElement) => Promise<unknown>,
  test: (context: Context) => Promise<void>,
): (context: Context) => Promise<void> {
  return async (context) => {
    const { canvasElement } = context;
    if (!onDocsPage(context)) return test(context);
    canvasElement.classList.add('docs-showing');
    try {
      await show(canvasElement);
    } finally {
      canvasElement.classList.remove('docs-showing');
    }
  };
}

/** For `docsShows()`: the story is in its state as soon as it renders. */
export async function asRendered(): Promise<void> {}

/** Until `read` returns something truthy, which it returns; throws, naming `what`, after `timeout` ms. */
export async function until<T>(read: () => T | null | undefined | false, what: string, timeout = 15_000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`${what}: not shown after ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What typing or pasting `text` into a field does, without focus or keys: its value, then `input`. */
export function enter(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

/** What leaving a field does, without moving focus. */
export function leave(field: HTMLElement): void {
  field.dispatchEvent(new FocusEvent('blur'));
  field.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}
