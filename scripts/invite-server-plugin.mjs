// A web-test-runner plugin: builds the invite server (server/), starts it on a free loopback port
// for the browser tests that run the dialog over HTTP, and tells them where it is and which tokens
// to send at /__invite-server.json. The simulated provider runs fast; rate limits are off, since
// both engines call the same numbers.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const INVITE_SERVER_PATH = '/__invite-server.json';
const ROLES = ['owner', 'moderator'];

export function inviteServerPlugin() {
  let server;
  let info;
  return {
    name: 'invite-server',
    async serverStart({ config }) {
      execFileSync('npm', ['run', '-s', 'build', '-w', 'invite-server'], { cwd: root, stdio: 'inherit' });
      const { createApp, createSimulatedProvider } = await import('../server/dist/index.js');
      const [{ serve }, { SignJWT }, { pino }] = await Promise.all([import('@hono/node-server'), import('jose'), import('pino')]);
      const secret = randomBytes(32).toString('hex');
      const origins = ['localhost', '127.0.0.1'].map((host) => `http://${host}:${config.port}`);
      const app = createApp({
        jwtSecret: secret,
        corsOrigins: origins,
        provider: createSimulatedProvider({ delays: 50 }),
        rateLimits: { take: () => Promise.resolve({ ok: true }) },
        logger: pino({ level: 'silent' }),
      });
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
      if (!server.listening) await once(server, 'listening');
      const key = new TextEncoder().encode(secret);
      const tokens = {};
      for (const role of ROLES) {
        tokens[role] = await new SignJWT({ role, tenant: 'acme', room: 'weekly-sync' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(`browser-test-${role}`)
          .setExpirationTime('2h')
          .sign(key);
      }
      info = { baseUrl: `http://127.0.0.1:${server.address().port}`, tokens };
    },
    serve(context) {
      if (context.path === INVITE_SERVER_PATH) return { body: JSON.stringify(info), type: 'json' };
      return undefined;
    },
    async serverStop() {
      server?.closeAllConnections?.();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    },
  };
}
