// Runs the compiled tests with node:test: the spec report on stdout, then a check that the tests
// received every response openapi.yaml lists, then one plain line, "invite-server: N passed,
// N failed", so that the root `npm test` still ends with such a line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const dir = fileURLToPath(new URL('../dist-test/', import.meta.url));
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.test.js'))
  .map((name) => join(dir, name));
const scratch = mkdtempSync(join(tmpdir(), 'invite-server-tests-'));
const tap = join(scratch, 'report.tap');
const run = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
  { stdio: 'inherit', env: { ...process.env, INVITE_CONTRACT_SEEN: scratch } },
);
let report = '';
try {
  report = readFileSync(tap, 'utf8');
} catch {
  // The run died before reporting: the exit status says so.
}
const seen = new Set(
  readdirSync(scratch)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => JSON.parse(readFileSync(join(scratch, name), 'utf8'))),
);
rmSync(scratch, { recursive: true, force: true });

const document = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'));
const missing = [];
for (const [path, item] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    for (const status of Object.keys(operation.responses ?? {})) {
      const id = `${method} ${path} ${status}`;
      if (!seen.has(id)) missing.push(id);
    }
  }
}
if (missing.length > 0) console.log(`\nResponses in openapi.yaml that no test received:\n  ${missing.join('\n  ')}`);

const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
const failed = count('fail') + count('cancelled') + (missing.length > 0 ? 1 : 0);
console.log(`\ninvite-server: ${count('pass')} passed, ${failed} failed`);
process.exit(run.status === 0 && missing.length > 0 ? 1 : (run.status ?? 1));
