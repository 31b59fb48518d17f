// Finds `redis-server` for the tests that run the server on Redis (server/scripts/redis-server.mjs), as the
// browsers are found (find-browsers.mjs): $REDIS_SERVER_PATH, then the Debian path; where apt-get
// is, a missing one is installed on the spot (as root) from the Debian package `redis-server`, so
// `npm install && npm test` works on a fresh Debian machine.
// `node scripts/find-redis.mjs` finds (or installs) it and prints its path.
import { fileURLToPath } from 'node:url';
import { findProgram } from './find-browsers.mjs';

/** The path of `redis-server`, installed first where it is missing and apt-get can; exits 1 otherwise. */
export function findRedisServer() {
  return findProgram({
    name: 'redis-server',
    env: 'REDIS_SERVER_PATH',
    paths: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'],
    apt: 'redis-server',
    purpose: 'the Redis tests',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(findRedisServer());
}
