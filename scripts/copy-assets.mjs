// Copies the flag sprites that intl-tel-input ships next to our modules, so that
// `new URL('../assets/…', import.meta.url)` resolves the same way in src/ (dev, tests)
// and in dist/ (the published package). The images are never committed twice.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const source = join(dirname(require.resolve('intl-tel-input/package.json')), 'dist', 'img');
const target = process.argv[2] ?? 'src/assets';

mkdirSync(target, { recursive: true });
for (const file of ['flags.webp', 'flags@2x.webp']) {
  copyFileSync(join(source, file), join(target, file));
}
