// The XSS corpus: every payload goes through each place where the dialog shows text it did not
// write (room name, message template, a failure reason from the backend, a typed and a sent
// message), and must come out as literal text with nothing injected and nothing run.
import { until } from '../browser-kit/index.mjs';
import { DELAYS, OWNER, WAIT_MS, check, mount, noticeSays, openPage, shadow } from './driver.mjs';

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

function fillTemplate(template, values) {
  return template.replace(/\{(link|room|inviter)\}/g, (_match, name) => values[name]);
}

/** One check per payload and place: shown literally, nothing injected, nothing ran. */
async function inert(page, place, payload, shown) {
  const scan = await page.evaluate(scanForInjectedMarkup);
  const problems = [...scan.found];
  if (scan.xss) problems.push('window.__xss was set');
  if (scan.scripts !== 1) problems.push(`${scan.scripts} scripts in the document`);
  if (!shown.ok) problems.push(`not shown literally: ${JSON.stringify(shown.text)}`);
  return check(`xss ${place}: ${JSON.stringify(payload)}`, problems.length === 0, problems.join('; '));
}

export async function xssCorpus(context, log) {
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
      WAIT_MS,
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
