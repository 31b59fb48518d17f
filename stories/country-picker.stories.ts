import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/country-picker.js';
import type { CountryPicker } from '../src/index.js';
import { getCountries } from '../src/phone/countries.js';
import { argTypesFor } from './support/arg-types.js';
import { attributes, type ElementAttributes } from './support/attributes.js';
import { asRendered, docsShows, enter, until } from './support/docs-page.js';

type CountryPickerArgs = ElementAttributes<CountryPicker, 'value' | 'label' | 'name' | 'required' | 'disabled'> & {
  onChange?: (event: Event) => void;
};

/** Every country of the data set, as the attribute takes them. */
const ALL_COUNTRIES = getCountries()
  .map((country) => country.code)
  .join(' ');

function findPicker(canvasElement: HTMLElement): CountryPicker {
  const picker = canvasElement.querySelector('country-picker');
  if (!picker) throw new Error('the story rendered no <country-picker>');
  return picker;
}

function part<T extends HTMLElement = HTMLElement>(picker: CountryPicker, name: string): T {
  const element = picker.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!element) throw new Error(`<country-picker> has no part ${name}`);
  return element;
}

const options = (picker: CountryPicker) => [...(picker.shadowRoot?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];

/** Opens the list with a click, as a person would. */
async function openList(picker: CountryPicker): Promise<void> {
  // The country data loads when the first picker connects.
  await picker.updateComplete;
  await userEvent.click(part(picker, 'combobox'));
  await waitFor(() => expect(part(picker, 'combobox').getAttribute('aria-expanded')).toBe('true'));
}

/** For `docsShows()`: the list opened as a click on its control opens it. */
async function listShown(canvasElement: HTMLElement): Promise<CountryPicker> {
  const picker = findPicker(canvasElement);
  await picker.updateComplete;
  part(picker, 'combobox').click();
  await until(() => part(picker, 'combobox').getAttribute('aria-expanded') === 'true', 'the open list');
  return picker;
}

const meta = {
  title: 'Elements/country-picker',
  component: 'country-picker',
  argTypes: argTypesFor('country-picker'),
  args: { 'allowed-countries': 'US CA', value: 'US', name: 'country', onChange: fn() },
  render: (args) => html`<country-picker
    ${attributes(args)}
    @change=${args.onChange}
  ></country-picker>`,
  parameters: {
    // Each story in its own frame on the docs page: the list is in the top layer, and it closes
    // when focus leaves it, as it would when another story's list opened.
    docs: { story: { inline: false, height: '30rem' } },
  },
} satisfies Meta<CountryPickerArgs>;

export default meta;
type Story = StoryObj<CountryPickerArgs>;

/**
 * The default list, the United States and Canada, in the order of their names: the person picks
 * Canada with the keyboard, then opens the list again.
 */
export const ShortList: Story = {
  play: docsShows(
    async (canvas) => {
      const picker = await listShown(canvas);
      part(picker, 'listbox').querySelector<HTMLElement>('#option-CA')?.click();
      await until(() => picker.value === 'CA', 'Canada chosen');
      await listShown(canvas);
    },
    async ({ canvasElement, args }) => {
      const picker = findPicker(canvasElement);
      await openList(picker);
      await expect(options(picker).map((option) => option.id)).toEqual(['option-CA', 'option-US']);
      await userEvent.keyboard('{ArrowUp}{Enter}');
      await waitFor(() => expect(picker.value).toBe('CA'));
      await expect(args.onChange).toHaveBeenCalledTimes(1);
      await openList(picker);
      await expect(options(picker).find((option) => option.getAttribute('aria-selected') === 'true')?.id).toBe('option-CA');
    },
  ),
};

/** Every country: the list gets a search box, focused as it opens. */
export const FullList: Story = {
  args: { 'allowed-countries': ALL_COUNTRIES, value: 'FR' },
  play: docsShows(listShown, async ({ canvasElement }) => {
    const picker = findPicker(canvasElement);
    await openList(picker);
    await expect(options(picker)).toHaveLength(getCountries().length);
    await waitFor(() => expect(picker.shadowRoot?.activeElement).toBe(part(picker, 'search')));
  }),
};

/** Searching the full list. */
export const FullListSearch: Story = {
  args: { 'allowed-countries': ALL_COUNTRIES, value: 'US' },
  play: docsShows(
    async (canvas) => {
      const picker = await listShown(canvas);
      enter(part<HTMLInputElement>(picker, 'search'), 'ja');
      await until(() => options(picker).some((option) => option.id === 'option-JP'), 'the countries found');
    },
    async ({ canvasElement }) => {
      const picker = findPicker(canvasElement);
      await openList(picker);
      await userEvent.type(part(picker, 'search'), 'ja');
      await waitFor(() => expect(options(picker).map((option) => option.id)).toContain('option-JP'));
      await expect(options(picker).length).toBeLessThan(getCountries().length);
    },
  ),
};

/** Preferred countries pinned above the full list, in a group of their own; the search box has a placeholder. */
export const PreferredCountries: Story = {
  args: { 'allowed-countries': ALL_COUNTRIES, 'preferred-countries': 'US CA FR', value: '' },
  play: docsShows(listShown, async ({ canvasElement }) => {
    const picker = findPicker(canvasElement);
    await openList(picker);
    await expect(options(picker).slice(0, 3).map((option) => option.id)).toEqual(['pinned-US', 'pinned-CA', 'pinned-FR']);
    await expect(options(picker)).toHaveLength(getCountries().length + 3);
    await expect(part<HTMLInputElement>(picker, 'search').placeholder).toBe('Search by name or code');
  }),
};

/** Nothing chosen yet, and a choice is required: the placeholder shows. */
export const NoCountryChosen: Story = {
  args: { value: '', required: true },
  play: docsShows(asRendered, async ({ canvasElement }) => {
    const picker = findPicker(canvasElement);
    await expect(part(picker, 'combobox').textContent).toContain('Choose a country');
    await expect(picker.validity.valueMissing).toBe(true);
  }),
};

export const Disabled: Story = {
  args: { disabled: true },
  play: docsShows(asRendered, async ({ canvasElement }) => {
    const picker = findPicker(canvasElement);
    await expect(part(picker, 'combobox').getAttribute('aria-disabled')).toBe('true');
  }),
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  args: { 'allowed-countries': ALL_COUNTRIES, value: 'CA' },
  play: docsShows(listShown, async ({ canvasElement }) => openList(findPicker(canvasElement))),
};

/** Country names follow the page's language: `lang="fr-CA"` on a container. */
export const French: Story = {
  globals: { locale: 'fr-CA' },
  args: { 'allowed-countries': ALL_COUNTRIES, value: 'CA' },
  play: docsShows(listShown, async ({ canvasElement }) => openList(findPicker(canvasElement))),
};

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: { 'allowed-countries': ALL_COUNTRIES, value: 'CA' },
  play: docsShows(listShown, async ({ canvasElement }) => openList(findPicker(canvasElement))),
};
