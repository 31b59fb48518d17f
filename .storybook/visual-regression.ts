import { afterEach, type TestContext } from 'vitest';
import { commands, page } from 'vitest/browser';

/**
 * Visual regression: once a story has rendered, its play function has passed and axe has checked
 * it, the viewport is compared with the committed reference screenshot
 * `.storybook/__screenshots__/<width>x<height>/<story id>.png` (vitest.config.ts says where, and
 * how far pixels may differ). A story opts out with `parameters: { screenshot: false }`.
 */

/**
 * Styles put in the page and in every open shadow root only while the screenshot is taken:
 * animations, transitions and the caret would make it depend on the moment it is taken, and so
 * would the clocks. A success notice's fade is an animation, so with none it stays fully shown.
 */
const STILL = new CSSStyleSheet();
STILL.replaceSync(`
  *, *::before, *::after, *::backdrop {
    animation: none !important;
    transition: none !important;
    caret-color: transparent !important;
  }

  /* A text area's resize grip is the browser's drawing, and it changes from one Chromium to the next. */
  textarea {
    resize: none !important;
  }

  /* The frame of the screenshot: exactly the viewport, whatever scrolls under it. */
  .visual-regression-viewport {
    position: fixed;
    inset: 0;
    pointer-events: none;
  }

  /* What counts seconds: a call's clock, in its notice and in the list of calls, and the wait
     before Send or Call may be pressed again ("Try again in 45 s."). Hidden, not removed, so that
     the layout is the one a person sees; equal-width digits keep that layout the same whatever
     second it is. */
  [role='timer'],
  .attempt-text .note,
  form .note {
    visibility: hidden !important;
    font-variant-numeric: tabular-nums !important;
  }
`);

type Root = Document | ShadowRoot;

/** The document and every open shadow root in it, however deep. */
function roots(root: Root = document): Root[] {
  const found: Root[] = [root];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...roots(element.shadowRoot));
  }
  return found;
}

interface Updating {
  isUpdatePending: boolean;
  updateComplete: Promise<unknown>;
}

const updating = (element: Element): element is Element & Updating => 'updateComplete' in element && 'isUpdatePending' in element;

/** Until no Lit element has a render pending (the call clock asks for one each second). */
async function settled(): Promise<void> {
  for (;;) {
    const pending = roots()
      .flatMap((root) => [...root.querySelectorAll('*')])
      .filter(updating)
      .filter((element) => element.isUpdatePending);
    if (pending.length === 0) return;
    await Promise.all(pending.map((element) => element.updateComplete));
  }
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

interface StoryContext {
  story?: { parameters?: Record<string, unknown> };
}

afterEach(async (context: TestContext & StoryContext) => {
  const { task, story } = context;
  // A story that failed already says why; one that was skipped has nothing to show.
  if (task.result?.state !== 'pass' || story?.parameters?.['screenshot'] === false) return;
  const storyId = (task.meta as { storyId?: string }).storyId;
  if (!storyId) throw new Error(`${task.name}: no story id to name its screenshot after`);

  // The pointer rests off the page, as before the story: no hover state left by its last click.
  const { resetMousePosition } = commands as typeof commands & { resetMousePosition?: () => Promise<void> };
  await resetMousePosition?.();
  await document.fonts.ready;
  await settled();
  const styled = roots();
  for (const root of styled) root.adoptedStyleSheets = [...root.adoptedStyleSheets, STILL];
  // What a person sees: the viewport, with the top layer (a modal dialog, a popover) over it. A
  // screenshot of <html> would not do: the test runs in a frame, and what lies outside the
  // frame's viewport is not drawn.
  const frame = document.body.appendChild(document.createElement('div'));
  frame.className = 'visual-regression-viewport';
  try {
    // Two frames: the styles above and the last render are laid out and painted.
    await nextFrame();
    await nextFrame();
    const name = `${window.innerWidth}x${window.innerHeight}/${storyId}`;
    await context.expect(page.elementLocator(frame)).toMatchScreenshot(name);
  } finally {
    frame.remove();
    for (const root of styled) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== STILL);
  }
});
