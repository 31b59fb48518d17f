// Proves that the elements run under a strict page policy: bundles test/csp/page.ts as a host
// would ship it, serves it with a Content-Security-Policy that allows no inline script or style,
// no eval and only the `lit-html` Trusted Types policy, then drives both invite flows and an XSS
// corpus in headless Chromium. Any violation, console error or page error fails the run.
// `node scripts/csp-check.mjs` (or `npm run test:csp`); exits non-zero on any failure.
//
// csp-check/site.mjs builds the site, csp-check/flows.mjs and csp-check/xss-corpus.mjs drive it,
// csp-check/driver.mjs holds what they share; the browser, server and check list are browser-kit's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serve } from './browser-kit/index.mjs';
import { POLICY, check, finish, listenForViolations } from './csp-check/driver.mjs';
import { callFlow, canary, smsFlow } from './csp-check/flows.mjs';
import { buildSite, tracer } from './csp-check/site.mjs';
import { xssCorpus } from './csp-check/xss-corpus.mjs';

const dir = mkdtempSync(join(tmpdir(), 'csp-check-'));
let server;
let browser;
try {
  console.log('csp-check: bundling test/csp/page.ts (esm, minified, production conditions)');
  const site = await buildSite(dir);
  check('bundle references the flag sprites through import.meta.url', site.placed.length === 2, site.placed.join(', '));
  check('bundle holds no eval or Function constructor', !/\beval\(|new Function\(/.test(site.bundle));
  const trace = await tracer(site.map, dir);

  server = await serve(dir, { headers: { 'Content-Security-Policy': POLICY } });
  const { origin } = server;
  console.log(`csp-check: serving ${dir} at ${origin} with\n  Content-Security-Policy: ${POLICY}`);
  const index = await fetch(`${origin}/`);
  check('server sends the policy', index.headers.get('content-security-policy') === POLICY);
  const html = await index.text();
  check(
    'index.html loads only external script and style',
    !/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son\w+=/i.test(html) && /<script type="module" src=/.test(html),
  );

  browser = await launchChromium();
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
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}
finish();
