// Finds a Chromium for the browser tests. Browsers cannot be downloaded by the test tools
// here, so we use the system one: $CHROME_PATH, else Debian's package.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function firstExisting() {
  return [process.env.CHROME_PATH, ...CANDIDATES].find((path) => path && existsSync(path));
}

function canInstallWithApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function findChromium() {
  const found = firstExisting();
  if (found) return found;
  if (canInstallWithApt()) {
    console.log('No Chromium found: installing the Debian "chromium" package (apt-get install chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
    const installed = firstExisting();
    if (installed) return installed;
  }
  console.error(
    'No Chromium found for the browser tests: install one (Debian: "sudo apt-get install chromium") or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}
