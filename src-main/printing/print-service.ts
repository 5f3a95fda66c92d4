// The main-process side of printing: the printer registry, one driver per printer, the journal
// that keeps a job id from printing twice, and printer status pushed to the renderer.
import { join } from 'node:path';
import type {
  DiscoveredPrinter,
  Printer,
  PrinterStatus,
  PrintFormat,
  PrintJobResult,
} from '../../shared/station-api/printing';
import { StationApiError } from '../../shared/station-api/define';
import type { DriverStatus, PrinterDriver } from './driver';
import { fileOutputDriver } from './file-output-driver';
import { PrintJournal } from './print-journal';
import { PrinterRegistry } from './printer-registry';
import type { SpoolerDriver } from './spooler-driver';
import { loadSpoolerDriver, spoolerPrinterDriver } from './spooler-driver';
import { zebraTcpDriver, type ZebraTcpOptions } from './zebra-tcp-driver';

export interface PrintServiceOptions {
  dataDir: string;
  emitStatus(status: PrinterStatus): void;
  loadSpooler?: () => Promise<SpoolerDriver | null>;
  zebraTimeouts?: Pick<ZebraTcpOptions, 'statusTimeoutMs' | 'sendTimeoutMs'>;
  log?: (message: string) => void;
}

export interface PrintRequest {
  jobId: string;
  printerId: string;
  format: PrintFormat;
  bytes: Uint8Array;
}

export class PrintService {
  readonly registry: PrinterRegistry;
  private readonly journal: PrintJournal;
  private readonly ready: Promise<void>;
  private spooler: Promise<SpoolerDriver | null> | undefined;
  private readonly inFlight = new Map<string, Promise<PrintJobResult>>();
  private readonly lastStatus = new Map<string, string>();

  constructor(private readonly options: PrintServiceOptions) {
    this.registry = new PrinterRegistry(join(options.dataDir, 'printers.json'));
    this.journal = new PrintJournal(join(options.dataDir, 'print-journal.jsonl'));
    const log = options.log ?? ((message: string) => console.error(message));
    // Loaded in the background so the station's start-up does not wait on the disk; every call awaits it.
    this.ready = Promise.all([this.registry.load(), this.journal.load()]).then(([problem]) => {
      if (problem) log(problem);
    });
  }

  async whenReady(): Promise<PrinterRegistry> {
    await this.ready;
    return this.registry;
  }

  /** The spooler driver, loaded on first use (the N-API binding is optional). */
  spoolerDriver(): Promise<SpoolerDriver | null> {
    this.spooler ??= (this.options.loadSpooler ?? (() => loadSpoolerDriver()))();
    return this.spooler;
  }

  async discover(): Promise<DiscoveredPrinter[]> {
    await this.ready;
    const spooler = await this.spoolerDriver();
    if (!spooler) return [];
    const added = new Set(
      this.registry
        .current()
        .printers.flatMap((printer) => (printer.kind === 'spooler' ? [printer.queue] : [])),
    );
    return (await spooler.listQueues()).map((queue) => ({
      ...queue,
      alreadyAdded: added.has(queue.queue),
    }));
  }

  async status(printerId: string): Promise<PrinterStatus> {
    await this.ready;
    const driver = await this.driverFor(this.registry.get(printerId));
    return this.publish(printerId, await driver.status());
  }

  /** Voided labels never print from now on; answers how many were not voided before. */
  async voidJobs(jobIds: readonly string[]): Promise<number> {
    await this.ready;
    let voided = 0;
    for (const jobId of new Set(jobIds)) {
      if (this.journal.state(jobId) === 'voided') continue;
      await this.journal.record(jobId, 'voided');
      voided += 1;
    }
    return voided;
  }

  /** Prints a job at most once per job id, however often it is asked (see print-journal.ts). */
  print(request: PrintRequest): Promise<PrintJobResult> {
    const running = this.inFlight.get(request.jobId);
    if (running) return running;
    const attempt = this.printOnce(request).finally(() => this.inFlight.delete(request.jobId));
    this.inFlight.set(request.jobId, attempt);
    return attempt;
  }

  private async printOnce({
    jobId,
    printerId,
    format,
    bytes,
  }: PrintRequest): Promise<PrintJobResult> {
    await this.ready;
    const previous = this.journal.state(jobId);
    if (previous === 'voided')
      return {
        outcome: 'failed',
        reason: 'This label was voided (its order was cancelled); it is not printed.',
        faults: [],
        retryable: false,
      };
    if (previous === 'done') return { outcome: 'done', printerId };
    if (previous === 'sending' || previous === 'unknown') {
      return {
        outcome: 'failed',
        reason:
          'This job may already have printed (it was interrupted while sending). Check the printer and reprint if the label is missing.',
        faults: [],
        retryable: false,
      };
    }
    const printer = this.registry.get(printerId);
    if (format === 'pdf' && printer.kind === 'zebra-tcp') {
      return {
        outcome: 'failed',
        reason: `${printer.name} prints ZPL only; send PDFs to an office printer or file output`,
        faults: [],
        retryable: false,
      };
    }
    const driver = await this.driverFor(printer);
    await this.journal.record(jobId, 'sending');
    const sent = await driver.send(bytes, { jobId, format });
    if (sent.ok) {
      await this.journal.record(jobId, 'done');
      this.publish(printerId, { ready: true, faults: [], detail: null });
      return { outcome: 'done', printerId };
    }
    await this.journal.record(jobId, sent.delivery === 'none' ? 'not-sent' : 'unknown');
    this.publish(printerId, { ready: false, faults: sent.faults, detail: sent.reason });
    return {
      outcome: 'failed',
      reason: sent.reason,
      faults: sent.faults,
      retryable: sent.delivery === 'none',
    };
  }

  private async driverFor(printer: Printer): Promise<PrinterDriver> {
    switch (printer.kind) {
      case 'zebra-tcp':
        return zebraTcpDriver({
          host: printer.host,
          port: printer.port,
          ...this.options.zebraTimeouts,
        });
      case 'file':
        return fileOutputDriver(printer.folder);
      case 'spooler': {
        const spooler = await this.spoolerDriver();
        if (!spooler)
          throw new StationApiError(
            'no_spooler',
            'This station has no print spooler (CUPS client or @printers/printers)',
          );
        return spoolerPrinterDriver(spooler, printer.queue);
      }
    }
  }

  private publish(printerId: string, status: DriverStatus): PrinterStatus {
    const full: PrinterStatus = { printerId, ...status, checkedAt: new Date().toISOString() };
    const key = JSON.stringify([status.ready, status.faults]);
    if (this.lastStatus.get(printerId) !== key) {
      this.lastStatus.set(printerId, key);
      this.options.emitStatus(full);
    }
    return full;
  }
}
