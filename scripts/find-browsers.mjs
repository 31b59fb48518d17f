// Finds the system browsers for the tests. Test tools cannot download their own browsers here, so
// we use Debian's: Chromium ($CHROME_PATH or /usr/bin/chromium) and Firefox ESR ($FIREFOX_PATH or
// /usr/bin/firefox-esr). Running as root on Debian, a missing one is installed with apt-get.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: { env: 'CHROME_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'], apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], apt: 'firefox-esr' },
};

function firstExisting({ env, paths }) {
  return [process.env[env], ...paths].find((path) => path && existsSync(path));
}

function find(name) {
  const browser = BROWSERS[name];
  const found = firstExisting(browser);
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`No ${name} found: installing the Debian "${browser.apt}" package (apt-get install ${browser.apt})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', browser.apt], { stdio: 'inherit', env });
    const installed = firstExisting(browser);
    if (installed) return installed;
  }
  console.error(
    `No ${name} found for the browser tests: install one (Debian: "sudo apt-get install ${browser.apt}") or set ${browser.env} to its executable.`,
  );
  process.exit(1);
}

export const findChromium = () => find('chromium');
export const findFirefox = () => find('firefox');

/** The flags Chromium needs as root in a container, without the network it would reach for. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
