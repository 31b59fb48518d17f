// find-browsers.mjs on a machine without browsers, without touching this machine's: the system
// paths are looked for under a scratch directory (FIND_BROWSERS_ROOT) and apt-get and apt-cache
// are stand-ins on PATH that record what they were asked and "install" a stub executable.
// `node --test scripts/find-browsers.test.mjs` (part of `npm test` as test:scripts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, beforeEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'find-browsers-'));
const bin = join(scratch, 'bin');
const root = join(scratch, 'root');
const state = join(scratch, 'state');
const CHROMIUM = join(root, 'usr/bin/chromium');
const FIREFOX = join(root, 'usr/bin/firefox-esr');

// apt-cache knows a package once the lists are there (after `update`, or from the start when
// stale), and never when blind; apt-get installs only after an update.
const APT_CACHE = `#!/bin/sh
[ -z "$FAKE_APT_BLIND" ] && { [ -e "${state}/updated" ] || [ -n "$FAKE_APT_STALE" ]; }
`;
const APT_GET = `#!/bin/sh
echo "$*" >> "${state}/log"
while [ "$1" = "-o" ]; do shift 2; done
case "$1" in
  --version) exit 0 ;;
  update) touch "${state}/updated" ;;
  install)
    [ -e "${state}/updated" ] || exit 100
    mkdir -p "${root}/usr/bin"
    printf '#!/bin/sh\\n' > "${root}/usr/bin/$3" && chmod +x "${root}/usr/bin/$3" ;;
esac
`;

function tool(name, text) {
  writeFileSync(join(bin, name), text);
  chmodSync(join(bin, name), 0o755);
}

beforeEach(() => {
  for (const dir of [bin, root, state]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  tool('apt-cache', APT_CACHE);
  tool('apt-get', APT_GET);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `code` (an ES module) in a fresh node with the stand-ins; returns its output and exit code. */
function run(code, { env = {}, path = `${bin}${delimiter}${process.env.PATH}` } = {}) {
  // This machine's own CHROME_PATH and FIREFOX_PATH would find its browsers.
  const inherited = { ...process.env, CHROME_PATH: '', FIREFOX_PATH: '' };
  try {
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: repo,
      env: { ...inherited, PATH: path, FIND_BROWSERS_ROOT: root, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, stdout };
  } catch (error) {
    return { status: error.status, stdout: error.stdout, stderr: error.stderr };
  }
}

/** What apt-get was asked, without the options before the command. */
const aptCalls = () =>
  existsSync(join(state, 'log'))
    ? readFileSync(join(state, 'log'), 'utf8').trim().split('\n').map((line) => line.replace(/^(-o \S+ )+/, '')).filter((line) => line !== '--version')
    : [];

const FIND_BOTH = `
  import { findChromium, findFirefox } from './scripts/find-browsers.mjs';
  console.log(JSON.stringify([findChromium(), findFirefox(), findChromium()]));
`;

test('without package lists, updates them once, installs both browsers and returns their paths', () => {
  const { status, stdout, stderr } = run(FIND_BOTH);
  assert.equal(status, 0, stderr);
  assert.deepEqual(JSON.parse(stdout.trim().split('\n').at(-1)), [CHROMIUM, FIREFOX, CHROMIUM]);
  assert.deepEqual(aptCalls(), ['update', 'install -y chromium', 'install -y firefox-esr']);
});

test('with stale package lists, a failed install refreshes them and tries once more', () => {
  const { status, stderr } = run(FIND_BOTH, { env: { FAKE_APT_STALE: '1' } });
  assert.equal(status, 0, stderr);
  assert.deepEqual(aptCalls(), ['install -y chromium', 'update', 'install -y chromium', 'install -y firefox-esr']);
});

test('an apt-cache that knows neither package still gets one update, not two', () => {
  const { status, stderr } = run(FIND_BOTH, { env: { FAKE_APT_BLIND: '1' } });
  assert.equal(status, 0, stderr);
  assert.deepEqual(aptCalls(), ['update', 'install -y chromium', 'install -y firefox-esr']);
});

test('a browser that is there is used as it is: no apt-get', () => {
  mkdirSync(join(root, 'usr/bin'), { recursive: true });
  writeFileSync(CHROMIUM, '');
  writeFileSync(join(scratch, 'firefox'), '');
  const { status, stdout, stderr } = run(FIND_BOTH, { env: { FIREFOX_PATH: join(scratch, 'firefox') } });
  assert.equal(status, 0, stderr);
  assert.deepEqual(JSON.parse(stdout.trim().split('\n').at(-1)), [CHROMIUM, join(scratch, 'firefox'), CHROMIUM]);
  assert.deepEqual(aptCalls(), []);
});

test('without apt-get, says how to install one and exits 1', () => {
  const { status, stderr } = run(FIND_BOTH, { path: join(scratch, 'state') });
  assert.equal(status, 1);
  assert.match(stderr, /No chromium found for the browser tests: install one \(Debian: "sudo apt-get install chromium"\) or set CHROME_PATH/);
});

test('loading the web-test-runner config installs both and hands their paths to the launchers', () => {
  const { status, stdout, stderr } = run(`
    const { default: config } = await import('./web-test-runner.config.mjs');
    console.log(JSON.stringify(config.browsers.map((browser) => browser.launchOptions.executablePath)));
  `);
  assert.equal(status, 0, stderr);
  assert.deepEqual(JSON.parse(stdout.trim().split('\n').at(-1)), [CHROMIUM, FIREFOX]);
  assert.deepEqual(aptCalls(), ['update', 'install -y chromium', 'install -y firefox-esr']);
});

test('loading the Storybook vitest config installs Chromium and hands its path to Playwright', () => {
  const { status, stdout, stderr } = run(`
    const { loadConfigFromFile } = await import('vite');
    const { config } = await loadConfigFromFile({ command: 'serve', mode: 'test' }, '.storybook/vitest.config.ts', undefined, 'silent');
    console.log(JSON.stringify(config.test.projects[0].test.browser.provider.options.launchOptions.executablePath));
  `);
  assert.equal(status, 0, stderr);
  assert.equal(JSON.parse(stdout.trim().split('\n').at(-1)), CHROMIUM);
  assert.deepEqual(aptCalls(), ['update', 'install -y chromium']);
});
