/**
 * The two sizes the stories are tested and compared at (.storybook/vitest.config.ts), offered in
 * Storybook's viewport toolbar too, beside its defaults. The phone is the size the house style
 * judges a layout at first; the laptop is the size the story tests ran at before they had names.
 */
export const TEST_VIEWPORTS = {
  phone: { name: 'Phone, 375 × 667', styles: { width: '375px', height: '667px' }, type: 'mobile' },
  laptop: { name: 'Laptop, 1200 × 900', styles: { width: '1200px', height: '900px' }, type: 'desktop' },
} as const;

export type TestViewport = keyof typeof TEST_VIEWPORTS;
