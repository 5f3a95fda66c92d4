// `npm start`: the whole product on one machine with no set-up. The central OMS on its embedded
// database under ./data (seeded with demo data on first run), the renderer built, then a
// station: Electron when its binary is installed, otherwise the web host in a browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

console.log('[start] building the station and starting the central OMS…');
const build = spawn(
  process.execPath,
  ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
run('central OMS', process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
  PORT: String(CENTRAL_PORT),
});
const buildExit = await finished(build);
if (buildExit !== 0) {
  console.error('[start] the station build failed');
  await stopAll(buildExit);
}
await waitForCentral(120_000);

const stationDataDir = process.env.STATION_DATA_DIR ?? 'data/station';
const enrolmentCode = existsSync(join(stationDataDir, 'credentials.json'))
  ? undefined
  : await createDemoStation();

const electron = electronBinary();
if (electron) {
  console.log('[start] launching the Electron packing station');
  run('station', electron, ['.'], {
    CENTRAL_URL,
    ...(enrolmentCode ? { STATION_ENROLMENT_CODE: enrolmentCode } : {}),
  });
} else {
  console.log('[start] Electron binary not available: starting the station web host');
  run('station', process.execPath, ['--import', 'tsx', 'src-main/web-host/main.ts'], {
    CENTRAL_URL,
    STATION_PORT: String(STATION_PORT),
    STATION_DATA_DIR: stationDataDir,
    ...(enrolmentCode ? { STATION_ENROLMENT_CODE: enrolmentCode } : {}),
  });
}
console.log(`[start] central OMS: ${CENTRAL_URL}  (API docs ${CENTRAL_URL}/docs)`);
console.log(`[start] packing station: http://127.0.0.1:${STATION_PORT}  — press Ctrl-C to stop`);
