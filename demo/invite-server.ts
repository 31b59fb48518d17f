// The invite server inside the demo's dev server: `npm start` serves the page and, on the same
// origin, the server's /v1 routes (in memory, simulated provider), plus /demo/token?role=…, which
// mints the token a host's own app would mint for the person signed in. Demo only: the secret is
// made at start and never leaves this process.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROLES = ['owner', 'moderator', 'participant', 'guest'];

export function inviteServer(): Plugin {
  return {
    name: 'invite-server',
    apply: 'serve',
    async configureServer(server) {
      execFileSync('npm', ['run', '-s', 'build', '-w', 'invite-server'], { cwd: root, stdio: 'inherit' });
      // Built just now: a path vite resolves at run time, not at config time.
      const dist = new URL('../server/dist/index.js', import.meta.url).href;
      // Typed here rather than imported: server/ type-checks on its own, once the library is built.
      const { createApp } = (await import(/* @vite-ignore */ dist)) as {
        createApp(options: { jwtSecret: string; rateLimits: { take(): Promise<{ ok: true }> } }): { fetch(request: Request): Response | Promise<Response> };
      };
      const [{ getRequestListener }, { SignJWT }] = await Promise.all([import('@hono/node-server'), import('jose')]);
      const secret = randomBytes(32).toString('hex');
      const key = new TextEncoder().encode(secret);
      // The demo invites the same numbers again and again: no rate limits here.
      const app = createApp({ jwtSecret: secret, rateLimits: { take: () => Promise.resolve({ ok: true }) } });
      const api = getRequestListener(app.fetch);
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://demo');
        if (url.pathname.startsWith('/v1/')) return void api(request, response);
        if (url.pathname !== '/demo/token') return next();
        const role = url.searchParams.get('role') ?? '';
        if (!ROLES.includes(role)) {
          response.statusCode = 400;
          return void response.end();
        }
        void new SignJWT({ role, tenant: 'demo', room: 'weekly-sync', name: 'Ada' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(`demo-${role}`)
          .setExpirationTime('1h')
          .sign(key)
          .then((token) => {
            response.setHeader('content-type', 'text/plain');
            response.end(token);
          });
      });
    },
  };
}
