// A real redis-server for the tests of the Redis stores: scripts/redis-server.mjs starts it.

export interface RunningRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  pid: number;
  /** Stops the server by its PID and waits for it to exit. */
  stop(): Promise<void>;
}

// Found at run time: the script has no types, and the path is the same from test/ and dist-test/.
const starter = new URL('../scripts/redis-server.mjs', import.meta.url).href;

/** Starts `redis-server` on a free loopback port and resolves once it answers PING. */
export async function startRedis(): Promise<RunningRedis> {
  const { startRedis: start } = (await import(starter)) as { startRedis: () => Promise<RunningRedis> };
  return start();
}
