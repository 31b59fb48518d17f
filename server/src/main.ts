// Starts the invite server from the environment: see README's "Server" section.
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from './app.js';
import { createRedisStores, type RedisStores } from './redis-stores.js';
import { createSimulatedProvider } from './simulated-provider.js';
import { loadTenantsFile } from './tenants.js';

const logger = pino();
const env = process.env;

function fail(message: string): never {
  logger.fatal(message);
  process.exit(1);
}

const secret = env.INVITE_JWT_SECRET ?? fail('Set INVITE_JWT_SECRET (at least 32 characters): the HS256 secret your app signs invite tokens with.');
const providerName = env.INVITE_PROVIDER ?? 'simulated';
if (providerName !== 'simulated') fail(`Unknown INVITE_PROVIDER ${JSON.stringify(providerName)}: only "simulated" ships.`);
const port = Number(env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
const hostname = env.HOST ?? '127.0.0.1';

/**
 * With REDIS_URL, everything the server keeps (rate limits, idempotency keys, calls and SMS sends
 * with their events) lives in Redis, so that every process on it acts as one server; without, in
 * this process's memory.
 */
let stores: RedisStores | undefined;
/** The Redis URL without its credentials, for the start line. */
let redisShown: string | undefined;
if (env.REDIS_URL) {
  const url = URL.canParse(env.REDIS_URL) ? new URL(env.REDIS_URL) : fail(`REDIS_URL must be a redis:// URL, got ${JSON.stringify(env.REDIS_URL)}`);
  stores = createRedisStores(env.REDIS_URL);
  // ioredis reconnects by itself; without a listener, each failed attempt would print a stack.
  stores.redis.on('error', (error: Error) => logger.warn({ err: error }, 'Redis connection error'));
  url.username = '';
  url.password = '';
  redisShown = url.href;
}

const app = createApp({
  jwtSecret: secret,
  logger,
  provider: createSimulatedProvider(),
  ...(stores ? { rateLimits: stores.rateLimits, idempotency: stores.idempotency, attempts: stores.attempts } : {}),
  corsOrigins: (env.INVITE_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
  ...(env.INVITE_TENANTS ? { tenants: await loadTenantsFile(env.INVITE_TENANTS).catch((error: Error) => fail(`INVITE_TENANTS: ${error.message}`)) } : {}),
});

const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  logger.info(
    { address: info.address, port: info.port, provider: providerName, tenants: env.INVITE_TENANTS ?? 'default', state: redisShown ? 'redis' : 'memory', ...(redisShown ? { redis: redisShown } : {}) },
    `invite server on http://${hostname}:${info.port}${redisShown ? ` (state in Redis at ${redisShown})` : ''}`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => void (stores?.close() ?? Promise.resolve()).finally(() => process.exit(0))));
}
