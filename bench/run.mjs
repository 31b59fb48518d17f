// npm run bench: invite-elements against intl-tel-input (its widget with utils), side by side, in
// headless Chromium. Builds the pages (build.mjs), serves them on 127.0.0.1 (scripts/browser-kit,
// like the csp and host checks), loads a fresh page per scenario, library and CPU rate, alternates
// the two libraries sample by sample (scenarios.mjs) and prints one table (report.mjs).
// BENCHMARKS.md says what each figure means.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages, pageName } from './build.mjs';
import { countryList, keystrokes, open, openCloseHeap } from './scenarios.mjs';
import { noLongTask, row, summarise, table, withinFrame } from './report.mjs';
import { launchChromium, serve } from '../scripts/browser-kit/index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.cache', 'bench');
const LIBRARIES = ['ours', 'theirs'];
const NAMES = { ours: 'invite-elements', theirs: 'intl-tel-input' };
const RATES = [1, 4];
/** Samples kept per library and rate, after `warmup` discarded ones. */
const RUNS = [
  { id: 'openFresh', label: 'open, new element', scenario: open({ fresh: true }), samples: 20, warmup: 2 },
  { id: 'openAgain', label: 'open again', scenario: open({ fresh: false }), samples: 40, warmup: 2 },
  { id: 'keys', label: 'keystrokes', scenario: keystrokes, samples: 200, warmup: 0 },
  { id: 'list', label: 'country list', scenario: countryList, samples: 25, warmup: 2 },
];
const HEAP_CYCLES = 100;
/** `--only <id>[,<id>…]` (openFresh, openAgain, keys, list, heap): those scenarios only, for a quicker look. The full table needs them all. */
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1]?.split(',')) : undefined;
const wanted = (id) => only === undefined || only.has(id);
/**
 * `--same-dialog`: intl-tel-input's dialog pages show the dialog invite-elements shows (header, tabs,
 * name field, live regions; pages/theirs-same-dialog.js) instead of a bare phone field in a dialog, so
 * that the two sides differ only in the phone field and its country picker.
 */
const sameDialog = process.argv.includes('--same-dialog');

const started = Date.now();
const progress = (message) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

/** The commit the pages are built from (read-only; uncommitted edits in the worktree are built too). */
function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
const builtFrom = commit();
progress(`building the pages with esbuild from the worktree at ${builtFrom}`);
const { sizes, sprites } = await buildPages(outDir);
const server = await serve(outDir);
const browser = await launchChromium();
const errors = [];

/** A fresh context and page holding one library's bench page, ready, at the given CPU slowdown. */
async function openPage(library, kind, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${library}-${kind}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /dev mode/i.test(message.text())) errors.push(`${library}-${kind}: console: ${message.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  await page.goto(`${server.origin}/pages/${pageName(library, kind, sameDialog)}.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate(() => window.bench.ready());
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, cdp, close: () => context.close() };
}

/** One scenario at one rate: both pages open, samples taken alternately, first one then the other. */
async function compare({ label, scenario, samples, warmup }, rate) {
  progress(`${label}, CPU ${rate}x: ${warmup + samples} samples each, alternating`);
  const pages = {};
  try {
    const sessions = {};
    for (const library of LIBRARIES) {
      pages[library] = await openPage(library, scenario.kind, rate);
      sessions[library] = await scenario.start(pages[library].page);
    }
    const taken = { ours: [], theirs: [] };
    for (let i = 0; i < warmup + samples; i += 1) {
      if (i === warmup) for (const library of LIBRARIES) await pages[library].page.evaluate(() => window.bench.resetLongTasks());
      for (const library of i % 2 === 0 ? LIBRARIES : [...LIBRARIES].reverse()) {
        const sample = await sessions[library].next();
        if (i >= warmup) taken[library].push(sample);
      }
    }
    const results = {};
    for (const library of LIBRARIES) {
      const longTasks = await pages[library].page.evaluate(() => window.bench.longTaskReport());
      results[library] = { samples: taken[library], longTasks };
    }
    return results;
  } finally {
    for (const opened of Object.values(pages)) await opened.close();
  }
}

