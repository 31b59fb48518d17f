/**
 * Loads a CommonJS package in the test browser. `sms-segments-calculator` is published as
 * CommonJS only (`exports.X = …`, `require(…)`), and the dev server serves files from
 * node_modules as they are: imported as a module, its entry throws `exports is not defined`.
 * Its TypeScript sources are ES modules, but they import `grapheme-splitter`, which is CommonJS
 * too and has no default export to give. So this fetches each file, follows its `require` calls
 * to the files they name, and runs them with `module`, `exports` and `require` in scope.
 * Nothing is bundled or written to disk.
 */

interface LoadedModule {
  exports: unknown;
}

const REQUIRE_CALL = /\brequire\(\s*["']([^"']+)["']\s*\)/g;

async function fetchText(url: URL): Promise<string | undefined> {
  const response = await fetch(url);
  return response.ok ? response.text() : undefined;
}

function withJsExtension(url: URL): URL {
  return url.pathname.endsWith('.js') ? url : new URL(`${url.pathname}.js`, url);
}

/**
 * A bare specifier (`pkg`, or `pkg/path/in/it`), looked up in the project's node_modules: the
 * dev server serves from the project root, and npm hoists these packages there. Walking up
 * from each file as Node does would only add 404s to the test output.
 */
async function resolvePackage(specifier: string): Promise<URL> {
  const [name, ...subpath] = specifier.split('/');
  const root = new URL(`/node_modules/${name}/`, location.origin);
  if (subpath.length > 0) return withJsExtension(new URL(subpath.join('/'), root));
  const manifest = await fetchText(new URL('package.json', root));
  if (manifest === undefined) throw new Error(`Cannot find package ${name} in ${root.href}`);
  const { main } = JSON.parse(manifest) as { main?: string };
  return withJsExtension(new URL(main ?? 'index.js', root));
}

function resolve(specifier: string, from: URL): Promise<URL> | URL {
  return specifier.startsWith('.') ? withJsExtension(new URL(specifier, from)) : resolvePackage(specifier);
}

/** Every file reachable from `entry` through `require`, with what each `require` call resolves to. */
async function collect(entry: URL): Promise<Map<string, { source: string; requires: Map<string, string> }>> {
  const files = new Map<string, { source: string; requires: Map<string, string> }>();
  const pending = [entry];
  for (let url = pending.pop(); url !== undefined; url = pending.pop()) {
    if (files.has(url.href)) continue;
    const source = await fetchText(url);
    if (source === undefined) throw new Error(`Cannot load ${url.href}`);
    const requires = new Map<string, string>();
    files.set(url.href, { source, requires });
    for (const [, specifier] of source.matchAll(REQUIRE_CALL)) {
      const target = await resolve(specifier, url);
      requires.set(specifier, target.href);
      pending.push(target);
    }
  }
  return files;
}

/** Loads a CommonJS module by bare specifier (`pkg` or `pkg/path/in/it`, not scoped) and returns its exports. */
export async function loadCommonJs<T>(specifier: string): Promise<T> {
  const entry = await resolvePackage(specifier);
  const files = await collect(entry);
  const cache = new Map<string, LoadedModule>();

  const load = (href: string): unknown => {
    const cached = cache.get(href);
    if (cached) return cached.exports;
    const file = files.get(href);
    if (!file) throw new Error(`Not collected: ${href}`);
    const module: LoadedModule = { exports: {} };
    cache.set(href, module);
    const require = (specifier: string): unknown => {
      const target = file.requires.get(specifier);
      if (target === undefined) throw new Error(`${href}: require('${specifier}') is not a literal this loader followed`);
      return load(target);
    };
    // sourceURL names the file in stack traces, should the oracle itself throw.
    new Function('module', 'exports', 'require', `${file.source}\n//# sourceURL=${href}`)(module, module.exports, require);
    return module.exports;
  };

  return load(entry.href) as T;
}
