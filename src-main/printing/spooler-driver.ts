// The OS print spooler (CUPS on Linux/macOS, the Windows spooler) in RAW mode: the job's bytes go
// to the printer untouched. Two implementations share this interface: the N-API binding
// `@printers/printers` (preferred) and the CUPS `lp` command (fallback where the binding is absent).
import type { DriverSendResult, DriverStatus, PrinterDriver } from './driver';

export interface SpoolerQueue {
  queue: string;
  description: string | null;
}

export interface SpoolerDriver {
  readonly implementation: 'printers-binding' | 'lp-cli';
  listQueues(): Promise<SpoolerQueue[]>;
  queueStatus(queue: string): Promise<DriverStatus>;
  /** Hands the bytes to the spooler as a raw job; `ok` means the spooler accepted the job. */
  printRaw(queue: string, bytes: Uint8Array, jobName: string): Promise<DriverSendResult>;
}

/** A printer of kind `spooler`: status from the spooler's queue state, then the raw job. */
export function spoolerPrinterDriver(spooler: SpoolerDriver, queue: string): PrinterDriver {
  return {
    status: () => spooler.queueStatus(queue),
    async send(bytes, job) {
      const status = await spooler.queueStatus(queue);
      if (!status.ready)
        return {
          ok: false,
          delivery: 'none',
          reason: status.detail ?? 'the print queue is not accepting jobs',
          faults: status.faults,
        };
      return spooler.printRaw(queue, bytes, `station-${job.jobId}`);
    },
  };
}

export interface SpoolerLoadOptions {
  /** Environment for the spooler (e.g. CUPS_SERVER); the binding reads the process environment. */
  env?: NodeJS.ProcessEnv;
  /** Skip the binding even when installed (tests of the lp path). */
  implementation?: SpoolerDriver['implementation'];
}

/** The best spooler driver this station has, or null when it has none (no CUPS client, no binding). */
export async function loadSpoolerDriver(
  options: SpoolerLoadOptions = {},
): Promise<SpoolerDriver | null> {
  if (options.implementation !== 'lp-cli') {
    const { loadPrintersBinding } = await import('./printers-binding-spooler');
    const binding = await loadPrintersBinding();
    if (binding) return binding;
    if (options.implementation === 'printers-binding') return null;
  }
  const { lpSpoolerDriver, lpAvailable } = await import('./lp-spooler');
  return (await lpAvailable(options.env)) ? lpSpoolerDriver({ env: options.env }) : null;
}
