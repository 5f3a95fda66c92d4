// The central OMS as a real separate process (its esbuild bundle, as production runs it), for
// tests where the process's exit matters: database restarts, SIGKILL. Each test file builds its
// own bundle under dist/ (so parallel files never read a half-written one), and every process
// started here is killed when the test process exits, whatever happened.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNodePrograms } from '../../scripts/build-node';
import { freePort } from '../setup/postgres-cluster';
import { ADMIN_TOKEN } from './server-harness';

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface ServerBundle {
  program: string;
  remove(): void;
}

export async function buildServerBundle(): Promise<ServerBundle> {
  const outdir = join('dist', `test-${randomBytes(4).toString('hex')}`);
  await buildNodePrograms(outdir);
  return {
    program: join(outdir, 'server', 'main.js'),
    remove: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

export interface OmsProcess {
  url: string;
  pid: number;
  /** Exit code or signal once it ended; null while it runs. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM (a graceful stop), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export async function startOmsProcess(
  bundle: ServerBundle,
  env: NodeJS.ProcessEnv,
  readyWithinMs = 30_000,
  /** More `node` options, e.g. `--cpu-prof` (benchmarks). */
  nodeArgs: readonly string[] = [],
): Promise<OmsProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'oms-process-'));
  const child = spawn(process.execPath, [...nodeArgs, '--enable-source-maps', bundle.program], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_TOKEN,
      // The admin token opens the system routes in tests, as in automation.
      ADMIN_TOKEN_SCOPE: 'system',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let log = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const ended = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      live.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
      resolve();
    }),
  );
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const handle: OmsProcess = {
    url,
    pid: child.pid!,
    exited: () => exit,
    output: () => log,
    async kill(signal) {
      if (exit) return;
      child.kill(signal);
      await ended;
    },
    async stop() {
      if (exit) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await ended;
      clearTimeout(force);
    },
  };
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (exit) throw new Error(`the OMS exited while starting (${JSON.stringify(exit)}):\n${log}`);
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return handle;
    if (Date.now() > deadline) {
      await handle.kill('SIGKILL');
      throw new Error(`the OMS did not answer within ${readyWithinMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
