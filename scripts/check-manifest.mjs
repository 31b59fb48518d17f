// Fails when the committed custom-elements.json no longer matches what the analyzer
// writes from the JSDoc in src/components.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer takes --outdir relative to the working directory.
const outdir = '.cache/manifest-check';
try {
  execFileSync('npm', ['run', '-s', 'analyze', '--', '--outdir', outdir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  let committed = '';
  try {
    committed = readFileSync('custom-elements.json', 'utf8');
  } catch {
    // Missing counts as stale.
  }
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run "npm run analyze" and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
