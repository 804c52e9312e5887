/** `npm start` as an operator runs it: a child process, its exit code, its output. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

const SECRET = 'pa55-w0rd-never-shown';
// Starting node with tsx and the bot's dependencies takes seconds on a busy machine.
const PROCESS_TIMEOUT_MS = 60_000;

function startProcess(env: Record<string, string>) {
  // Only what node needs, plus the test's variables: no MONGODB_URI from the test run.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('bot/main.ts', () => {
  it(
    'stops with exit code 1 and one message naming the bad variables, without their values',
    async () => {
      const run = startProcess({ PORT: 'abc', MICROSOFT_APP_PASSWORD: SECRET });
      expect(await run.exited).toBe(1);
      const { stdout, stderr } = run.output();
      expect(stdout).toBe('');
      expect(stderr).toContain('Configuration error');
      expect(stderr).toContain('PORT: must be a whole number');
      expect(stderr).toContain('MICROSOFT_APP_ID: is required when MICROSOFT_APP_PASSWORD is set');
      expect(stderr).not.toContain(SECRET);
      expect(stderr).not.toMatch(/\s+at .*\.ts:\d+/); // no stack trace
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'serves, says it runs in local mode, and exits 0 on SIGTERM',
    async () => {
      const run = startProcess({ PORT: '0', LOG_LEVEL: 'info' });
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const started = /"url":"(http:\/\/[^"]+)".*"msg":"Convenantbot started"/.exec(run.output().stdout);
          if (started?.[1]) {
            clearInterval(timer);
            resolve(started[1]);
          }
        }, 50);
        void run.exited.then((code) => {
          clearInterval(timer);
          reject(new Error(`exited early with ${code}: ${run.output().stderr}`));
        });
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(run.output().stdout).toContain('Local mode');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output().stdout).toContain('"graceful":true');
    },
    PROCESS_TIMEOUT_MS,
  );
});
