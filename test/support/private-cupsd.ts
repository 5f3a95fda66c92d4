/**
 * A throwaway CUPS scheduler for tests: its own config, spool and state under a temp dir, listening
 * only on a private Unix socket, so it never touches the machine's CUPS. Needs root (cupsd drops
 * to the `lp` user for filters and backends). Point clients at it with CUPS_SERVER=<socket>.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CUPSD = '/usr/sbin/cupsd';

export interface PrivateCupsd {
  socket: string;
  env: { CUPS_SERVER: string };
  /** Runs a CUPS client command (lpadmin, lpstat, cupsdisable...) against this scheduler. */
  run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string };
  stop(): Promise<void>;
}

function lpGroupId(): number {
  const result = spawnSync('getent', ['group', 'lp'], { encoding: 'utf8' });
  return Number(result.stdout.split(':')[2] ?? 7);
}

export interface CupsdConfig {
  root: string;
  socket: string;
  /** cupsd's arguments for these files: `-c cupsd.conf -s cups-files.conf`. */
  configArgs: string[];
}

/** Writes a private scheduler's config, spool and state dirs under a new temp dir. */
export function writePrivateCupsdConfig(): CupsdConfig {
  const root = mkdtempSync(join(tmpdir(), 'cupsd-test-'));
  chmodSync(root, 0o755);
  const dirs = {
    etc: join(root, 'etc'),
    spool: join(root, 'spool'),
    temp: join(root, 'spool', 'tmp'),
    cache: join(root, 'cache'),
    state: join(root, 'state'),
    log: join(root, 'log'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true, mode: 0o755 });
  const lp = lpGroupId();
  for (const dir of [dirs.spool, dirs.temp, dirs.cache, dirs.state]) chownSync(dir, 0, lp);
  chmodSync(dirs.spool, 0o710);
  chmodSync(dirs.temp, 0o1770);
  const socket = join(root, 'cups.sock');
  writeFileSync(
    join(dirs.etc, 'cupsd.conf'),
    [
      `Listen ${socket}`,
      'LogLevel warn',
      'WebInterface No',
      'Browsing No',
      'DefaultAuthType None',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dirs.etc, 'cups-files.conf'),
    [
      `ServerRoot ${dirs.etc}`,
      `RequestRoot ${dirs.spool}`,
      `TempDir ${dirs.temp}`,
      `CacheDir ${dirs.cache}`,
      `StateDir ${dirs.state}`,
      `AccessLog ${dirs.log}/access_log`,
      `ErrorLog ${dirs.log}/error_log`,
      `PageLog ${dirs.log}/page_log`,
      'User lp',
      'Group lp',
      'SystemGroup root',
      // The queue list cupsd keeps for old lpd clients. An empty `Printcap` used to turn it off;
      // cups-daemon 2.4.2-3+deb12u10 refuses an empty value, so it goes to a file of its own.
      `Printcap ${dirs.state}/printcap`,
      '',
    ].join('\n'),
  );

  const configArgs = ['-c', join(dirs.etc, 'cupsd.conf'), '-s', join(dirs.etc, 'cups-files.conf')];
  return { root, socket, configArgs };
}

export async function startPrivateCupsd(): Promise<PrivateCupsd> {
  const { root, socket, configArgs } = writePrivateCupsdConfig();
  const env = { CUPS_SERVER: socket };
  const run: PrivateCupsd['run'] = (command, args) => {
    const result = spawnSync(command, args, {
      encoding: 'utf8',
      env: { ...process.env, ...env, LANG: 'C', LC_ALL: 'C' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  const child: ChildProcess = spawn(CUPSD, ['-f', ...configArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  while (!/scheduler is running/.test(run('lpstat', ['-r']).stdout)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`cupsd did not start (exit ${child.exitCode}): ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { socket, env, run, stop };
}
