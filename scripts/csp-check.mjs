// Proves that the elements run under a strict page policy: bundles test/csp/page.ts as a host
// would ship it, serves it with a Content-Security-Policy that allows no inline script or style,
// no eval and only the `lit-html` Trusted Types policy, then drives both invite flows and an XSS
// corpus in headless Chromium. Any violation, console error or page error fails the run.
// `node scripts/csp-check.mjs` (or `npm run test:csp`); exits non-zero on any failure.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const POLICY = "default-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src') + sep;
const PAGE_DIR = join(ROOT, 'test', 'csp');
/** Every wait polls up to this long: generous, for a busy shared machine. */
const WAIT_MS = 20_000;
/** The whole run is abandoned after this, so that a hang fails instead of blocking the test command. */
const WATCHDOG_MS = 150_000;
/** Short but non-zero steps, so every state of the simulated call is rendered. */
const DELAYS = { dialing: 40, ringing: 80, answered: 40, sms: 60, policy: 20 };
const ROOM_LINK = 'https://meet.example.com/weekly-sync';

/** Each payload sets `window.__xss` if anything ever runs it. */
const RUN = 'window.__xss=true';
const PAYLOADS = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `"><svg onload="${RUN}">`,
  `'><svg/onload=${RUN}>`,
  `javascript:${RUN}`,
  `<a href="javascript:${RUN}">join</a>`,
  `<iframe srcdoc="<script>${RUN}</script>"></iframe>`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `&lt;img src=x onerror=${RUN}&gt; &#60;script&#62;${RUN}&#60;/script&#62;`,
  `</textarea><img src=x onerror="${RUN}">`,
  `</p></dialog><details open ontoggle="${RUN}">`,
  `<!--<img src=x onerror=${RUN}>-->`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
  `<style>*{background:url(/x)}</style><link rel=stylesheet href=/x.css>`,
];

// ---------------------------------------------------------------------------------------------
// Bookkeeping

const started = performance.now();
const results = [];

function check(name, ok, detail = '') {
  results.push({ name, ok: Boolean(ok) });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  return Boolean(ok);
}

function summary() {
  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  console.log(`\ncsp-check ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`csp-check: ${passed} checks passed, ${failed} failed`);
  return failed;
}

const watchdog = setTimeout(() => {
  check(`finished within ${WATCHDOG_MS / 1000} s`, false, 'abandoned');
  summary();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Polls `fn` in the page until it returns something truthy. Plain evaluate calls: no page-side eval. */
async function until(page, fn, arg, what, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg);
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// Build: the page as a host would ship it

/**
 * package.json's `sideEffects` names only `dist/` files, so a bundler would drop every module of
 * src/ that is imported for its side effect, `customElements.define` included. Here src/ stands in
 * for dist/: its modules are kept as written.
 */
const keepSrcSideEffects = {
  name: 'keep-src-side-effects',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(SRC)) return undefined;
      return { path: resolved.path, sideEffects: true };
    });
  },
};

async function buildSite(dir) {
  const result = await build({
    entryPoints: { page: join(PAGE_DIR, 'page.ts') },
    outdir: join(dir, 'app'),
    bundle: true,
    format: 'esm',
    minify: true,
    conditions: ['production'],
    target: 'es2022',
    tsconfig: join(ROOT, 'tsconfig.json'),
    // External and unreferenced: the shipped file is unchanged, violations can still be traced to src/.
    sourcemap: 'external',
    plugins: [keepSrcSideEffects],
    logLevel: 'silent',
  });
  for (const warning of result.warnings) console.log(`  note: esbuild: ${warning.text}`);
  for (const file of ['index.html', 'page.css', 'canary.html']) copyFileSync(join(PAGE_DIR, file), join(dir, file));

  // The elements find the flag sprite with `new URL('…', import.meta.url)`: see where that points
  // from the bundle, and put the files there.
  const bundlePath = '/app/page.js';
  const bundle = readFileSync(join(dir, 'app', 'page.js'), 'utf8');
  const references = [...bundle.matchAll(/new URL\(\s*(["'`])([^"'`]+\.webp)\1\s*,\s*import\.meta\.url\s*\)/g)].map((match) => match[2]);
  const placed = [];
  for (const reference of new Set(references)) {
    const urlPath = new URL(reference, `http://host${bundlePath}`).pathname;
    const source = join(SRC, 'assets', urlPath.split('/').pop());
    if (!existsSync(source)) throw new Error(`${source} is missing: run npm install (scripts/copy-assets.mjs)`);
    const target = join(dir, ...urlPath.split('/').filter(Boolean));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
    placed.push(urlPath);
  }
  return { bundle, placed, map: JSON.parse(readFileSync(join(dir, 'app', 'page.js.map'), 'utf8')) };
}

// ---------------------------------------------------------------------------------------------
// Serve: every response carries the policy

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.webp': 'image/webp',
  '.map': 'application/json',
};

