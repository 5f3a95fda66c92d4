// `npm start` lets a user try offline work: the central OMS goes down (a crash, or the c key) and
// comes back while the station keeps running, and the station syncs again. Runs the processes the
// start script runs (its ProductProcesses, the bundled programs), on the embedded database as
// `npm start` does, on free ports on 127.0.0.1.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNodePrograms, NODE_PROGRAMS } from '../../scripts/build-node';
import { ProductProcesses } from '../../scripts/product-processes';
import { freePort } from '../setup/postgres-cluster';

const ADMIN_TOKEN = 'start-offline-admin';

async function answers(url: string, init?: RequestInit): Promise<Response | undefined> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
    return response.ok ? response : undefined;
  } catch {
    return undefined;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm start while the central OMS goes down and up', () => {
  let processes: ProductProcesses;
  let centralUrl: string;
  let stationUrl: string;
  const log: string[] = [];
  let stoppedEverything: number | null = null;
  let station: ChildProcess | undefined;

  /** Calls the station's own API, as its screens do. */
  async function stationApi<T>(method: string, args: unknown = {}): Promise<T> {
    const response = await fetch(`${stationUrl}/station-api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
      signal: AbortSignal.timeout(10_000),
    });
    const envelope = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
    if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
    return envelope.value as T;
  }

  const online = async () => (await stationApi<{ online: boolean }>('checkConnectivity')).online;

  /** The operators the station pulls through the central OMS (one page is enough). */
  const pulledOperators = () =>
    stationApi<{ documents: unknown[] }>('syncPull', {
      collection: 'operators',
      checkpoint: null,
      limit: 50,
    });

  beforeAll(async () => {
    await buildNodePrograms();
    const [centralPort, stationPort] = [await freePort(), await freePort()];
    centralUrl = `http://127.0.0.1:${centralPort}`;
    stationUrl = `http://127.0.0.1:${stationPort}`;
    processes = new ProductProcesses({
      central: {
        command: process.execPath,
        args: [NODE_PROGRAMS.server],
        env: {
          PORT: String(centralPort),
          DATA_DIR: mkdtempSync(join(tmpdir(), 'oms-start-central-')),
          SEED_DEMO: 'true',
          DEMO_PRODUCTS: '10',
          DEMO_ORDERS: '0',
          ADMIN_TOKEN,
          ADMIN_TOKEN_SCOPE: 'system',
          LOG_LEVEL: 'warn',
        },
      },
      stdio: 'ignore',
      log: (line) => log.push(line),
      onStopped: (code) => (stoppedEverything = code),
      graceMs: 5000,
    });
    processes.startCentral();
    await until('central /health', () => answers(`${centralUrl}/health`));
    const created = await fetch(`${centralUrl}/v1/stations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ warehouseCode: 'NL-TIL', name: 'Offline try-out' }),
    });
    expect(created.status).toBe(201);
    const { enrolmentCode } = (await created.json()) as { enrolmentCode: string };
    station = processes.startEssential('station', {
      command: process.execPath,
      args: [NODE_PROGRAMS.webHost],
      env: {
        CENTRAL_URL: centralUrl,
        STATION_PORT: String(stationPort),
        STATION_DATA_DIR: mkdtempSync(join(tmpdir(), 'oms-start-station-')),
        STATION_ENROLMENT_CODE: enrolmentCode,
        STATION_POLL_MS: '500',
      },
    });
    await until('station enrolled', async () => {
      const enrolment = await stationApi<{ enrolled: boolean }>('getEnrolment').catch(() => null);
      return enrolment?.enrolled ? true : undefined;
    });
  }, 180_000);

  afterAll(async () => {
    await processes?.stopAll();
  });

  it('keeps the station running when the central OMS crashes, and syncs once it is started again', async () => {
    expect((await pulledOperators()).documents.length).toBeGreaterThan(0);

    // A crash: the central OMS is killed from outside, not asked to stop.
    process.kill(processes.centralProcess!.pid!, 'SIGKILL');
    await until('central gone', async () => (processes.centralRunning ? undefined : true));
    expect(log).toContain(
      '[start] central OMS stopped (SIGKILL); the station keeps running and works offline',
    );
    await until('station offline', async () => ((await online()) ? undefined : true));
    // The station's own API answers (its screens are built separately; the API is what runs).
    expect(await stationApi<{ enrolled: boolean }>('getEnrolment')).toMatchObject({
      enrolled: true,
    });
    await expect(pulledOperators()).rejects.toThrow(/offline/);
    expect(stoppedEverything).toBeNull();

    processes.startCentral();
    await until('station online again', async () => ((await online()) ? true : undefined));
    expect((await pulledOperators()).documents.length).toBeGreaterThan(0);
  }, 120_000);

  it('takes the central OMS down and up with the c key while the station keeps serving', async () => {
    expect(await processes.toggleCentral()).toBe('stopped');
    expect(processes.centralRunning).toBe(false);
    await until('station offline', async () => ((await online()) ? undefined : true));
    // The station's own API answers (its screens are built separately; the API is what runs).
    expect(await stationApi<{ enrolled: boolean }>('getEnrolment')).toMatchObject({
      enrolled: true,
    });
    expect(log.some((line) => line.includes('the station keeps running'))).toBe(true);

    expect(await processes.toggleCentral()).toBe('started');
    await until('station online again', async () => ((await online()) ? true : undefined));
    expect((await pulledOperators()).documents.length).toBeGreaterThan(0);
    expect(stoppedEverything).toBeNull();
  }, 120_000);

  it('still stops everything when the station stops', async () => {
    const central = processes.centralProcess!;
    station!.kill('SIGKILL');
    await until('everything stopped', async () => (stoppedEverything === null ? undefined : true));
    expect(central.exitCode !== null || central.signalCode !== null).toBe(true);
    expect(log.some((line) => line.includes('station stopped'))).toBe(true);
  }, 60_000);
});
