// `npm run bench:start`: how long `npm start` takes to a working station, as on a fresh machine:
// an empty data directory, no station build (out/ removed) and a cold TypeScript cache (a new
// TMPDIR for tsx). Measured from spawning `npm start`: the central OMS answers /health, the
// station page is served, the station is enrolled, Chromium has loaded the page and its first
// sync is done (the working station), and the central OMS has written the demo's orders and
// history. Then Ctrl-C (SIGINT to the process group, as a terminal sends it) until every process
// has exited. Last, a restart on the data just made, as the baseline. Goal (issue 2): a working
// station within 20 s. Writes docs/benchmarks.md "## Start".
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { freePort } from '../test/setup/postgres-cluster';
import { launchChromium } from './support/chromium';
import { writeBenchmarkSection } from './support/report';

const FRESH_RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const GOAL_MS = 20_000;
const POLL_MS = 50;

interface StartRun {
  label: string;
  healthMs: number;
  pageMs: number;
  enrolledMs: number;
  pageLoadedMs: number;
  firstSyncMs: number;
  received: number;
  /** When the central OMS logged its demo activity (orders, shipped history) written; fresh starts only. */
  demoWrittenMs: number | null;
  stopMs: number;
}

async function answers(url: string, init?: RequestInit): Promise<Response | undefined> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
    return response.ok ? response : undefined;
  } catch {
    return undefined;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 120 s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

async function measureStart(
  browser: Browser,
  label: string,
  env: NodeJS.ProcessEnv,
  expectDemo: boolean,
): Promise<StartRun> {
  const centralUrl = `http://127.0.0.1:${env.PORT}`;
  const stationUrl = `http://127.0.0.1:${env.STATION_PORT}`;
  const started = Date.now();
  const since = () => Date.now() - started;
  // Its own process group, so SIGINT reaches npm and everything it started, as Ctrl-C does.
  const child = spawn('npm', ['start'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let demoWrittenMs: number | null = null;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (demoWrittenMs === null && output.includes('demo shipped history and returns seeded'))
      demoWrittenMs = since();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  try {
    const [healthMs, pageMs] = await Promise.all([
      until('central /health', async () =>
        (await answers(`${centralUrl}/health`)) ? since() : undefined,
      ),
      until('station page', async () => ((await answers(stationUrl)) ? since() : undefined)),
    ]);
    const enrolledMs = await until('station enrolment', async () => {
      const response = await answers(`${stationUrl}/station-api/getEnrolment`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const envelope = (await response?.json()) as { value?: { enrolled: boolean } } | undefined;
      return envelope?.value?.enrolled ? since() : undefined;
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(stationUrl);
    const pageLoadedMs = since();
    const indicator = page.locator('[data-testid=sync-indicator][data-first-sync=done]');
    await indicator.waitFor({ timeout: 120_000 });
    const firstSyncMs = since();
    const received = Number(await indicator.getAttribute('data-received'));
    await context.close();
    if (expectDemo) await until('demo activity written', async () => demoWrittenMs ?? undefined);

    const stopping = Date.now();
    process.kill(-child.pid!, 'SIGINT');
    await until('every process stopped', async () => (groupAlive(child) ? undefined : true));
    const stopMs = Date.now() - stopping;
    return {
      label,
      healthMs,
      pageMs,
      enrolledMs,
      pageLoadedMs,
      firstSyncMs,
      received,
      demoWrittenMs,
      stopMs,
    };
  } catch (err) {
    if (groupAlive(child)) process.kill(-child.pid!, 'SIGKILL');
    console.error(output.slice(-4000));
    throw err;
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

const browser = await launchChromium();
const runs: StartRun[] = [];
const scratch: string[] = [];
try {
  for (let i = 0; i < FRESH_RUNS; i++) {
    rmSync('out', { recursive: true, force: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-data-'));
    const tsxCache = mkdtempSync(join(tmpdir(), 'bench-start-tmp-'));
    scratch.push(dataDir, tsxCache);
    const env = {
      DATA_DIR: dataDir,
      STATION_DATA_DIR: join(dataDir, 'station'),
      TMPDIR: tsxCache,
      PORT: String(await freePort()),
      STATION_PORT: String(await freePort()),
    };
    const fresh = await measureStart(browser, `fresh start ${i + 1}`, env, true);
    runs.push(fresh);
    console.log(fresh);
    if (i === FRESH_RUNS - 1) {
      const restart = await measureStart(browser, 'restart (same data)', env, false);
      runs.push(restart);
      console.log(restart);
    }
  }
} finally {
  await browser.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}

const freshRuns = runs.filter((r) => r.label.startsWith('fresh'));
const worst = Math.max(...freshRuns.map((r) => r.firstSyncMs));
const restart = runs.at(-1)!;
const verdict = worst <= GOAL_MS ? 'met' : 'NOT met';
console.log(
  `working station (first sync done) after at most ${seconds(worst)} s on a fresh start: goal ${seconds(GOAL_MS)} s ${verdict}`,
);

const rows = runs
  .map(
    (r) =>
      `| ${r.label} | ${seconds(r.healthMs)} s | ${seconds(r.pageMs)} s | ${seconds(r.enrolledMs)} s | ${seconds(r.pageLoadedMs)} s | ${seconds(r.firstSyncMs)} s (${r.received} documents) | ${r.demoWrittenMs === null ? '—' : `${seconds(r.demoWrittenMs)} s`} | ${seconds(r.stopMs)} s |`,
  )
  .join('\n');
await writeBenchmarkSection(
  'Start',
  `## Start

\`npm run bench:start\` — \`npm start\` as on a fresh machine: empty data directory, no station build, cold TypeScript cache (${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}). Times from spawning \`npm start\`. The central OMS answers once its database exists and the demo catalogue is in; the 2,000 demo orders (through the real intake) and the shipped history are written while it serves, so the station receives part of its work live. The web host station is enrolled with a demo station's code; Chromium then opens it and waits for its first sync. "Stopped" is from Ctrl-C until every process has exited.

| run | central answers | station page served | station enrolled | page loaded in Chromium | first sync done | demo orders and history written | stopped after Ctrl-C |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows}

Goal: a working station within ${seconds(GOAL_MS)} s — slowest fresh start ${seconds(worst)} s, **${verdict}**. Baseline, a restart on the same data: ${seconds(restart.firstSyncMs)} s (fresh start ÷ restart = ${(worst / restart.firstSyncMs).toFixed(1)}×).
`,
);
