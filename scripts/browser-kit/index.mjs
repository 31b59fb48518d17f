// What the scripts that drive a page in headless Chromium share: csp-check.mjs and
// host-integration.mjs (checks), bench/run.mjs (figures) and screenshots.mjs (pictures).
// Chromium itself comes from ../find-browsers.mjs, like every other browser step.
export { launchChromium, poll, until } from './browser.mjs';
export { createChecks } from './checks.mjs';
export { keepSideEffects } from './keep-side-effects.mjs';
export { serve } from './serve.mjs';
