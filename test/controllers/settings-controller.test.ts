import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { provideInviteSettings, settingProperties, SETTING_DEFAULTS, type InviteSettings } from '../../src/context/invite-settings.js';
import { SettingsController } from '../../src/controllers/settings-controller.js';
import type { InviteStringOverrides } from '../../src/i18n/index.js';
import type { InviteRole } from '../../src/transport/types.js';

/** An element that takes three settings, as the invite elements do. */
class SettingsHostElement extends LitElement {
  static override properties = settingProperties(['userRole', 'allowedCountries', 'maxSegments', 'strings']);
  readonly controller = new SettingsController(this);
  userRole?: InviteRole;
  allowedCountries?: string[];
  maxSegments?: number;
  strings?: InviteStringOverrides;
  settings?: InviteSettings;
}
customElements.define('settings-host-element', SettingsHostElement);

async function inPage(settings: InviteSettings | undefined, own = html`<settings-host-element></settings-host-element>`) {
  const root = await fixture<HTMLDivElement>(html`<div></div>`);
  const provider = settings ? provideInviteSettings(root, settings) : undefined;
  const element = await fixture<SettingsHostElement>(own, { parentNode: root });
  return { root, provider, element, settings: element.controller };
}

describe('SettingsController', () => {
  it('reads the default when neither the element nor the page gives a setting', async () => {
    const { settings } = await inPage(undefined);
    expect(settings.get('userRole')).to.equal('guest');
    expect(settings.get('allowedCountries')).to.deep.equal(['US', 'CA']);
    expect(settings.get('maxSegments')).to.equal(SETTING_DEFAULTS.maxSegments);
    expect(settings.get('transport')).to.equal(undefined);
  });

  it('takes what the page provides, and follows it when it changes', async () => {
    const { provider, element, settings } = await inPage({ userRole: 'moderator', allowedCountries: ['CA'] });
    expect(element.settings).to.deep.equal({ userRole: 'moderator', allowedCountries: ['CA'] });
    expect(settings.get('userRole')).to.equal('moderator');
    expect(settings.get('allowedCountries')).to.deep.equal(['CA']);
    provider!.setValue({ userRole: 'owner' });
    expect(settings.get('userRole')).to.equal('owner');
    expect(settings.get('allowedCountries'), 'back to the default').to.deep.equal(['US', 'CA']);
  });

  it('lets a property or an attribute on the element win over the page', async () => {
    const { element, settings } = await inPage(
      { userRole: 'moderator', maxSegments: 3 },
      html`<settings-host-element user-role="owner" allowed-countries="ca, us"></settings-host-element>`,
    );
    expect(settings.get('userRole')).to.equal('owner');
    expect(settings.get('allowedCountries'), 'the attribute, read as codes').to.deep.equal(['CA', 'US']);
    expect(settings.get('maxSegments')).to.equal(3);
    element.maxSegments = 5;
    expect(settings.get('maxSegments')).to.equal(5);
  });

  it('reads countries given as a property or by the page like the attribute: in any case, or as a string (#12)', async () => {
    const { element, settings } = await inPage({ allowedCountries: 'ca us' as never });
    expect(settings.get('allowedCountries'), 'from the page').to.deep.equal(['CA', 'US']);
    element.allowedCountries = ['us', 'ca'];
    expect(settings.get('allowedCountries')).to.deep.equal(['US', 'CA']);
    element.allowedCountries = 'US,CA' as never;
    expect(settings.get('allowedCountries')).to.deep.equal(['US', 'CA']);
    element.allowedCountries = [];
    expect(settings.get('allowedCountries'), 'none is none, not the default').to.deep.equal([]);
  });

  it('types each element with the settings it takes, and no others', () => {
    const picker = document.createElement('country-picker');
    const composer = document.createElement('sms-composer');
    const dialog = document.createElement('invite-dialog');
    picker.allowedCountries = ['CA'];
    composer.maxSegments = 2;
    dialog.userRole = 'owner';
    // @ts-expect-error The picker takes no room link.
    picker.roomLink = 'https://meet.example.com/x';
    // @ts-expect-error The composer takes no role.
    composer.userRole = 'owner';
    expect([picker.allowedCountries, composer.maxSegments, dialog.userRole]).to.deep.equal([['CA'], 2, 'owner']);
  });

  it('gives each setting the attribute of its name in kebab case, and objects none', () => {
    const declared = settingProperties();
    expect(declared['allowedCountries']).to.include({ attribute: 'allowed-countries' });
    expect(declared['pinRequired']).to.include({ attribute: 'pin-required', type: Boolean });
    expect(declared['maxSegments']).to.include({ attribute: 'max-segments', type: Number });
    expect(declared['transport']).to.include({ attribute: false });
    expect(declared['strings']).to.include({ attribute: false });
    expect(declared['settings']).to.include({ attribute: false });
  });

  it('gives the strings in the element’s language with the page’s overrides, then its own', async () => {
    const { element, settings } = await inPage({ strings: { call: 'Dial', close: 'Shut' } });
    const locale = settings.locale;
    expect(locale.strings.call).to.equal('Dial');
    element.strings = { close: 'Done' };
    expect(locale.strings.call).to.equal('Dial');
    expect(locale.strings.close).to.equal('Done');
    expect(locale.strings.tabSms, 'the rest stays').to.equal('SMS');
  });
});
