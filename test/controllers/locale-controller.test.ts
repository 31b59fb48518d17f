import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LocaleController, resolveLang } from '../../src/controllers/locale-controller.js';
import { registerStrings, type InviteStringOverrides } from '../../src/i18n/index.js';
import type { ControllerHost } from '../helpers/controller-host.js';
import '../helpers/controller-host.js';

/** The host's overrides, which a test may change. */
interface Overrides {
  current?: InviteStringOverrides;
}

/** The one place that knows how the controller takes the host's overrides. */
const localeFor = (host: ControllerHost, overrides: Overrides = {}) => new LocaleController(host, () => [overrides.current]);

/** A host inside `<div lang=…>` on the page, with a LocaleController over `overrides`. */
async function setup(lang: string, overrides: Overrides = {}) {
  const page = await fixture<HTMLDivElement>(html`<div lang=${lang}><controller-host></controller-host></div>`);
  const host = page.querySelector('controller-host')!;
  const locale = localeFor(host, overrides);
  await locale.ready;
  return { page, host, locale, overrides };
}

/** `element` inside the shadow root of a `<div>` that sits in `<div lang=…>`. */
function inShadowOf(lang: string, element: Element): HTMLDivElement {
  const outer = document.createElement('div');
  outer.lang = lang;
  const shadowHost = outer.appendChild(document.createElement('div'));
  shadowHost.attachShadow({ mode: 'open' }).append(element);
  return outer;
}

describe('resolveLang', () => {
  it('reads the element’s own lang, else the nearest ancestor’s, through shadow roots', () => {
    const element = document.createElement('span');
    inShadowOf('de-CH', element);
    expect(resolveLang(element)).to.equal('de-CH');
    element.lang = 'it';
    expect(resolveLang(element)).to.equal('it');
    element.lang = '';
    expect(resolveLang(element), 'an empty lang is English').to.equal('en');
  });

  it('falls back to the browser’s language', () => {
    expect(resolveLang(document.createElement('span'))).to.equal(navigator.language || 'en');
  });
});

describe('LocaleController', () => {
  it('gives the strings of the element’s language once they are fetched', async () => {
    const { locale } = await setup('fr-CA');
    expect(locale.lang).to.equal('fr-CA');
    expect(locale.strings.call).to.equal('Appeler');
  });

  it('follows a lang change on an ancestor, and updates the host', async () => {
    const { page, host, locale } = await setup('fr-CA');
    const updates = host.updates;
    page.lang = 'en-GB';
    await waitUntil(() => locale.lang === 'en-GB', 'the new language is read');
    expect(locale.strings.call).to.equal('Call');
    await host.updateComplete;
    expect(host.updates).to.be.greaterThan(updates);
  });

  it('follows a lang change outside the shadow root it is in', async () => {
    const host = document.createElement('controller-host');
    const page = await fixture(inShadowOf('en', host));
    const locale = localeFor(host);
    expect(locale.lang).to.equal('en');
    page.setAttribute('lang', 'fr');
    await waitUntil(() => locale.strings.call === 'Appeler', 'the strings follow', { timeout: 3000 });
  });

  it('reads the language again when connected, for changes made while it was away', async () => {
    const { page, locale } = await setup('en');
    const parent = page.parentElement!;
    page.remove();
    page.lang = 'fr';
    parent.append(page);
    expect(locale.lang).to.equal('fr');
  });

  it('lays the host’s overrides over the language’s strings, a group given in part keeping the rest', async () => {
    const { locale, overrides } = await setup('en');
    overrides.current = { call: 'Dial', refusal: { empty: 'Type a number.' } } as InviteStringOverrides;
    const strings = locale.strings;
    expect(strings).to.include({ call: 'Dial', cancel: 'Cancel' });
    expect(strings.refusal).to.include({ empty: 'Type a number.', 'too-short': 'This number is too short.' });
    expect(locale.strings, 'merged once per change of input').to.equal(strings);
    overrides.current = { call: 'Ring' };
    expect(locale.strings.call).to.equal('Ring');
    overrides.current = undefined;
    expect(locale.strings.call).to.equal('Call');
  });

  it('takes up strings registered for its language after it connected', async () => {
    const { host, locale } = await setup('de');
    expect(locale.strings.call).to.equal('Call');
    const updates = host.updates;
    registerStrings('de', { call: 'Anrufen' });
    expect(locale.strings.call).to.equal('Anrufen');
    await host.updateComplete;
    expect(host.updates).to.be.greaterThan(updates);
  });
});
