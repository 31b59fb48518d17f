// npm run bench:profile -- <scenario> [--library ours|theirs] [--rate N] [--samples N] [--same-dialog] [--timeline]: where the
// main thread's time goes in one bench scenario (open-fresh, open-again, keys, list), from a
// Chromium trace of the same pages as `npm run bench`, built without minifying so that functions
// keep their names. Prints the main thread's self time by trace event (style, layout, paint,
// script, …) and the JS functions with the most self time, per sample. Only the measured part of
// each sample is traced; the closing and setting up between samples are not.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages, pageName } from './build.mjs';
import { clearField, ROUND } from './scenarios.mjs';
import { launchChromium, serve } from '../scripts/browser-kit/index.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const VALUED = ['--library', '--rate', '--samples'];
const scenario = args.find((arg, index) => !arg.startsWith('--') && !VALUED.includes(args[index - 1])) ?? 'open-again';
const library = option('library', 'ours');
const rate = Number(option('rate', 1));
const samples = Number(option('samples', scenario === 'keys' ? 60 : 20));
/** `--trace-only`: no JS sampling, whose overhead moves the timings (most at 4×). */
const jsProfile = !args.includes('--trace-only');
/** `--timeline`: the main thread's tasks in the first three samples, each with what took its time. */
const timeline = args.includes('--timeline');
const SCENARIOS = ['open-fresh', 'open-again', 'keys', 'list'];
if (!SCENARIOS.includes(scenario)) {
  console.error(`Unknown scenario ${scenario}: one of ${SCENARIOS.join(', ')}`);
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.cache', 'bench-profile');
await buildPages(outDir, { minify: false });
const server = await serve(outDir);
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const kind = scenario === 'list' ? 'picker' : 'dialog';
await page.goto(`${server.origin}/pages/${pageName(library, kind, args.includes('--same-dialog'))}.html`);
await page.waitForFunction(() => window.bench !== undefined);
await page.evaluate(() => window.bench.ready());
await cdp.send('Emulation.setCPUThrottlingRate', { rate });

const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const profiles = [];
/** Each sample's trace events: from, to (indices into `events`). */
const windows = [];

/** Traces `measure()` only: tracing and the JS profiler run from just before it to just after. */
async function traced(measure) {
  if (jsProfile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  }
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'].join(','),
    transferMode: 'ReportEvents',
  });
  if (jsProfile) await cdp.send('Profiler.start');
  const from = events.length;
  const result = await measure();
  if (jsProfile) profiles.push((await cdp.send('Profiler.stop')).profile);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  windows.push([from, events.length]);
  return result;
}

const measured = [];
// Two untimed openings first, as the bench does.
if (kind === 'dialog' && scenario !== 'keys') {
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate((fresh) => window.bench.open(fresh), scenario === 'open-fresh');
    await page.evaluate(() => window.bench.close());
  }
}
if (scenario === 'keys') await page.evaluate(() => window.bench.startTyping());
for (let i = 0; i < samples; i += 1) {
  if (scenario === 'open-fresh' || scenario === 'open-again') {
    if (scenario === 'open-fresh') await page.evaluate(() => window.bench.prepareFresh());
    measured.push(await traced(() => page.evaluate(() => window.bench.open(false))));
    await page.evaluate(() => window.bench.close());
  } else if (scenario === 'keys') {
    // Each round starts from an empty field, as in the bench (intl-tel-input's strict mode refuses a 16th digit).
    if (i > 0 && i % ROUND.length === 0) await clearField(page);
    await page.evaluate(() => window.bench.keys.arm(true));
    const key = ROUND[i % ROUND.length];
    measured.push(
      await traced(async () => {
        await page.keyboard.press(key);
        return page.evaluate(() => window.bench.keys.next());
      }),
    );
  } else {
    await page.evaluate(() => window.bench.clicks.arm(true));
    const { x, y } = await page.evaluate(() => window.bench.listTarget());
    measured.push(
      await traced(async () => {
        await page.mouse.click(x, y);
        return page.evaluate(() => window.bench.clicks.next());
      }),
    );
    await page.evaluate(() => window.bench.clicks.arm(false));
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.bench.listClosed());
  }
}
await browser.close();
await server.close();

// The renderer's main thread: the one that ran the page's script.
const threadOf = (event) => `${event.pid}:${event.tid}`;
const names = new Map(events.filter((event) => event.name === 'thread_name').map((event) => [threadOf(event), event.args.name]));
const main = [...names].filter(([, name]) => name === 'CrRendererMain').map(([thread]) => thread);
const complete = events
  .filter((event) => main.includes(threadOf(event)) && event.ph === 'X' && typeof event.dur === 'number')
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);

