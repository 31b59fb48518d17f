// Server processes as a deployment runs them: `node dist/main.js` with its environment, on a free
// loopback port, stopped by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { apiAt, TEST_SECRET, token, type Server } from './support.js';

export interface ServerProcess extends Pick<Server, 'url' | 'api'> {
  child: ChildProcess;
  /** Everything it printed so far (its JSON log lines). */
  output(): string;
  /** Resolves with the first log line that `match` accepts, as soon as the process prints it. */
  logged(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

/** `node dist/main.js` with the environment given, once it listens. */
export async function startProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [new URL('../dist/main.js', import.meta.url).pathname], {
    env: { ...process.env, INVITE_JWT_SECRET: TEST_SECRET, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting = new Set<() => void>();
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const started = /"port":(\d+)/.exec(output);
      if (started) resolve(`http://127.0.0.1:${started[1]}`);
      for (const check of [...waiting]) check();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  const lines = (): Record<string, unknown>[] =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    url,
    child,
    api: apiAt(url, await token()),
    output: () => output,
    logged: (match) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const line = lines().find(match);
          if (line) {
            waiting.delete(check);
            resolve(line);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            waiting.delete(check);
            reject(new Error(`the server exited without logging the line:\n${output}`));
          }
        };
        waiting.add(check);
        check();
      }),
  };
}

/** Stops a process by its PID (SIGTERM, or SIGKILL for a crash) and waits for it to exit. */
export async function stopProcess({ child }: Pick<ServerProcess, 'child'>, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(child.pid!, signal);
  await exited;
}
