// Starts the real central OMS and the real station web host as child processes (their bundles,
// built by Playwright's global setup, as `npm start` runs them), on free ports on 127.0.0.1, for
// end-to-end tests. Each one can be stopped and started again (offline tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_PROGRAMS } from '../../../scripts/build-node';
import { freePort } from '../../setup/postgres-cluster';

export interface ManagedProcess {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

async function waitForUrl(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`process exited early (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${log()}`);
}

function managed(
  program: string,
  readyPath: string,
  port: number,
  env: NodeJS.ProcessEnv,
): ManagedProcess {
  let child: ChildProcess | undefined;
  let log = '';
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    output: () => log,
    async start() {
      child = spawn(process.execPath, ['--enable-source-maps', program], {
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
      await waitForUrl(url + readyPath, child, 60_000, () => log);
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
        setTimeout(() => running.kill('SIGKILL'), 10_000).unref();
      });
    },
  };
}

export async function centralOms(
  options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ManagedProcess> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'oms-central-'));
  return managed(NODE_PROGRAMS.server, '/health', port, {
    PORT: String(port),
    DATA_DIR: dataDir,
    // The demo catalogue, channels and packers, but no orders: each test places what it needs.
    SEED_DEMO: 'true',
    DEMO_PRODUCTS: '30',
    DEMO_ORDERS: '0',
    // Nor renewals of the demo subscriptions (the scheduler would place some at once).
    SUBSCRIPTION_SCHEDULER: 'off',
    ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    // The tests set up stations and packers with the admin token, as automation does.
    ADMIN_TOKEN_SCOPE: 'system',
    ...options.env,
  });
}

export const E2E_ADMIN_TOKEN = 'e2e-admin-token';

/** Creates a station for a warehouse on the central OMS and answers its one-time enrolment code. */
export async function createStationCode(
  centralUrl: string,
  warehouseCode = 'NL-TIL',
  name = 'E2E station',
): Promise<string> {
  const response = await fetch(`${centralUrl}/v1/stations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    body: JSON.stringify({ warehouseCode, name }),
  });
  if (response.status !== 201)
    throw new Error(`creating a station failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { enrolmentCode: string }).enrolmentCode;
}

export async function stationWebHost(
  centralUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ManagedProcess> {
  const port = await freePort();
  return managed(NODE_PROGRAMS.webHost, '/', port, {
    STATION_PORT: String(port),
    CENTRAL_URL: centralUrl,
    STATION_POLL_MS: '500',
    STATION_DATA_DIR: mkdtempSync(join(tmpdir(), 'oms-station-')),
    ...env,
  });
}
