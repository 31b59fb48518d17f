// Empties a build folder, so that a renamed or deleted source leaves no stale output behind.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

for (const folder of process.argv.slice(2)) {
  if (!/^dist(-test)?$/.test(folder)) throw new Error(`clean.mjs only empties dist and dist-test, not ${folder}`);
  rmSync(fileURLToPath(new URL(`../${folder}`, import.meta.url)), { recursive: true, force: true });
}
