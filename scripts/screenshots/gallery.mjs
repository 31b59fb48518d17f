// The gallery issue #11 is judged by: every state of the dialog, in every variant a person uses it
// in, each shot from a fresh page. States that need the backend to behave otherwise say so through
// the demo's URL (demo/main.ts): role, policy, policy-delay, reason.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { until } from '../browser-kit/index.mjs';
import { attempt, call, dialog, notice, openAndType, openDialog, openSms, shoot, submit, waitFor, WAIT_MS } from './kit.mjs';

/** A failure reason as a backend may word it: long, technical, with a long unbroken id. */
const LONG_REASON =
  'The carrier rejected the call because the destination network is congested (SIP 503 Service Unavailable, Q.850 cause 34: no circuit/channel available). Reference req_8f14e45fceea167a5a36dedd4bea2543.';
/** Over one SMS, and Unicode: each SMS then holds 70 characters. */
const LONG_MESSAGE =
  'Salut Zoë ! Rejoins-nous pour le point hebdomadaire 🎉 — on commence dans cinq minutes, apporte ton café ☕. Lien : https://meet.example.com/weekly-sync';

/** The dialog open and ready for a number: the phone field has focus. */
async function openReady(page) {
  await openDialog(page);
  await until(page, () => document.querySelector('invite-dialog').shadowRoot.activeElement?.id === 'call-number', undefined, 'the phone field to take focus', WAIT_MS);
}

/** The dialog open with one line that says it is checking what may be offered. */
async function openLoading(page) {
  await openDialog(page);
  await waitFor(dialog(page).locator('.body .message[role="status"]'));
}

/** The dialog open with one line that says why nothing is offered (role, plan). */
async function openRefusal(page) {
  await openDialog(page);
  await waitFor(dialog(page).locator('.body .message:not([role="status"])'));
}

/** The SMS tab, number typed and message valid: Send takes it. */
async function smsReady(page, number) {
  await openSms(page, number);
  await waitFor(dialog(page).locator('[part="send-button"]:enabled'));
}

/** A state: the demo's URL parameters it needs, and the steps that reach it from a fresh page. */
const STATES = {
  closed: { steps: (page) => waitFor(page.locator('#invite')) },
  open: { steps: openReady },
  'country-list': {
    steps: async (page) => {
      await openReady(page);
      await dialog(page).locator('#panel-call country-picker [part="combobox"]').click();
      await waitFor(dialog(page).locator('#panel-call country-picker [role="option"]'));
    },
  },
  refused: {
    steps: async (page) => {
      await openAndType(page, '+1 809 555 0123');
      await page.keyboard.press('Tab');
      await waitFor(dialog(page).locator('#call-number[aria-invalid="true"]'));
    },
  },
  ringing: {
    // Numbers ending in 9 ring on: shot once the timer has counted a second.
    steps: async (page) => {
      await call(page, '2015550109');
      await waitFor(dialog(page).locator('[part="notice"].ringing .note', { hasNotText: '0:00' }));
    },
  },
  joined: { steps: (page) => call(page, '2015550100').then(() => notice(page, 'joined')) },
  'no-answer': { steps: (page) => call(page, '2015550101').then(() => notice(page, 'no-answer')) },
  'call-again': {
    steps: async (page) => {
      await call(page, '2015550101');
      await attempt(page, 'no-answer');
      await dialog(page).locator('[part="notice"].no-answer .notice-actions button').click();
      await waitFor(dialog(page).locator('dialog[part="confirm"]'));
    },
  },
  busy: { steps: (page) => call(page, '2015550102').then(() => notice(page, 'busy')) },
  failed: { steps: (page) => call(page, '2015550104').then(() => notice(page, 'failed')) },
  'failed-long-reason': {
    params: { reason: LONG_REASON },
    steps: (page) => call(page, '2015550104').then(() => notice(page, 'failed')),
  },
  'many-attempts': {
    // Five calls to five numbers that end in different ways, placed without waiting for each to end:
    // the list shows the last three.
    steps: async (page) => {
      await openReady(page);
      const input = dialog(page).locator('#call-number');
      for (const number of ['2015550101', '2015550112', '2015550120', '2015550133', '2015550141']) {
        await input.fill('');
        await input.pressSequentially(number);
        await submit(page, 'call-button');
      }
      await waitFor(dialog(page).locator('.show-all'));
      await until(page, shownCallsEnded, undefined, 'the calls shown to end', WAIT_MS);
    },
  },
  'closed-notice': {
    // Closed while the call rings: its outcome shows outside the dialog.
    steps: async (page) => {
      await call(page, '2015550102');
      await attempt(page, 'ringing');
      await page.keyboard.press('Escape');
      await waitFor(dialog(page).locator('dialog[part="dialog"]'), 'hidden');
      await notice(page, 'busy');
    },
  },
  'sms-pin-reminder': {
    steps: async (page) => {
      await smsReady(page, '4165550100');
      await waitFor(dialog(page).locator('sms-composer [part="reminder"]'));
    },
  },
  'sms-long-message': {
    steps: async (page) => {
      await smsReady(page, '4165550100');
      await dialog(page).locator('sms-composer textarea').fill(LONG_MESSAGE);
      await waitFor(dialog(page).locator('sms-composer [part="warning"]'));
      await waitFor(dialog(page).locator('[part="send-button"]:enabled'));
    },
  },
  'sms-sent': {
    steps: async (page) => {
      await smsReady(page, '4165550100');
      await submit(page, 'send-button');
      await notice(page, 'sent');
    },
  },
  'sms-rate-limited': {
    steps: async (page) => {
      await smsReady(page, '4165550106');
      await submit(page, 'send-button');
      await notice(page, 'failed');
      await waitFor(dialog(page).locator('#panel-sms .note'));
    },
  },
  'role-owner': { params: { role: 'owner' }, steps: openReady },
  'role-moderator': { params: { role: 'moderator' }, steps: openReady },
  'role-participant': { params: { role: 'participant' }, steps: openRefusal },
  'role-guest': { params: { role: 'guest' }, steps: openRefusal },
  // The policy takes ten minutes to come: the dialog says it is checking.
  loading: { params: { 'policy-delay': '600000' }, steps: openLoading },
  'not-entitled': { params: { policy: 'none' }, steps: openRefusal },
};

