// Proves a host can embed the package as published: packs it, installs the tarball into a
// throwaway app outside the repository, type-checks a TypeScript consumer against the shipped
// .d.ts, bundles the app with Vite, and places a call on the simulated transport in Chromium.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { createChecks, launchChromium, serve, until } from './browser-kit/index.mjs';

const repo = resolve('.');
const app = mkdtempSync(join(tmpdir(), 'invite-host-'));
const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const { check, finish } = createChecks('host-integration');

let server;
let browser;
try {
  run('npm', ['run', '-s', 'build'], repo);
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', app], repo).trim().split('\n').at(-1);
  check('npm pack', tarball.endsWith('.tgz'), tarball);

  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }, null, 2));
  cpSync(join(repo, 'test/host'), app, { recursive: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(app, tarball)], app);
  check('installed from the tarball', true);

  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], skipLibCheck: false, types: [] },
      files: ['consumer.ts'],
    }),
  );
  let typeErrors = '';
  try {
    run(join(repo, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], app);
  } catch (error) {
    typeErrors = String(error.stdout ?? error);
  }
  check('a TypeScript consumer type-checks against the shipped .d.ts', typeErrors === '', typeErrors.trim());

  await build({ root: app, logLevel: 'error', build: { outDir: join(app, 'dist') } });
  check('Vite bundles the app', true);
  server = await serve(join(app, 'dist'));

  browser = await launchChromium();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
  await page.goto(`${server.origin}/`);
  const input = page.locator('invite-dialog').locator('#call-number');
  await input.waitFor({ timeout: 15000 });
  check('the dialog opens', true);
  await input.pressSequentially('2015550100');
  await input.press('Enter');
  const result = await until(page, () => window.hostResult, undefined, 'the call to join', 15000);
  check('a call placed on the simulated transport joins', result.joined === '+12015550100' && result.defined, JSON.stringify(result));
  check('no console or page errors', errors.length === 0, errors.join(' | '));
} catch (error) {
  check('host integration ran to the end', false, error.message.split('\n')[0]);
} finally {
  await browser?.close();
  await server?.close();
  rmSync(app, { recursive: true, force: true });
}
finish();