const results = {};
try {
  for (const run of RUNS.filter((run) => wanted(run.id))) {
    for (const rate of RATES) results[`${run.id}@${rate}`] = await compare(run, rate);
  }
  results.heap = {};
  for (const library of wanted('heap') ? LIBRARIES : []) {
    progress(`heap over ${HEAP_CYCLES} open/close cycles (twice), ${NAMES[library]}`);
    const opened = await openPage(library, 'dialog', 1);
    try {
      results.heap[library] = await openCloseHeap(opened.page, opened.cdp, HEAP_CYCLES);
    } finally {
      await opened.close();
    }
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

const values = (id, rate, library, field) => results[`${id}@${rate}`][library].samples.map((sample) => sample[field]);
const pair = (id, rate, field = 'ms') => LIBRARIES.map((library) => summarise(values(id, rate, library, field)));
const longTasks = (id, library) => {
  const { count, longest } = results[`${id}@4`][library].longTasks;
  return { p50: count, p95: longest };
};
const heap = results.heap;
const single = (pick) => LIBRARIES.map((library) => ({ p50: pick(heap[library]), p95: undefined }));
const options = (library) => results['list@1'][library].samples[0].options;

/** Each row with the scenario it reads: only those that ran are printed. */
const rows = [
  ['openFresh', () => row('1a open, new element (ms)', ...pair('openFresh', 1), { checks: [withinFrame] })],
  ['openFresh', () => row('1a open, new element (frames)', ...pair('openFresh', 1, 'frames'), { digits: 0 })],
  ['openAgain', () => row('1b open again (ms)', ...pair('openAgain', 1), { checks: [withinFrame] })],
  ['openAgain', () => row('1b open again (frames)', ...pair('openAgain', 1, 'frames'), { digits: 0 })],
  ['keys', () => row('2 keystroke to painted (ms)', ...pair('keys', 1), { checks: [withinFrame] })],
  ['list', () => row(`3 country list open, ${options('ours')} vs ${options('theirs')} countries (ms)`, ...pair('list', 1))],
  ['heap', () => row(`4 JS heap after ${HEAP_CYCLES} cycles (MB)`, ...single((h) => h.after.mb), { digits: 2 })],
  ['heap', () => row(`4 JS heap growth, ${HEAP_CYCLES} cycles (MB)`, ...single((h) => h.after.mb - h.before.mb), { digits: 2 })],
  ['heap', () => row(`4 JS heap growth, next ${HEAP_CYCLES} (MB)`, ...single((h) => h.again.mb - h.after.mb), { digits: 2 })],
];
for (const { id, label } of [
  { id: 'openFresh', label: '1a open, new element' },
  { id: 'openAgain', label: '1b open again' },
  { id: 'keys', label: '2 keystroke' },
  { id: 'list', label: '3 country list open' },
]) {
  rows.push([id, () => row(`5 @4x ${label} (ms)`, ...pair(id, 4))]);
  rows.push([id, () => row(`5 @4x ${label}: long tasks (n, longest ms)`, longTasks(id, 'ours'), longTasks(id, 'theirs'), { digits: 0, checks: [noLongTask] })]);
}

const median = (list) => summarise(list).p50;
const typed = (library) => results['keys@1'][library].samples.find((sample) => sample.typed).typed;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const mb = (value) => value.toFixed(2);
const heapLine = (library) => {
  const { before, after, again } = heap[library];
  return `${NAMES[library]} ${mb(before.mb)} -> ${mb(after.mb)} -> ${mb(again.mb)} MB, DOM nodes ${before.nodes} -> ${after.nodes} -> ${again.nodes}, listeners ${before.listeners} -> ${after.listeners} -> ${again.listeners}`;
};
const flagsServed = [...server.requests.served].filter((path) => /flags/.test(path));
const notes = [
  only && `only ${[...only].join(', ')}`,
  sameDialog && 'intl-tel-input in the same dialog as invite-elements (--same-dialog: pages/theirs-same-dialog.js)',
  `${new Date().toISOString()}, worktree at ${builtFrom}, Chromium ${browser.version()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`,
  `samples per library and rate: ${RUNS.map((run) => `${run.label} ${run.samples}${run.warmup ? ` (+${run.warmup} warm-up)` : ''}`).join(', ')}; ratio = ours / intl-tel-input; iti = intl-tel-input`,
  wanted('keys') &&
    `typed 6502530000: invite-elements shows "${typed('ours').value}" (valid: ${typed('ours').valid}), intl-tel-input "${typed('theirs').value}" (valid: ${typed('theirs').valid})`,
  wanted('keys') &&
    `keydown queueing (event timeStamp to the first listener), median at 1x: invite-elements ${median(values('keys', 1, 'ours', 'queued')).toFixed(2)} ms, intl-tel-input ${median(values('keys', 1, 'theirs', 'queued')).toFixed(2)} ms`,
  wanted('heap') && `heap before -> after ${HEAP_CYCLES} -> after ${2 * HEAP_CYCLES} cycles: ${heapLine('ours')}; ${heapLine('theirs')}`,
  `bundles (minified, with their static chunks): ${Object.entries(sizes).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`,
  `flag sprites: ${sprites.length ? `copied ${sprites.join(', ')} from src/assets` : 'NOT FOUND in src/assets (run npm install): our flags are blank'}; ` +
    `fetched by the pages: ${flagsServed.join(', ') || 'none'}` +
    (server.requests.missing.size ? `; not found: ${[...server.requests.missing].join(', ')}` : ''),
];

console.log(table(rows.filter(([id]) => wanted(id)).map(([, make]) => make())));
console.log('');
for (const note of notes.filter(Boolean)) console.log(`- ${note}`);
if (errors.length) {
  console.log('\nErrors in the pages (the figures above may not be valid):');
  for (const error of errors) console.log(`  ${error}`);
}
console.log(`\nTook ${((Date.now() - started) / 1000).toFixed(0)} s.`);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), results }));
process.exitCode = errors.length ? 1 : 0;
