// Prints what the package costs a host page, each figure beside its budget, measured the way a
// host's bundler would see it: esbuild bundles dist/ (bundle, minify, production Lit), then each
// file goes through `gzip -9 -n` (the gzip program, as the budget is stated, with no file name in
// the header).
// Exits non-zero when a figure is over its budget. Run `npm run build` first (done here if needed).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

const KB = 1000;
/** Bytes of `contents` once compressed by `gzip -9 -n`. */
const gzip = (contents) => execFileSync('gzip', ['-9', '-n', '-c'], { input: contents, maxBuffer: 1 << 26 }).length;
if (!existsSync('dist/index.js') || process.argv.includes('--build')) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });

/** Gzipped bytes of everything `source` loads, split into what import loads and what loads later. */
async function measure(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    outdir: '.cache/size',
    write: false,
    conditions: ['production'],
    metafile: true,
    logLevel: 'error',
  });
  const files = result.outputFiles.map((file) => {
    const output = result.metafile.outputs[`.cache/size/${file.path.split('/').at(-1)}`];
    return {
      name: file.path.split('/').at(-1),
      gzip: gzip(file.contents),
      inputs: Object.keys(output?.inputs ?? {}),
      imports: (output?.imports ?? []).filter((entry) => entry.kind === 'import-statement').map((entry) => entry.path.split('/').at(-1)),
    };
  });
  return files;
}

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const rows = [];
function row(name, bytes, budget) {
  rows.push({ name, bytes, budget, over: budget !== undefined && bytes > budget });
}

const all = await measure(`import './dist/index.js';`);
// Loaded only where a page needs them: libphonenumber-js and its complete metadata when a host
// allows countries beyond US and CA; every country's data then too, or to name the country of a
// refused number; the offer to replace curly quotes once a message turns Unicode; a shipped
// language when a page is in it.
const isFullMetadata = (file) => file.inputs.some((input) => input.includes('libphonenumber-js'));
const isAllCountries = (file) => file.inputs.some((input) => input.includes('intl-tel-input'));
const isTypographic = (file) => file.inputs.some((input) => input.includes('dist/sms/typographic.js'));
const isLanguage = (file) => file.inputs.length > 0 && file.inputs.every((input) => /dist\/i18n\/(?!en\.|index\.)/.test(input));
const sum = (files) => files.reduce((total, file) => total + file.gzip, 0);
const flows = all.filter((file) => !isFullMetadata(file) && !isAllCountries(file) && !isTypographic(file) && !isLanguage(file));
row('Register the three elements and complete both flows (Lit included)', sum(flows), 31.25 * KB);
/** The entry and every chunk it imports statically: what a page fetches when it imports the package. */
const atImport = new Set();
const visit = (name) => {
  if (atImport.has(name)) return;
  atImport.add(name);
  all.find((file) => file.name === name)?.imports.forEach(visit);
};
visit('stdin.js');
row('  of which loaded at import', sum(all.filter((file) => atImport.has(file.name))));
row('  of which loaded once a dialog is idle or opens, or a picker connects', sum(flows.filter((file) => !atImport.has(file.name))));

const usCa = gzip(readFileSync('dist/phone/metadata-us-ca.js'));
row('Phone metadata for US and CA', usCa, 2 * KB);
row('libphonenumber-js and complete metadata (lazy, only for other countries)', sum(all.filter(isFullMetadata)));
row('Every country’s data (lazy, for other countries or to name a refused one)', sum(all.filter(isAllCountries)));
row('Curly quote replacement (lazy, once a message turns Unicode)', sum(all.filter(isTypographic)));
for (const file of all.filter(isLanguage)) row(`Strings ${file.name.replace(/-\w+\.js$/, '')} (lazy, only for pages in that language)`, file.gzip);
// Its own entry, which the package entry never imports: only pages that use it pay for it.
row('createHttpTransport (invite-elements/http, only for pages that import it)', sum(await measure(`export { createHttpTransport } from './dist/http.js';`)), 2.25 * KB);
for (const flag of ['flags.webp', 'flags@2x.webp']) row(`Flag sprite ${flag} (fetched when a flag is shown)`, statSync(`dist/assets/${flag}`).size);

const width = Math.max(...rows.map((entryRow) => entryRow.name.length));
for (const { name, bytes, budget, over } of rows) {
  const verdict = budget === undefined ? '' : over ? `  OVER budget ${kb(budget)}` : `  within ${kb(budget)}`;
  console.log(`${name.padEnd(width)}  ${kb(bytes).padStart(9)}${verdict}`);
}
const failures = rows.filter((entryRow) => entryRow.over);
if (failures.length > 0) {
  console.error(`size: ${failures.length} figure(s) over budget`);
  process.exit(1);
}
