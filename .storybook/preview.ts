import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import manifest from '../custom-elements.json';
import { IN_DOCS_FRAME, keepFocusWithReader, onDocsPage } from '../stories/support/docs-page.js';
import './preview.css';
import { TEST_VIEWPORTS } from './viewports.js';

// Controls and the docs tables (attributes, properties, events, parts, CSS properties) come from
// the manifest the analyzer writes from the elements' JSDoc.
setCustomElementsManifest(manifest);

// A story in a frame of its own on a Docs page (stories/support/docs-page.ts) leaves focus to the reader.
if (IN_DOCS_FRAME) keepFocusWithReader();

/**
 * Every story renders inside one wrapper that carries the toolbar's theme (`color-scheme`),
 * language (`lang`) and direction (`dir`), as a host page's container would. Classes, not inline
 * styles: the library targets pages with a strict CSP.
 */
const withFrame: Decorator = (story, context) => {
  const { theme, locale, dir } = context.globals as { theme?: string; locale?: string; dir?: string };
  const classes = {
    'story-frame': true,
    'theme-light': theme === 'light',
    'theme-dark': theme === 'dark',
    canvas: context.viewMode === 'story',
    // On a Docs page the reader comes to a story when they scroll to it: what it shows stays.
    docs: onDocsPage(context),
    // A story that is a whole page (the demo host page) brings its own margins.
    bare: context.parameters['bareFrame'] === true,
  };
  return html`<div class=${classMap(classes)} lang=${locale ?? 'en'} dir=${dir ?? 'ltr'}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withFrame],
  globalTypes: {
    theme: {
      description: 'Colour scheme of the page around the elements',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the page (lang)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'fr-CA', title: 'Français (Canada)', right: 'fr-CA' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Direction of the page (dir)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right', right: 'ltr' },
          { value: 'rtl', title: 'Right to left', right: 'rtl' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', dir: 'ltr' },
  parameters: {
    layout: 'fullscreen',
    // Any axe violation fails the story, in the test run and in the a11y panel. Not again in each
    // story's frame on a Docs page, where no panel shows it and a dozen frames would run axe at once.
    a11y: { test: IN_DOCS_FRAME ? 'off' : 'error' },
    controls: { expanded: true },
    docs: { toc: true },
    viewport: { options: { ...MINIMAL_VIEWPORTS, ...TEST_VIEWPORTS } },
  },
  tags: ['autodocs'],
};

export default preview;
