import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** The committed reference screenshots: `<width>x<height>/<story id>.png`. */
export const SCREENSHOTS = path.join(dirname, '__screenshots__');

/** Where a screenshot that differs is written, with its diff: `<width>x<height>/<story id>-{actual,diff}.png`. */
export const SCREENSHOT_DIFFS = path.join(dirname, '..', '.cache', 'visual-diffs');
