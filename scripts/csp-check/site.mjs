// The site csp-check serves: test/csp's page bundled as a host would ship it, the flag sprites
// where the bundle looks for them, and a way back from the bundle to src/ for violation reports.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { keepSideEffects } from '../browser-kit/index.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src');
const PAGE_DIR = join(ROOT, 'test', 'csp');

/** Writes the site into `dir`; returns the bundle's text, where the sprites went and the source map. */
export async function buildSite(dir) {
  const result = await build({
    entryPoints: { page: join(PAGE_DIR, 'page.ts') },
    outdir: join(dir, 'app'),
    bundle: true,
    format: 'esm',
    minify: true,
    conditions: ['production'],
    target: 'es2022',
    tsconfig: join(ROOT, 'tsconfig.json'),
    // External and unreferenced: the shipped file is unchanged, violations can still be traced to src/.
    sourcemap: 'external',
    plugins: [keepSideEffects(SRC)],
    logLevel: 'silent',
  });
  for (const warning of result.warnings) console.log(`  note: esbuild: ${warning.text}`);
  for (const file of ['index.html', 'page.css', 'canary.html']) copyFileSync(join(PAGE_DIR, file), join(dir, file));

  // The elements find the flag sprite with `new URL('…', import.meta.url)`: see where that points
  // from the bundle, and put the files there.
  const bundlePath = '/app/page.js';
  const bundle = readFileSync(join(dir, 'app', 'page.js'), 'utf8');
  const references = [...bundle.matchAll(/new URL\(\s*(["'`])([^"'`]+\.webp)\1\s*,\s*import\.meta\.url\s*\)/g)].map((match) => match[2]);
  const placed = [];
  for (const reference of new Set(references)) {
    const urlPath = new URL(reference, `http://host${bundlePath}`).pathname;
    const source = join(SRC, 'assets', urlPath.split('/').pop());
    if (!existsSync(source)) throw new Error(`${source} is missing: run npm install (scripts/copy-assets.mjs)`);
    const target = join(dir, ...urlPath.split('/').filter(Boolean));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
    placed.push(urlPath);
  }
  return { bundle, placed, map: JSON.parse(readFileSync(join(dir, 'app', 'page.js.map'), 'utf8')) };
}

/** Maps a line and column of the bundle to `src/…:line:column`, or to '' when it cannot. */
export async function tracer(map, dir) {
  try {
    const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
    const traced = new TraceMap(map);
    return (line, column) => {
      const position = originalPositionFor(traced, { line, column: Math.max(0, column - 1) });
      if (!position.source) return '';
      const file = relative(ROOT, fileURLToPath(new URL(position.source, pathToFileURL(join(dir, 'app', 'page.js.map')))));
      return `${file}:${position.line}:${position.column + 1}`;
    };
  } catch {
    return () => '';
  }
}