/** In the page: the calls the list shows have all ended, and it offers to show the rest. */
function shownCallsEnded() {
  const root = document.querySelector('invite-dialog').shadowRoot;
  const shown = [...root.querySelectorAll('.attempt')];
  return shown.length === 3 && !shown.some((item) => item.matches('.dialing, .ringing, .answered'));
}

/** 200 % zoom: half the CSS viewport, drawn with twice the pixels. */
const zoomed = ({ width, height }) => ({ viewport: { width: Math.ceil(width / 2), height: Math.ceil(height / 2) }, deviceScaleFactor: 2 });
const PHONE = { width: 375, height: 667 };
const TABLET = { width: 768, height: 1024 };
const DESKTOP = { width: 1280, height: 800 };

/** A variant: the browser context's options, and the demo's URL parameters (language, direction). */
const VARIANTS = {
  ...Object.fromEntries(
    [PHONE, TABLET, DESKTOP].flatMap((viewport) =>
      ['light', 'dark'].map((colorScheme) => [`${viewport.width}x${viewport.height}-${colorScheme}`, { context: { viewport, colorScheme } }]),
    ),
  ),
  ...Object.fromEntries(
    [PHONE, DESKTOP].flatMap((viewport) => {
      const size = `${viewport.width}x${viewport.height}`;
      return [
        [`${size}-rtl`, { context: { viewport }, params: { dir: 'rtl', lang: 'ar' } }],
        [`${size}-fr`, { context: { viewport }, params: { lang: 'fr-CA' } }],
        [`${size}-zoom200`, { context: zoomed(viewport) }],
      ];
    }),
  ),
};

/** Pages open at once: most of a shot's time is spent waiting for the simulated backend's timers. */
const PARALLEL = 2 * availableParallelism();

/**
 * Shoots every state in every variant (or those whose `variant/state` contains `only`) into
 * outdir/<variant>/<nn>-<state>.png, numbered in the order a person meets them.
 */
export async function runGallery({ browser, url }, outdir, only) {
  const started = performance.now();
  const jobs = Object.entries(VARIANTS).flatMap(([variant, { context, params: variantParams }]) =>
    Object.entries(STATES).map(([state, { params, steps }], index) => {
      const query = new URLSearchParams({ ...variantParams, ...params }).toString();
      return {
        name: `${variant}/${state}`,
        url: query ? `${url}?${query}` : url,
        context: { colorScheme: 'light', ...context },
        steps,
        path: join(outdir, variant, `${String(index + 1).padStart(2, '0')}-${state}.png`),
      };
    }),
  );
  const chosen = jobs.filter((job) => !only || job.name.includes(only));
  for (const variant of new Set(chosen.map((job) => job.name.split('/')[0]))) mkdirSync(join(outdir, variant), { recursive: true });
  let taken = 0;
  const queue = [...chosen];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) if (await shoot(browser, job)) taken += 1;
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { taken, failed: chosen.length - taken, seconds: Math.round((performance.now() - started) / 1000) };
}
