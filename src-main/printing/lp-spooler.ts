// The CUPS command-line client as a spooler driver: `lp -d <queue> -o raw` with the job on stdin,
// `lpstat` for queues and their state. CUPS_SERVER in `env` points it at a particular cupsd.
import { spawn } from 'node:child_process';
import type { DriverSendResult, DriverStatus } from './driver';
import type { SpoolerDriver, SpoolerQueue } from './spooler-driver';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv | undefined,
  input?: Uint8Array,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // LANG=C keeps lpstat's words ("idle", "disabled") parseable on a Dutch station.
    const child = spawn(command, args, {
      env: { ...process.env, ...env, LANG: 'C', LC_ALL: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

export async function lpAvailable(env?: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    await run('lpstat', ['-r'], env);
    return true;
  } catch {
    return false;
  }
}

/** `lpstat -p` lines: "printer zebra is idle.  enabled since …" / "printer zebra disabled since …". */
export function parseLpstatPrinters(
  output: string,
): { queue: string; enabled: boolean; line: string }[] {
  return output
    .split('\n')
    .map((line) => /^printer (\S+) (.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      queue: match[1] ?? '',
      enabled: !/\bdisabled\b/.test(match[2] ?? ''),
      line: match[0],
    }));
}

export function lpSpoolerDriver(options: { env?: NodeJS.ProcessEnv } = {}): SpoolerDriver {
  const { env } = options;
  return {
    implementation: 'lp-cli',
    async listQueues(): Promise<SpoolerQueue[]> {
      const result = await run('lpstat', ['-p'], env);
      // lpstat exits non-zero when there are no printers at all.
      return parseLpstatPrinters(result.stdout).map(({ queue }) => ({ queue, description: null }));
    },
    async queueStatus(queue): Promise<DriverStatus> {
      const result = await run('lpstat', ['-p', queue], env).catch((err: unknown) => ({
        code: -1,
        stdout: '',
        stderr: String(err),
      }));
      const printer = parseLpstatPrinters(result.stdout).find((entry) => entry.queue === queue);
      if (!printer)
        return {
          ready: false,
          faults: ['unknown-printer'],
          detail: result.stderr.trim() || `the spooler has no queue "${queue}"`,
        };
      return printer.enabled
        ? { ready: true, faults: [], detail: printer.line }
        : { ready: false, faults: ['spooler-stopped'], detail: printer.line };
    },
    async printRaw(queue, bytes, jobName): Promise<DriverSendResult> {
      try {
        const result = await run('lp', ['-d', queue, '-o', 'raw', '-t', jobName], env, bytes);
        if (result.code === 0) return { ok: true };
        // lp refused the job before CUPS stored it: nothing can print.
        return {
          ok: false,
          delivery: 'none',
          reason: result.stderr.trim() || `lp exited with ${result.code}`,
          faults: [],
        };
      } catch (err) {
        return {
          ok: false,
          delivery: 'none',
          reason: err instanceof Error ? err.message : String(err),
          faults: ['unknown-printer'],
        };
      }
    },
  };
}