function serve(dir) {
  const server = createServer((request, response) => {
    response.setHeader('Content-Security-Policy', POLICY);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const path = decodeURIComponent(new URL(request.url, 'http://host').pathname);
    const file = resolve(dir, `.${path === '/' ? '/index.html' : path}`);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
    } else if (!file.startsWith(dir + sep) || !existsSync(file) || !TYPES[extname(file)]) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    } else {
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] }).end(readFileSync(file));
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

// ---------------------------------------------------------------------------------------------
// Browser: what each page reports

/** Runs before any page script, through DevTools, so the page's own policy does not apply to it. */
function listenForViolations() {
  Object.defineProperty(window, '__cspListener', { value: true });
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      window.__reportViolation({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
        sample: event.sample,
        disposition: event.disposition,
      }),
    true,
  );
}

async function openPage(context, path, log) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
    else if (message.type() === 'warning') console.log(`  note: console warning: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.stack || error.message));
  page.on('requestfailed', (request) => log.badResponses.push(`${request.url()} failed: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    log.responses.push(response);
    if (response.status() >= 400) log.badResponses.push(`${response.url()} → ${response.status()}`);
  });
  log.pageLogs.set(page, log);
  await page.goto(`${log.origin}${path}`);
  return page;
}

const dialogSelector = 'invite-dialog';
const shadow = (selector) => `${dialogSelector} ${selector}`;

