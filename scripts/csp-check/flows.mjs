// The two invite flows a person goes through, and the canary: a page that breaks the policy on
// purpose, to prove that the policy is enforced and that its violations are heard.
import { poll } from '../browser-kit/index.mjs';
import { DELAYS, OWNER, POLICY, ROOM_LINK, WAIT_MS, check, mount, noticeSays, openPage, shadow } from './driver.mjs';

export async function callFlow(context, log) {
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
  // Waited for where it is checked: the response as the driver heard it (the page's resource
  // timing can list the sprite before the driver has been told of its response).
  const sprite = await poll(
    () => log.responses.find((response) => /\/assets\/flags(@2x)?\.webp$/.test(response.url())),
    'the flag sprite to load',
    WAIT_MS,
  ).catch(() => undefined);
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

export async function smsFlow(context, log) {
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

export async function canary(context, log) {
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
  const wanted = ['script-src-elem', 'style-src-attr', 'require-trusted-types-for', 'trusted-types'];
  const seen = () => new Set(log.violations.map((violation) => violation.directive));
  // Reports arrive after the page has run: wait for all four, then say which came.
  await poll(() => wanted.every((directive) => seen().has(directive)), 'the four violations', WAIT_MS).catch(() => false);
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
