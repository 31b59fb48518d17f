// The one way every browser step finds its browser: the csp and host checks, the Storybook and
// web-test-runner configs (at config load), the bench and the screenshots. Test tools cannot
// download their own browsers here, so we use Debian's: Chromium ($CHROME_PATH or /usr/bin/chromium)
// and Firefox ESR ($FIREFOX_PATH or /usr/bin/firefox-esr). Where apt-get is, a missing one is
// installed on the spot (as root) and its path returned, so `npm install && npm test` works on a
// fresh Debian machine. `node scripts/find-browsers.mjs` finds (or installs) both and prints their paths.
//
// FIND_BROWSERS_ROOT=<dir> looks for the system paths under <dir> instead of `/`: with a stand-in
// apt-get on PATH, that is how scripts/find-browsers.test.mjs sees a machine without browsers.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BROWSERS = {
  chromium: { env: 'CHROME_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'], apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], apt: 'firefox-esr' },
};

/** `apt-get update` runs at most once per process, and only when the package lists need it. */
let listsUpdated = false;

function firstExisting({ env, paths }) {
  const root = process.env.FIND_BROWSERS_ROOT ?? '/';
  return [process.env[env], ...paths.map((path) => join(root, path))].find((path) => path && existsSync(path));
}

function aptGet(...args) {
  // The lock timeout waits for another apt run (an unattended upgrade, a parallel step) to finish.
  execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
    // Its output on stderr: stdout is the report of whatever step runs the tests.
    stdio: ['ignore', 2, 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function updateLists() {
  if (listsUpdated) return;
  listsUpdated = true;
  aptGet('update');
}

/** Whether apt already knows the package: a fresh image ships without package lists. */
function known(pkg) {
  try {
    execFileSync('apt-cache', ['show', '--no-all-versions', pkg], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function install(pkg) {
  if (!known(pkg)) updateLists();
  try {
    aptGet('install', '-y', pkg);
  } catch (error) {
    // Lists that are there but stale name files the mirror no longer has: refresh them, once.
    if (listsUpdated) throw error;
    updateLists();
    aptGet('install', '-y', pkg);
  }
}

/** apt-get is there to try; it says so itself when it needs root. */
function canInstall() {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of a program the tests need (`name`; `$env`, then `paths`), installed first from the
 * Debian package `apt` where it is missing and apt-get can; exits 1, saying how to get it, otherwise.
 * `purpose` ends the sentence "No <name> found for …". Also the way scripts/find-redis.mjs finds
 * redis-server.
 */
export function findProgram({ name, env, paths, apt, purpose }) {
  const program = { env, paths };
  let path = firstExisting(program);
  if (!path && canInstall()) {
    console.error(`No ${name} found: installing the Debian package "${apt}" with apt-get…`);
    try {
      install(apt);
    } catch (error) {
      console.error(`apt-get could not install ${apt}: ${error.message}`);
    }
    path = firstExisting(program);
  }
  if (!path) {
    console.error(`No ${name} found for ${purpose}: install one (Debian: "sudo apt-get install ${apt}") or set ${env} to its executable.`);
    process.exit(1);
  }
  return path;
}

const find = (name) => findProgram({ name, ...BROWSERS[name], purpose: 'the browser tests' });

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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`chromium: ${findChromium()}`);
  console.log(`firefox: ${findFirefox()}`);
}
