import { expect } from '@open-wc/testing';
import { CountryListController } from '../../src/controllers/country-list-controller.js';
import { controllerHost } from '../helpers/controller-host.js';

/** More than the bundled US and CA, so every country's data is fetched; XX is in no data. */
const ALLOWED = ['US', 'CA', 'FR', 'GB', 'DE', 'CI', 'CH', 'CN', 'CL', 'XX'];

async function setup(allowed: readonly string[] = ALLOWED) {
  const host = await controllerHost();
  const inputs = { allowed, lang: 'en', preferred: [] as readonly string[] };
  const list = new CountryListController(
    host,
    () => inputs.allowed,
    () => inputs.lang,
    () => inputs.preferred,
  );
  await list.ready;
  return { host, list, inputs };
}

const codes = (options: readonly { code: string }[]) => options.map((option) => option.code);
/** The codes, a pinned copy marked with `*`. */
const entries = (options: readonly { code: string; pinned?: boolean }[]) => options.map((option) => `${option.code}${option.pinned ? '*' : ''}`);
const activeEntry = (list: CountryListController) => list.active && `${list.active}${list.activePinned ? '*' : ''}`;

describe('CountryListController', () => {
  it('names the allowed countries the data knows in the element’s language, sorted by name', async () => {
    const { list, inputs } = await setup();
    expect(list.options.map((option) => option.name)).to.deep.equal([
      'Canada',
      'Chile',
      'China',
      'Côte d’Ivoire',
      'France',
      'Germany',
      'Switzerland',
      'United Kingdom',
      'United States',
    ]);
    expect(list.options, 'recomputed only when the inputs change').to.equal(list.options);
    inputs.lang = 'fr';
    expect(codes(list.options)).to.deep.equal(['DE', 'CA', 'CL', 'CN', 'CI', 'US', 'FR', 'GB', 'CH']);
    expect(list.find('US')).to.deep.equal({ code: 'US', dialCode: '1', name: 'États-Unis' });
    expect(list.find('IT'), 'not allowed').to.equal(undefined);
    expect(list.find(undefined)).to.equal(undefined);
  });

  it('follows the allowed countries: the bundled ones at once, others once fetched', async () => {
    const { host, list, inputs } = await setup(['US', 'CA']);
    expect(codes(list.options)).to.deep.equal(['CA', 'US']);
    inputs.allowed = ['US', 'CA', 'MX'];
    host.requestUpdate();
    await host.updateComplete;
    await list.ready;
    expect(codes(list.options)).to.deep.equal(['CA', 'MX', 'US']);
    expect(list.countries?.some((country) => country.code === 'MX')).to.equal(true);
  });

  it('searches by name without case or accents, by ISO code, and by calling code', async () => {
    const { list, inputs } = await setup();
    const search = (query: string) => {
      list.setQuery(query);
      return codes(list.visible);
    };
    expect(search('cote')).to.deep.equal(['CI']);
    expect(search('ch'), 'Switzerland by its code').to.deep.equal(['CL', 'CN', 'CH']);
    expect(search('gb')).to.deep.equal(['GB']);
    expect(search('+4')).to.deep.equal(['DE', 'CH', 'GB']);
    expect(search('1'), 'the main country of a shared calling code first').to.deep.equal(['US', 'CA']);
    expect(search('zz')).to.deep.equal([]);
    expect(search('  ')).to.have.length(9);
    inputs.lang = 'fr';
    expect(search('ETATS')).to.deep.equal(['US']);
  });

  it('makes the first shown active as the search changes, and keeps the active option once the search is cleared', async () => {
    const { host, list } = await setup();
    list.setQuery('');
    expect(list.active).to.equal('CA');
    list.move('last');
    list.setQuery('united');
    expect(list.active, 'the first shown, though the active one is shown too').to.equal('GB');
    list.move(1);
    list.setQuery('');
    expect(list.active, 'back to the whole list: kept').to.equal('US');
    list.setQuery('+4');
    expect(list.active).to.equal('DE');
    list.setQuery('nowhere');
    expect(list.active).to.equal(undefined);
    const updates = host.updates;
    await host.updateComplete;
    expect(host.updates).to.be.greaterThan(updates);
  });

  it('ranks a search: names that start with it, then names with a word that does, then the rest', async () => {
    const { list } = await setup(['AS', 'CA', 'CU', 'DE', 'DK', 'FR', 'GB', 'GG', 'JE', 'KY', 'NC', 'US']);
    list.activate('FR');
    list.setQuery('c');
    expect(codes(list.visible)).to.deep.equal(['CA', 'KY', 'CU', 'NC', 'AS', 'FR']);
    expect(list.active, 'the first shown, not the one active before').to.equal('CA');
    list.setQuery('de');
    expect(codes(list.visible), 'an ISO code ranks like a name that starts with it').to.deep.equal(['DK', 'DE']);
    list.setQuery('44');
    expect(codes(list.visible), 'a calling code: its main country first').to.deep.equal(['GB', 'GG', 'JE']);
    expect(list.active).to.equal('GB');
    list.setQuery('+44');
    expect(codes(list.visible)).to.deep.equal(['GB', 'GG', 'JE']);
    list.setQuery('+4');
    expect(codes(list.visible), 'calling codes that start with it, by name').to.deep.equal(['DK', 'DE', 'GG', 'JE', 'GB']);
    list.setQuery('1');
    expect(codes(list.visible), 'in the order the data gives a shared code').to.deep.equal(['US', 'CA', 'AS', 'KY']);
  });

  it('moves the active option by steps that stop at the ends, or to the first or last', async () => {
    const { list } = await setup();
    list.setQuery('united');
    list.active = undefined;
    list.move(-1);
    expect(list.active, 'up from nothing: the last').to.equal('US');
    list.active = undefined;
    list.move(1);
    expect(list.active, 'down from nothing: the first').to.equal('GB');
    list.move(5);
    expect(list.active).to.equal('US');
    list.move('first');
    expect(list.active).to.equal('GB');
    list.move(-1);
    expect(list.active).to.equal('GB');
    list.setQuery('nowhere');
    list.move(1);
    expect(list.active).to.equal(undefined);
  });

  it('type-ahead: keys typed quickly form a prefix; one letter repeated cycles; a pause starts over', async () => {
    const { list } = await setup();
    const typed = (keys: string, start: number) => [...keys].map((key, index) => list.typeAhead(key, start + index * 100) && list.active);
    expect(typed('chin', 0)).to.deep.equal(['CA', 'CL', 'CL', 'CN']);
    expect(typed('c', 2000)).to.deep.equal(['CI']);
    expect(typed('cccc', 4000), 'cycles through C, and around').to.deep.equal(['CA', 'CL', 'CN', 'CI']);
    expect(typed('u', 6000)).to.deep.equal(['GB']);
    expect(typed('q', 8000), 'nothing starts with q').to.deep.equal([false]);
    expect(list.active).to.equal('GB');
  });

  it('pins a copy of each preferred country the list offers above it, in their order, while nothing is searched', async () => {
    const { list, inputs } = await setup();
    inputs.preferred = ['GB', 'IT', 'XX', 'FR', 'GB'];
    expect(entries(list.visible)).to.deep.equal(['GB*', 'FR*', 'CA', 'CL', 'CN', 'CI', 'FR', 'DE', 'CH', 'GB', 'US']);
    expect(codes(list.options), 'the options themselves are not pinned').to.deep.equal(['CA', 'CL', 'CN', 'CI', 'FR', 'DE', 'CH', 'GB', 'US']);

    list.activate('FR');
    expect(activeEntry(list), 'a preferred country: its pinned copy').to.equal('FR*');
    list.move(1);
    expect(activeEntry(list), 'from the last pinned to the first of the list').to.equal('CA');
    list.move(-1);
    expect(activeEntry(list)).to.equal('FR*');
    list.setQuery('fra');
    expect(entries(list.visible), 'a search shows each country once').to.deep.equal(['FR']);
    expect(activeEntry(list), 'from the pinned copy to the country').to.equal('FR');
    list.setQuery('');
    expect(activeEntry(list), 'kept in its place in the list').to.equal('FR');
    list.move('first');
    expect(activeEntry(list)).to.equal('GB*');
    expect(list.typeAhead('f', 0) && activeEntry(list)).to.equal('FR*');
    expect(list.typeAhead('f', 100) && activeEntry(list), 'and on through the list').to.equal('FR');
    list.activate('ZZ');
    expect(activeEntry(list), 'not offered: the first').to.equal('GB*');
    inputs.preferred = [];
    list.activate('FR');
    expect(activeEntry(list)).to.equal('FR');
  });
});
