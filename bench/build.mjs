// Bundles the bench pages as a host would ship them: esbuild, minified, Lit in its production
// build. Each library is built on its own so that neither page carries the other's code.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepSideEffects } from '../scripts/browser-kit/index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pagesDir = join(root, 'bench', 'pages');

/** The pages: one per library and kind. Each scenario loads a page afresh. */
export const PAGES = {
  'ours-dialog': { library: 'ours', css: false },
  'theirs-dialog': { library: 'theirs', css: true },
  'theirs-same-dialog': { library: 'theirs', css: true },
  'ours-picker': { library: 'ours', css: false },
  'theirs-picker': { library: 'theirs', css: true },
};

/**
 * The page a scenario loads: `<library>-<kind>`, except that with `sameDialog` (`--same-dialog`)
 * intl-tel-input's dialog is the one invite-elements shows (pages/theirs-same-dialog.js).
 */
export function pageName(library, kind, sameDialog) {
  return sameDialog && library === 'theirs' && kind === 'dialog' ? 'theirs-same-dialog' : `${library}-${kind}`;
}

function html(name, css) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title>
<link rel="icon" href="data:,">
${css ? `<link rel="stylesheet" href="${name}.css">\n` : ''}<style>body{font:16px system-ui,sans-serif;margin:2rem;min-height:900px}</style>
<script type="module" src="${name}.js"></script>
</head>
<body></body>
</html>
`;
}

/**
 * Writes the pages into `outDir/pages` and our flag sprites into `outDir/assets`, where our
 * modules' `new URL('../../assets/flags.webp', import.meta.url)` finds them from `/pages/`.
 * Returns the bundle sizes and whether the sprites were there to copy.
 */
export async function buildPages(outDir, { minify = true } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  const pagesOut = join(outDir, 'pages');
  const common = {
    bundle: true,
    minify,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.json'),
    loader: { '.webp': 'file', '.png': 'file', '.svg': 'file' },
    outdir: pagesOut,
    metafile: true,
    logLevel: 'warning',
    // package.json's `sideEffects` names dist/ only; the pages import src/, where the elements call
    // `customElements.define` as a side effect of being imported.
    plugins: [keepSideEffects(join(root, 'src'))],
  };
  const sizes = {};
  for (const library of ['ours', 'theirs']) {
    const names = Object.keys(PAGES).filter((name) => PAGES[name].library === library);
    const result = await build({
      ...common,
      // Our phone rules, and libphonenumber-js for countries beyond the US and Canada, are dynamic imports: keep them chunks.
      splitting: true,
      chunkNames: `${library}-chunk-[hash]`,
      assetNames: `${library}-[name]-[hash]`,
      entryPoints: Object.fromEntries(names.map((name) => [name, join(pagesDir, `${name}.js`)])),
    });
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const entry = output.entryPoint && names.find((name) => output.entryPoint.endsWith(`${name}.js`));
      if (entry && file.endsWith('.js')) sizes[entry] = output.bytes + staticImportBytes(result.metafile, output);
    }
  }
  for (const [name, { css }] of Object.entries(PAGES)) writeFileSync(join(pagesOut, `${name}.html`), html(name, css));

  const assets = join(root, 'src', 'assets');
  const sprites = existsSync(assets) ? readdirSync(assets).filter((file) => file.endsWith('.webp')) : [];
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  for (const file of sprites) copyFileSync(join(assets, file), join(outDir, 'assets', file));
  return { sizes, sprites };
}

/** Bytes of the chunks an entry imports statically (loaded with the page). */
function staticImportBytes(metafile, output) {
  return output.imports
    .filter((imported) => imported.kind === 'import-statement')
    .reduce((bytes, imported) => bytes + (metafile.outputs[imported.path]?.bytes ?? 0), 0);
}
