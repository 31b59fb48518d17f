import { rmSync } from 'node:fs';
import { SCREENSHOT_DIFFS } from './visual-paths.js';

/** The diffs of an earlier run would read as this run's: each run starts without them. */
export default function setup(): void {
  rmSync(SCREENSHOT_DIFFS, { recursive: true, force: true });
}
