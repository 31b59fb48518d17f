// The server imports the phone and SMS rules from the library's build (../dist), so that the client
// and the server refuse exactly the same numbers. Builds the library first when that build is missing
// or older than its sources: on a fresh clone, and after an edit to src/.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = join(root, 'dist', 'phone', 'load-rules.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

let builtAt = 0;
try {
  builtAt = statSync(built).mtimeMs;
} catch {
  // Not built yet.
}
if (builtAt < newestSource(join(root, 'src'))) {
  console.error('invite-server: building the library (npm run build at the root) for its phone rules…');
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
}