/** Self time by event name: each event's duration less that of the events nested in it. */
const self = new Map();
const stack = [];
for (const event of complete) {
  while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
  const parent = stack.at(-1);
  if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur);
  self.set(event.name, (self.get(event.name) ?? 0) + event.dur);
  stack.push(event);
}
const perSample = (micros) => (micros / 1000 / samples).toFixed(2);
const ms = measured.map((sample) => sample.ms).sort((a, b) => a - b);
console.log(`${library} ${scenario} at ${rate}x CPU: ${samples} samples, measured p50 ${ms[Math.floor(samples / 2)].toFixed(1)} ms`);
console.log('\nMain thread, self time per sample (ms), by trace event:');
for (const [name, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
  if (micros / 1000 / samples >= 0.05) console.log(`  ${perSample(micros).padStart(7)}  ${name}`);
}

/** Tasks over 50 ms (the browser's long tasks), each with the events that took most of it. */
const tasks = complete.filter((event) => event.name === 'RunTask' && !complete.some((outer) => outer !== event && outer.name === 'RunTask' && outer.ts <= event.ts && outer.ts + outer.dur >= event.ts + event.dur));
const long = tasks.filter((task) => task.dur > 50_000);
console.log(`\nTasks over 50 ms: ${long.length} (${(long.length / samples).toFixed(1)} per sample)`);
for (const task of long.slice(0, 6)) {
  const inside = new Map();
  for (const event of complete) {
    if (event === task || event.ts < task.ts || event.ts + event.dur > task.ts + task.dur || event.name === 'RunTask') continue;
    inside.set(event.name, Math.max(inside.get(event.name) ?? 0, 0) + event.dur);
  }
  const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, micros]) => `${name} ${(micros / 1000).toFixed(1)}`);
  console.log(`  ${(task.dur / 1000).toFixed(1)} ms: ${top.join(', ')} (totals, nested events counted in each)`);
}
const styles = complete.filter((event) => event.name === 'UpdateLayoutTree');
const layouts = complete.filter((event) => event.name === 'Layout');
const elements = styles.reduce((sum, event) => sum + (event.args?.elementCount ?? 0), 0);
// Boxes a layout had to lay out again (the trace's dirty objects): those under the changed one, up to a box laid out alone.
const laidOut = layouts.reduce((sum, event) => sum + (event.args?.beginData?.dirtyObjects ?? 0), 0);
console.log(
  `\nPer sample: ${(styles.length / samples).toFixed(1)} style recalculations (${(elements / samples).toFixed(0)} elements styled), ${(layouts.length / samples).toFixed(1)} layouts (${(laidOut / samples).toFixed(0)} boxes laid out)`,
);

/** JS self time by function, from the sampling profiles. */
const byFunction = new Map();
for (const profile of profiles) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = nodes.get(profile.samples[i]);
    const frame = node.callFrame;
    if (['(idle)', '(program)', '(garbage collector)'].includes(frame.functionName) && frame.url === '') {
      byFunction.set(frame.functionName, (byFunction.get(frame.functionName) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
      continue;
    }
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
}
/** JS total time by function (itself and what it called), each sample counted once per function. */
const total = new Map();
for (const profile of profiles) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  for (let i = 0; i < profile.samples.length; i += 1) {
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parents.get(id)) {
      const frame = nodes.get(id).callFrame;
      if (frame.functionName === '(root)' || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
      const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
      if (seen.has(where)) continue;
      seen.add(where);
      total.set(where, (total.get(where) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    }
  }
}

console.log('\nJS, self time per sample (ms), by function (sampled every 0.1 ms):');
for (const [where, micros] of [...byFunction].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`  ${perSample(micros).padStart(7)}  ${where}`);
}
console.log('\nJS, total time per sample (ms), by function, with what it called:');
for (const [where, micros] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`  ${perSample(micros).padStart(7)}  ${where}`);
}

if (timeline) {
  // Milliseconds from the sample's first input event (or its first task), then each task's length
  // and the events in it that took 0.15 ms or more.
  const SHOWN = ['EventDispatch', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];
  for (const [index, [from, to]] of windows.slice(0, 3).entries()) {
    const ofSample = new Set(events.slice(from, to));
    const inSample = complete.filter((event) => ofSample.has(event));
    const topLevel = tasks.filter((task) => ofSample.has(task));
    const start = (inSample.find((event) => event.name === 'EventDispatch') ?? topLevel[0])?.ts ?? 0;
    console.log(`\nSample ${index + 1} (${measured[index].ms.toFixed(1)} ms): ms from its input, task length, what took its time`);
    for (const task of topLevel.filter((event) => event.dur >= 150)) {
      const inside = inSample.filter((event) => SHOWN.includes(event.name) && event.dur >= 150 && event.ts >= task.ts && event.ts + event.dur <= task.ts + task.dur);
      const parts = inside.map((event) => `${event.name}${event.args?.data?.type ? ` (${event.args.data.type})` : ''} ${(event.dur / 1000).toFixed(2)}`);
      console.log(`  ${((task.ts - start) / 1000).toFixed(1).padStart(6)}  ${(task.dur / 1000).toFixed(2).padStart(5)}  ${parts.join(', ')}`);
    }
  }
}
