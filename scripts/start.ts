// `npm start`: the whole product on one machine with no set-up, built as it ships: the central
// OMS (bundled to dist/) on its embedded database under ./data, seeded with demo data on first
// run; the station (built by electron-vite): Electron when its binary is installed, otherwise the
// web host in a browser. On first run a demo station is created on the central OMS and the
// station enrols with its code.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEMO_PEOPLE, demoPassword } from '../src-server/people/demo-people';
import { SESSION_COOKIE } from '../src-server/people/sessions';
import { buildBackoffice } from './build-backoffice';
import { buildNodePrograms, NODE_PROGRAMS } from './build-node';
import { ProductProcesses } from './product-processes';

const CENTRAL_PORT = Number(process.env.PORT ?? 8080);
const STATION_PORT = Number(process.env.STATION_PORT ?? 5317);
const CENTRAL_URL = process.env.CENTRAL_URL ?? `http://127.0.0.1:${CENTRAL_PORT}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const processes = new ProductProcesses({
  central: {
    command: process.execPath,
    args: ['--enable-source-maps', NODE_PROGRAMS.server],
    env: { PORT: String(CENTRAL_PORT) },
  },
  onStopped: (code) => exit(code),
  afterExit: () => keepRawMode(),
  restartHint: process.stdin.isTTY
    ? 'Press c to start it again'
    : 'Start it alone with npm run server:prod',
});

function exit(code: number): never {
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  process.exit(code);
}

function stopAll(code: number): void {
  void processes.stopAll().then(() => exit(code));
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

let listeningForKeys = false;

/**
 * A Node child that shares the terminal puts back, as it exits, the terminal mode it started with
 * (cooked, if it started before the keys were listened to): raw mode is set again, or the next
 * key would wait for Enter.
 */
function keepRawMode(): void {
  if (!listeningForKeys || !process.stdin.isTTY) return;
  process.stdin.setRawMode(false);
  process.stdin.setRawMode(true);
}

/**
 * Keys in the terminal: c takes the central OMS down or brings it back while the station keeps
 * running (trying offline work), q or Ctrl-C stops everything. Raw mode turns Ctrl-C into a key.
 */
function listenForKeys(): void {
  if (!process.stdin.isTTY) return;
  listeningForKeys = true;
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (key: string) => {
    if (key === 'c' || key === 'C') void processes.toggleCentral();
    else if (key === 'q' || key === 'Q' || key === '\u0003') stopAll(0);
  });
  process.stdin.resume();
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
    await sleep(250);
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

/**
 * Signs in as the demo admin (its password derives from DEMO_SEED, as the central OMS logs it):
 * the admin token only creates the first admin, so the demo station is made by a person.
 */
async function demoAdminHeaders(): Promise<Record<string, string> | undefined> {
  const response = await fetch(`${CENTRAL_URL}/v1/people/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: DEMO_PEOPLE[0]!.email,
      password: demoPassword(process.env.DEMO_SEED ?? 'packing-oms-demo'),
    }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!response.ok || !cookie) return undefined;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0]!, 'x-csrf-token': csrfToken };
}

/** First start: a demo station for the Tilburg warehouse, enrolled by the station itself. */
async function createDemoStation(): Promise<string | undefined> {
  const signedIn = await demoAdminHeaders();
  const response = await fetch(`${CENTRAL_URL}/v1/stations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signedIn ?? { authorization: `Bearer ${process.env.ADMIN_TOKEN ?? 'dev-admin-token'}` }),
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
      // Only a refused connection is safe to retry: a request that timed out may have used the code.
      const refused = (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
      if (!refused || Date.now() > deadline) {
        console.error(
          `[start] the station web host did not answer (${err instanceof Error ? err.message : err}); enter code ${code} on its set-up screen`,
        );
        return;
      }
      await sleep(100);
    }
  }
}

async function main(): Promise<void> {
  console.log('[start] building the station and starting the central OMS…');
  const build = spawn(
    process.execPath,
    ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  processes.track(build);
  const built = new Promise<number>((resolve) => build.once('exit', (code) => resolve(code ?? 1)));
  await Promise.all([buildNodePrograms(), buildBackoffice()]);
  processes.startCentral();
  const buildExit = await built;
  if (processes.isStopping) return;
  if (buildExit !== 0) throw new Error('the station build failed');

  const stationDataDir = process.env.STATION_DATA_DIR ?? 'data/station';
  const needsEnrolment = !existsSync(join(stationDataDir, 'credentials.json'));
  const electron = electronBinary();
  if (electron) {
    await waitForCentral(120_000);
    const enrolmentCode = needsEnrolment ? await createDemoStation() : undefined;
    console.log('[start] launching the Electron packing station');
    processes.startEssential('station', {
      command: electron,
      args: ['.'],
      env: { CENTRAL_URL, ...(enrolmentCode ? { STATION_ENROLMENT_CODE: enrolmentCode } : {}) },
    });
  } else {
    // The web host starts while the central OMS is still seeding, and is enrolled once it serves.
    console.log('[start] Electron binary not available: starting the station web host');
    processes.startEssential('station', {
      command: process.execPath,
      args: ['--enable-source-maps', NODE_PROGRAMS.webHost],
      env: { CENTRAL_URL, STATION_PORT: String(STATION_PORT), STATION_DATA_DIR: stationDataDir },
    });
    await waitForCentral(120_000);
    const enrolmentCode = needsEnrolment ? await createDemoStation() : undefined;
    if (enrolmentCode) await enrolWebStation(enrolmentCode, 60_000);
  }
  if (processes.isStopping) return;
  console.log(
    `[start] central OMS: ${CENTRAL_URL}  (back office at /, sign in as ${DEMO_PEOPLE[0]!.email}; API docs ${CENTRAL_URL}/docs)`,
  );
  console.log(
    `[start] packing station: ${electron ? 'the Electron window' : `http://127.0.0.1:${STATION_PORT}`}`,
  );
  console.log(
    process.stdin.isTTY
      ? '[start] press c to stop or start the central OMS (the station keeps running), q or Ctrl-C to stop everything'
      : '[start] Ctrl-C stops everything; the station keeps running if the central OMS stops',
  );
  listenForKeys();
}

main().catch((err: unknown) => {
  if (processes.isStopping) return;
  console.error(`[start] ${err instanceof Error ? err.message : String(err)}; stopping everything`);
  stopAll(1);
});
