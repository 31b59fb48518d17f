// Finds `redis-server` for the tests that run the server on Redis (server/test/redis.ts), the way
// find-browsers.mjs finds the browsers: $REDIS_SERVER_PATH, then PATH, then the Debian path. Where
// apt-get is, a missing one is installed on the spot (as root) from the Debian package
// `redis-server`, so `npm install && npm test` works on a fresh Debian machine.
// `node scripts/find-redis.mjs` finds (or installs) it and prints its path.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'redis-server';

/** `apt-get update` runs at most once per process, and only when the package lists need it. */
let listsUpdated = false;

function firstExisting() {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'redis-server'));
  return [process.env.REDIS_SERVER_PATH, ...onPath, '/usr/bin/redis-server'].find((path) => path && existsSync(path));
}

// The apt part is find-browsers.mjs's, copied rather than shared so that the browser finder stays as it is.
function aptGet(...args) {
  // The lock timeout waits for another apt run (an unattended upgrade, a parallel step) to finish.
  execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
    stdio: ['ignore', 2, 'inherit'], // apt's output on stderr: stdout is the tests' report
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
    aptGet('install', '-y', '--no-install-recommends', pkg);
  } catch (error) {
    // Lists that are there but stale name files the mirror no longer has: refresh them, once.
    if (listsUpdated) throw error;
    updateLists();
    aptGet('install', '-y', '--no-install-recommends', pkg);
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

/** The path of `redis-server`, installed first where it is missing and apt-get can; exits 1 otherwise. */
export function findRedisServer() {
  let path = firstExisting();
  if (!path && canInstall()) {
    // On stdout's sibling: the tests' own report stays on stdout.
    console.error(`No redis-server found: installing the Debian package "${PACKAGE}" with apt-get…`);
    try {
      install(PACKAGE);
    } catch (error) {
      console.error(`apt-get could not install ${PACKAGE}: ${error.message}`);
    }
    path = firstExisting();
  }
  if (!path) {
    console.error(
      `No redis-server found for the Redis tests: install it (Debian: "sudo apt-get install ${PACKAGE}") or set REDIS_SERVER_PATH to its executable.`,
    );
    process.exit(1);
  }
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(findRedisServer());
}
