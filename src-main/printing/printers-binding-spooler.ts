// The OS spooler through `@printers/printers` (Rust, N-API, prebuilt: no compiler, no Electron
// rebuild). Loaded lazily, so a station without the package still starts and falls back to `lp`.
import type { PrinterFault } from '../../shared/station-api/printing';
import type { DriverStatus } from './driver';
import type { SpoolerDriver } from './spooler-driver';

/** The part of the package's API this driver uses (its README, 0.8). */
interface BindingPrinter {
  name: string;
  state?: string;
  stateReasons?: string[];
  location?: string;
  printBytes(
    data: Uint8Array,
    options?: { jobName?: string; waitForCompletion?: boolean; raw?: Record<string, string> },
  ): Promise<number>;
}

interface PrintersBinding {
  getAllPrinters(): BindingPrinter[];
  getPrinterByName(name: string): BindingPrinter | null;
}

const PACKAGE = '@printers/printers';

function isBinding(module: unknown): module is PrintersBinding {
  if (typeof module !== 'object' || module === null) return false;
  const candidate = module as Record<string, unknown>;
  return (
    typeof candidate.getAllPrinters === 'function' &&
    typeof candidate.getPrinterByName === 'function'
  );
}

/** CUPS state reasons that stop printing ("media-empty-error", "paused"...), mapped to our faults. */
export function faultsFromStateReasons(
  state: string | undefined,
  reasons: readonly string[],
): PrinterFault[] {
  const faults = new Set<PrinterFault>();
  if (state === 'paused') faults.add('spooler-stopped');
  if (state === 'offline') faults.add('unreachable');
  for (const reason of reasons) {
    if (!/-(error|stopped)$|^paused$|offline/.test(reason)) continue;
    if (reason.startsWith('media-empty') || reason.startsWith('media-needed'))
      faults.add('paper-out');
    else if (reason.startsWith('marker-supply-empty')) faults.add('ribbon-out');
    else if (reason.startsWith('cover-open') || reason.startsWith('door-open'))
      faults.add('head-up');
    else if (reason === 'paused' || reason.endsWith('-stopped')) faults.add('spooler-stopped');
    else faults.add('unreachable');
  }
  return [...faults];
}

export async function loadPrintersBinding(): Promise<SpoolerDriver | null> {
  let module: unknown;
  try {
    // A variable specifier keeps bundlers and tsc from resolving a package that may be absent.
    const specifier: string = PACKAGE;
    module = await import(/* @vite-ignore */ specifier);
  } catch {
    return null;
  }
  const binding = isBinding(module)
    ? module
    : isBinding((module as { default?: unknown }).default)
      ? (module as { default: PrintersBinding }).default
      : null;
  if (!binding) return null;

  const status = (printer: BindingPrinter | null, queue: string): DriverStatus => {
    if (!printer)
      return {
        ready: false,
        faults: ['unknown-printer'],
        detail: `the spooler has no queue "${queue}"`,
      };
    const faults = faultsFromStateReasons(
      printer.state,
      (printer.stateReasons ?? []).filter((reason) => reason !== 'none'),
    );
    return {
      ready: faults.length === 0,
      faults,
      detail: [printer.state, ...(printer.stateReasons ?? [])].filter(Boolean).join(', ') || null,
    };
  };

  return {
    implementation: 'printers-binding',
    async listQueues() {
      return binding
        .getAllPrinters()
        .map((printer) => ({ queue: printer.name, description: printer.location || null }));
    },
    async queueStatus(queue) {
      // getPrinterByName's object does not carry state in 0.8; the listing does, freshly read.
      return status(binding.getAllPrinters().find((p) => p.name === queue) ?? null, queue);
    },
    async printRaw(queue, bytes, jobName) {
      const printer = binding.getPrinterByName(queue);
      if (!printer)
        return {
          ok: false,
          delivery: 'none',
          reason: `the spooler has no queue "${queue}"`,
          faults: ['unknown-printer'],
        };
      try {
        // Accepted by the spooler is enough: the spooler, not the station, owns delivery from here.
        await printer.printBytes(bytes, {
          jobName,
          waitForCompletion: false,
          raw: { 'document-format': 'application/vnd.cups-raw' },
        });
        return { ok: true };
      } catch (err) {
        return {
          ok: false,
          delivery: 'none',
          reason: err instanceof Error ? err.message : String(err),
          faults: [],
        };
      }
    },
  };
}