/** Finds, in every shadow root and the document, anything a payload could have turned into markup. */
function scanForInjectedMarkup() {
  const found = [];
  const roots = [document];
  for (let index = 0; index < roots.length; index += 1) {
    for (const element of roots[index].querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  const own = 'script[src="/app/page.js"], link[rel=stylesheet][href="/page.css"], meta[charset], title';
  const dangerous = 'img, svg, math, script, iframe, frame, object, embed, details, style, link, base, meta, title, a[href], [srcdoc]';
  for (const root of roots) {
    const where = root === document ? 'document' : `<${root.host.localName}> shadow root`;
    for (const element of root.querySelectorAll(dangerous)) {
      if (root === document && element.matches(own)) continue;
      found.push(`${where}: <${element.localName}>`);
    }
    for (const element of root.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) {
        const value = element.getAttribute(name) ?? '';
        if (name.startsWith('on')) found.push(`${where}: <${element.localName} ${name}>`);
        if (/^(href|src|action|formaction|data|poster|xlink:href)$/.test(name) && /^\s*javascript:/i.test(value)) {
          found.push(`${where}: <${element.localName} ${name}="${value}">`);
        }
      }
    }
    for (const textarea of root.querySelectorAll('textarea')) {
      if (textarea.childElementCount > 0) found.push(`${where}: elements inside <textarea>`);
    }
  }
  return { found, shadowRoots: roots.length - 1, xss: '__xss' in window, scripts: document.scripts.length };
}

/** Text a notice region shows, without the bidi isolates around numbers, once it says `expected`. */
function regionSays([role, expected]) {
  const root = document.querySelector('invite-dialog')?.shadowRoot;
  const paragraphs = root ? [...root.querySelectorAll(`[part="notices"] [role="${role}"] p`)] : [];
  const text = paragraphs.map((paragraph) => paragraph.textContent.replace(/[\u2066-\u2069]/g, '')).join(' | ');
  return text.includes(expected) ? text : '';
}

/** Waits until a notice region says `expected`; resolves with what it says, or with why it never did. */
async function noticeSays(page, role, expected) {
  try {
    return { ok: true, text: await until(page, regionSays, [role, expected], `"${expected}"`) };
  } catch (error) {
    return { ok: false, text: `${error.message}; it says ${JSON.stringify(await page.evaluate(regionSays, [role, '']))}` };
  }
}

function fillTemplate(template, values) {
  return template.replace(/\{(link|room|inviter)\}/g, (_match, name) => values[name]);
}

async function mount(page, options) {
  await until(page, () => document.documentElement.dataset.harness === 'ready', undefined, 'the page harness');
  await page.evaluate((mountOptions) => window.cspHarness.mount(mountOptions), options);
  await page.locator(shadow('dialog[part="dialog"]')).waitFor({ state: 'visible', timeout: WAIT_MS });
}

const OWNER = { 'user-role': 'owner', 'default-country': 'US', 'room-name': 'Weekly sync', 'room-link': ROOM_LINK };

// ---------------------------------------------------------------------------------------------
// The flows

async function callFlow(context, log) {
  const page = await openPage(context, '/', log);
  check('Playwright init script runs under the policy (violation listener installed)', await page.evaluate(() => window.__cspListener === true));
  const registered = await page.evaluate(() => ['invite-dialog', 'country-picker', 'sms-composer'].filter((tag) => customElements.get(tag)));
  check('the bundle registers <invite-dialog>, <country-picker>, <sms-composer>', registered.length === 3, registered.join(', '));
  await mount(page, { attributes: OWNER, transport: { delays: DELAYS } });

  await page.locator(shadow('#call-number')).pressSequentially('2015550100', { timeout: WAIT_MS });
  await page.locator(shadow('[part="call-button"]')).click({ timeout: WAIT_MS });
  const joined = await noticeSays(page, 'status', 'joined the call');
  check('call flow: +1 201 555 0100 dialled out and joined', joined.ok, joined.text);
  const events = await page.evaluate(() => window.cspHarness.events().map((event) => event.type));
  check('call flow: invite-participant-joined dispatched', events.includes('invite-participant-joined'), events.join(' → '));

  const combobox = page.locator(shadow('#panel-call country-picker [part="combobox"]'));
  await combobox.click({ timeout: WAIT_MS });
  const options = page.locator(shadow('#panel-call country-picker [role="option"]'));
  await options.first().waitFor({ state: 'visible', timeout: WAIT_MS });
  const flags = await options.evaluateAll((elements) =>
    elements.map((option) => getComputedStyle(option.querySelector('.flag')).backgroundImage),
  );
  check(
    'country list opened, its flags drawn from the served sprite',
    flags.length >= 2 && flags.every((image) => /\/assets\/flags(@2x)?\.webp/.test(image)),
    `${flags.length} options`,
  );
  const sprite = await until(
    page,
    () => performance.getEntriesByType('resource').some((entry) => /\/assets\/flags(@2x)?\.webp$/.test(entry.name)),
    undefined,
    'the flag sprite to load',
  ).then(
    () => log.responses.find((response) => /\/assets\/flags(@2x)?\.webp$/.test(response.url())),
    () => undefined,
  );
  check(
    'flag sprite loaded (200 image/webp)',
    sprite && sprite.status() === 200 && sprite.headers()['content-type'] === 'image/webp',
    sprite ? `${new URL(sprite.url()).pathname} → ${sprite.status()}` : 'never requested',
  );
  await page.keyboard.press('Escape');
  await options.first().waitFor({ state: 'hidden', timeout: WAIT_MS });
  check('Escape closed the list and left the dialog open', await page.locator(shadow('dialog[part="dialog"]')).isVisible());
  return joined.ok;
}

async function smsFlow(context, log) {
  const page = await openPage(context, '/', log);
  await mount(page, { attributes: OWNER, transport: { delays: DELAYS } });
  await page.locator(shadow('[role="tab"]#tab-sms')).click({ timeout: WAIT_MS });
  await page.locator(shadow('#sms-number')).pressSequentially('2015550142', { timeout: WAIT_MS });
  const textarea = page.locator(shadow('sms-composer textarea'));
  const template = await textarea.inputValue();
  await textarea.click();
  await textarea.press('Control+End');
  await textarea.pressSequentially(' See you soon.');
  const edited = await textarea.inputValue();
  check('sms flow: message edited', edited === `${template} See you soon.` && template.includes(ROOM_LINK), JSON.stringify(edited));
  await page.locator(shadow('[part="send-button"]')).click({ timeout: WAIT_MS });
  const sent = await noticeSays(page, 'status', 'SMS sent');
  check('sms flow: "SMS sent" shown', sent.ok, sent.text);
  const records = await page.evaluate(() => window.cspHarness.records());
  check(
    'sms flow: the backend got the edited message',
    records.messages.length === 1 && records.messages[0].message === edited && records.messages[0].phoneNumber === '+12015550142',
  );
  return sent.ok;
}

// ---------------------------------------------------------------------------------------------
// The XSS corpus

/** One check per payload and place: shown literally, nothing injected, nothing ran. */
async function inert(page, place, payload, shown) {
  const scan = await page.evaluate(scanForInjectedMarkup);
  const problems = [...scan.found];
  if (scan.xss) problems.push('window.__xss was set');
  if (scan.scripts !== 1) problems.push(`${scan.scripts} scripts in the document`);
  if (!shown.ok) problems.push(`not shown literally: ${JSON.stringify(shown.text)}`);
  return check(`xss ${place}: ${JSON.stringify(payload)}`, problems.length === 0, problems.join('; '));
}

async function xssCorpus(context, log) {
  const page = await openPage(context, '/', log);
  await mount(page, {
    attributes: { ...OWNER, 'room-link': `javascript:${RUN}`, 'inviter-name': PAYLOADS[0] },
    transport: { delays: DELAYS },
    failureReasons: PAYLOADS,
  });

  for (const payload of PAYLOADS) {
    await page.evaluate((value) => window.cspHarness.setAttribute('room-name', value), payload);
    const text = await page.locator(shadow('header .room')).textContent({ timeout: WAIT_MS });
    await inert(page, 'room-name', payload, { ok: text === `Room: ${payload}`, text });
  }

  const room = PAYLOADS.at(-1);
  // The SMS panel is rendered once it is first shown.
  await page.evaluate(() => window.cspHarness.setAttribute('panel', 'sms'));
  for (const payload of PAYLOADS) {
    const template = `${payload} | {room} | {inviter} | {link}`;
    await page.evaluate((value) => window.cspHarness.setAttribute('message-template', value), template);
    const text = await page.locator(shadow('sms-composer textarea')).inputValue({ timeout: WAIT_MS });
    const expected = fillTemplate(template, { room, inviter: PAYLOADS[0], link: `javascript:${RUN}` });
    await inert(page, 'message-template', payload, { ok: text === expected, text });
  }

  await page.evaluate(() => window.cspHarness.setAttribute('panel', 'call'));
  for (const [index, payload] of PAYLOADS.entries()) {
    const number = `2015550${String(index).padStart(2, '0')}4`;
    await page.locator(shadow('#call-number')).fill(number, { timeout: WAIT_MS });
    // From the keyboard: three long failure notices end up over the Call button.
    await page.locator(shadow('[part="call-button"]')).press('Enter', { timeout: WAIT_MS });
    // Waits for the call's end, not for the text: a reason rendered wrongly fails at once.
    const text = await until(
      page,
      async (phoneNumber) => {
        const ended = window.cspHarness.events().some((event) => event.type === 'invite-call-status' && event.detail.phoneNumber === phoneNumber && event.detail.state === 'failed');
        if (!ended) return undefined;
        const dialog = document.querySelector('invite-dialog');
        await dialog.updateComplete;
        // The newest notice comes first.
        const detail = dialog.shadowRoot.querySelector('[part="notices"] [role="alert"] .notice-detail');
        return { text: detail ? detail.textContent : '(no detail shown)' };
      },
      `+1${number}`,
      `the failed call to ${number}`,
    ).then(
      (found) => found.text,
      (error) => error.message,
    );
    await inert(page, 'failure reason', payload, { ok: text === payload, text });
  }

  // Typed by hand, one key at a time, then the rest of the corpus pasted in.
  await page.locator(shadow('[role="tab"]#tab-sms')).click({ timeout: WAIT_MS });
  // One field for both tabs: it still holds the last number called.
  await page.locator(shadow('#sms-number')).fill('2015550100', { timeout: WAIT_MS });
  const textarea = page.locator(shadow('sms-composer textarea'));
  await textarea.click();
  await textarea.press('Control+A');
  await textarea.press('Delete');
  const typed = PAYLOADS[10];
  await textarea.pressSequentially(typed);
  const pasted = PAYLOADS.filter((payload) => payload !== typed).join('\n');
  await page.keyboard.insertText(`\n${pasted}`);
  const message = `${typed}\n${pasted}`;
  const value = await textarea.inputValue();
  await inert(page, 'typed message', 'the whole corpus', { ok: value === message, text: value });
  await page.locator(shadow('[part="send-button"]')).press('Enter', { timeout: WAIT_MS });
  const sent = await noticeSays(page, 'status', 'SMS sent');
  const records = await page.evaluate(() => window.cspHarness.records());
  const delivered = records.messages.at(-1)?.message;
  await inert(page, 'sent message', 'the whole corpus', { ok: sent.ok && delivered === message, text: sent.ok ? delivered : sent.text });
  check('xss: nothing in the corpus ever ran', !(await page.evaluate(() => '__xss' in window)));
}

// ---------------------------------------------------------------------------------------------
// The positive control

async function canary(context, log) {
  const page = await openPage(context, '/canary.html', log);
  const refused = await page.evaluate(() => {
    const results = {};
    try {
      // A Trusted Types sink fed a plain string.
      document.createElement('script').src = '/app/page.js';
      results.sink = 'allowed';
    } catch (error) {
      results.sink = error.name;
    }
    try {
      window.trustedTypes.createPolicy('not-allowed', { createHTML: (text) => text });
      results.policy = 'allowed';
    } catch (error) {
      results.policy = error.name;
    }
    return results;
  });
  check('canary: a plain string in a Trusted Types sink throws', refused.sink === 'TypeError', refused.sink);
  check('canary: a policy other than lit-html cannot be created', refused.policy === 'TypeError', refused.policy);
  const deadline = Date.now() + WAIT_MS;
  const wanted = ['script-src-elem', 'style-src-attr', 'require-trusted-types-for', 'trusted-types'];
  const seen = () => new Set(log.violations.map((violation) => violation.directive));
  while (!wanted.every((directive) => seen().has(directive)) && Date.now() < deadline) await sleep(100);
  check(
    'canary: the collector hears violations of this policy',
    wanted.every((directive) => seen().has(directive)),
    `saw ${[...seen()].join(', ') || 'none'}`,
  );
  check('canary: the inline script was refused', !(await page.evaluate(() => '__canaryRan' in window)));
  check(
    'canary: every response carried the policy',
    log.responses.every((response) => response.headers()['content-security-policy'] === POLICY),
  );
}

// ---------------------------------------------------------------------------------------------
// Tracing violations back to src/

async function tracer(map, dir) {
  try {
    const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
    const traced = new TraceMap(map);
    return (line, column) => {
      const position = originalPositionFor(traced, { line, column: Math.max(0, column - 1) });
      if (!position.source) return '';
      const file = relative(ROOT, fileURLToPath(new URL(position.source, pathToFileURL(join(dir, 'app', 'page.js.map')))));
      return `${file}:${position.line}:${position.column + 1}`;
    };
  } catch {
    return () => '';
  }
}

// ---------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'csp-check-'));
let server;
let browser;
try {
  console.log('csp-check: bundling test/csp/page.ts (esm, minified, production conditions)');
  const site = await buildSite(dir);
  check('bundle references the flag sprites through import.meta.url', site.placed.length === 2, site.placed.join(', '));
  check('bundle holds no eval or Function constructor', !/\beval\(|new Function\(/.test(site.bundle));
  const trace = await tracer(site.map, dir);

  server = await serve(dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`csp-check: serving ${dir} at ${origin} with\n  Content-Security-Policy: ${POLICY}`);
  const index = await fetch(`${origin}/`);
  check('server sends the policy', index.headers.get('content-security-policy') === POLICY);
  const html = await index.text();
  check(
    'index.html loads only external script and style',
    !/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son\w+=/i.test(html) && /<script type="module" src=/.test(html),
  );

  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ bypassCSP: false, serviceWorkers: 'block', viewport: { width: 1100, height: 800 } });
  const main = [];
  /** What each scenario's pages reported, by the page they came from. */
  const pageLogs = new Map();
  await context.exposeBinding('__reportViolation', ({ page }, violation) => pageLogs.get(page)?.violations.push(violation));
  await context.addInitScript(listenForViolations);
  const run = async (name, step) => {
    console.log(`\n${name}`);
    const log = { name, origin, pageLogs, violations: [], consoleErrors: [], pageErrors: [], badResponses: [], responses: [] };
    main.push(log);
    try {
      return await step(context, log);
    } catch (error) {
      // Playwright's call log repeats itself: its first line and the distinct reasons are enough.
      const lines = error.message.split('\n');
      const reasons = [...new Set(lines.filter((line) => /intercepts|not enabled|not visible/.test(line)).map((line) => line.trim()))];
      check(`${name} ran to the end`, false, [lines[0], ...reasons].join(' '));
      return false;
    } finally {
      for (const [page, owner] of pageLogs) if (owner === log) await page.close().catch(() => {});
    }
  };

  const flows = [
    ['call flow', callFlow],
    ['sms flow', smsFlow],
    ['xss corpus', xssCorpus],
  ];
  const completed = {};
  for (const [name, step] of flows) {
    completed[name] = await run(name, step);
  }
  const pages = main.splice(0);
  await run('canary (a page that breaks the policy on purpose)', canary);

  console.log('\npolicy');
  check('both flows completed', completed['call flow'] === true && completed['sms flow'] === true);
  for (const log of pages) {
    const violations = log.violations.map((violation) => {
      const where = violation.sourceFile?.endsWith('/app/page.js') ? trace(violation.line, violation.column) : '';
      return `${violation.directive} (${violation.disposition}) blocked ${violation.blockedURI || '(inline)'} at ${violation.sourceFile}:${violation.line}:${violation.column}${where ? ` = ${where}` : ''}${violation.sample ? ` sample ${JSON.stringify(violation.sample)}` : ''}`;
    });
    check(`${log.name}: 0 securitypolicyviolation events`, violations.length === 0, violations.join('\n         '));
    check(`${log.name}: 0 console errors`, log.consoleErrors.length === 0, log.consoleErrors.join('\n         '));
    check(`${log.name}: 0 page errors`, log.pageErrors.length === 0, log.pageErrors.join('\n         '));
    check(`${log.name}: every request succeeded`, log.badResponses.length === 0, log.badResponses.join('; '));
    check(
      `${log.name}: every response carried the policy`,
      log.responses.length > 0 && log.responses.every((response) => response.headers()['content-security-policy'] === POLICY),
    );
  }
} catch (error) {
  check('csp-check ran to the end', false, error.stack ?? String(error));
} finally {
  await browser?.close().catch(() => {});
  server?.closeAllConnections();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(summary() > 0 ? 1 : 0);
