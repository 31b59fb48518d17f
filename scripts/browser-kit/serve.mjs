import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/** The only files served: anything else is a 404, which the scripts count as a failed request. */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the files below `root` on 127.0.0.1 at a random port, uncached and unsniffed, with
 * `headers` (a Content-Security-Policy, say) on every response. `requests` remembers which paths
 * were served and which were not found.
 */
export async function serve(root, { headers = {} } = {}) {
  const base = resolve(root);
  const requests = { served: new Set(), missing: new Set() };
  const server = createServer(async (request, response) => {
    for (const [name, value] of Object.entries({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers })) {
      response.setHeader(name, value);
    }
    const path = decodeURIComponent(new URL(request.url, 'http://host').pathname);
    // Asked for by the browser itself, not by the page.
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    const type = TYPES[extname(file)];
    const body = type && file.startsWith(base + sep) ? await readFile(file).catch(() => undefined) : undefined;
    if (!body) {
      requests.missing.add(path);
      return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
    requests.served.add(path);
    response.writeHead(200, { 'Content-Type': type }).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}
