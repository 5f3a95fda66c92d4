// `npm start`: the whole product on one machine with no set-up, built as it ships: the central
// OMS (bundled to dist/) on its embedded database under ./data, seeded with demo data on first
// run; the station (built by electron-vite): Electron when its binary is installed, otherwise the
// web host in a browser. On first run a demo station is created on the central OMS and the
// station enrols with its code.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildNodePrograms, NODE_PROGRAMS } from './build-node';

const CENTRAL_PORT = Number(process.env.PORT ?? 8080);
const STATION_PORT = Number(process.env.STATION_PORT ?? 5317);
const CENTRAL_URL = process.env.CENTRAL_URL ?? `http://127.0.0.1:${CENTRAL_PORT}`;
const children: ChildProcess[] = [];
let stopping = false;

function run(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  const child = spawn(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} stopped (${signal ?? `exit ${code}`}); stopping everything`);
      void stopAll(code ?? 1);
    }
  });
  return child;
}

function finished(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function waitForCentral(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${CENTRAL_URL}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `central OMS did not answer at ${CENTRAL_URL}/health within ${timeoutMs / 1000} s`,
  );
}

/** The Electron executable when it is installed; never triggers the package's lazy download. */
function electronBinary(): string | undefined {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const full = join(distDir, executable);
  return existsSync(pathFile) || process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? existsSync(full)
      ? full
      : undefined
    : undefined;
}

/** First start: a demo station for the Tilburg warehouse, enrolled by the station itself. */
async function createDemoStation(): Promise<string | undefined> {
  const response = await fetch(`${CENTRAL_URL}/v1/stations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${process.env.ADMIN_TOKEN ?? 'dev-admin-token'}`,
    },
    body: JSON.stringify({ warehouseCode: 'NL-TIL', name: 'Tilburg packing 1' }),
  });
  if (!response.ok) {
    console.error(
      `[start] could not create the demo station (HTTP ${response.status}); enrol it on its set-up screen`,
    );
    return undefined;
  }
  const { enrolmentCode } = (await response.json()) as { enrolmentCode: string };
  console.log(
    `[start] demo station created for warehouse NL-TIL (enrolment code ${enrolmentCode})`,
  );
  return enrolmentCode;
}

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const child of alive) child.kill('SIGTERM');
  await Promise.race([Promise.all(alive.map(finished)), new Promise((r) => setTimeout(r, 8000))]);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/**
 * Enrols the web host's station with the demo station's code, through the station API the set-up
 * screen uses; the web host may still be starting, so refused connections are retried.
 */
async function enrolWebStation(code: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${STATION_PORT}/station-api/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ centralUrl: CENTRAL_URL, code }),
        signal: AbortSignal.timeout(10_000),
      });
      const envelope = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!envelope.ok) {
        console.error(
          `[start] the station could not enrol (${envelope.error?.message ?? `HTTP ${response.status}`}); enter code ${code} on its set-up screen`,
        );
      }
      return;
    } catch (err) {
      if (Date.now() > deadline) {
        console.error(
          `[start] the station web host did not answer (${err instanceof Error ? err.message : err}); enter code ${code} on its set-up screen`,
        );
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

console.log('[start] building the station and starting the central OMS…');
const build = spawn(
  process.execPath,
  ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
await buildNodePrograms();
run('central OMS', process.execPath, ['--enable-source-maps', NODE_PROGRAMS.server], {
  PORT: String(CENTRAL_PORT),
});
const buildExit = await finished(build);
if (buildExit !== 0) {
  console.error('[start] the station build failed');
  await stopAll(buildExit);
}

const stationDataDir = process.env.STATION_DATA_DIR ?? 'data/station';
const needsEnrolment = !existsSync(join(stationDataDir, 'credentials.json'));
const electron = electronBinary();
if (electron) {
  await waitForCentral(120_000);
  const enrolmentCode = needsEnrolment ? await createDemoStation() : undefined;
  console.log('[start] launching the Electron packing station');
  run('station', electron, ['.'], {
    CENTRAL_URL,
    ...(enrolmentCode ? { STATION_ENROLMENT_CODE: enrolmentCode } : {}),
  });
} else {
  // The web host starts while the central OMS is still seeding, and is enrolled once it serves.
  console.log('[start] Electron binary not available: starting the station web host');
  run('station', process.execPath, ['--enable-source-maps', NODE_PROGRAMS.webHost], {
    CENTRAL_URL,
    STATION_PORT: String(STATION_PORT),
    STATION_DATA_DIR: stationDataDir,
  });
  await waitForCentral(120_000);
  const enrolmentCode = needsEnrolment ? await createDemoStation() : undefined;
  if (enrolmentCode) await enrolWebStation(enrolmentCode, 60_000);
}
console.log(`[start] central OMS: ${CENTRAL_URL}  (API docs ${CENTRAL_URL}/docs)`);
console.log(
  `[start] packing station: ${electron ? 'the Electron window' : `http://127.0.0.1:${STATION_PORT}`}  — press Ctrl-C to stop`,
);
