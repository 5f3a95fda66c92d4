// The station's printers, persisted as printers.json in the station data dir and checked with zod
// on load: a hand-edited or half-written file never reaches the drivers.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Printer, PrinterList, PrinterRole } from '../../shared/station-api/printing';
import { PrinterList as PrinterListSchema } from '../../shared/station-api/printing';
import { StationApiError } from '../../shared/station-api/define';

const PrintersFile = PrinterListSchema.extend({ version: z.literal(1) });

/** A printer to add: the registry gives it an id; 203 dpi unless said otherwise. */
export type NewPrinter = Printer extends infer P
  ? P extends Printer
    ? Omit<P, 'id' | 'dpi'> & { dpi?: Printer['dpi'] }
    : never
  : never;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export class PrinterRegistry {
  private list: PrinterList = {
    printers: [],
    defaultLabelPrinterId: null,
    defaultSlipPrinterId: null,
  };

  constructor(private readonly path: string) {}

  /**
   * Reads printers.json. A file that fails validation is moved aside (printers.json.invalid) so the
   * station still starts; the returned message says which field was wrong.
   */
  async load(): Promise<string | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch {
      return null;
    }
    const parsed = PrintersFile.safeParse(parseJson(raw));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      await rename(this.path, `${this.path}.invalid`);
      return `printers.json: ${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}; moved aside to printers.json.invalid`;
    }
    const { version: _version, ...list } = parsed.data;
    this.list = list;
    return null;
  }

  current(): PrinterList {
    return structuredClone(this.list);
  }

  get(printerId: string): Printer {
    const printer = this.list.printers.find((candidate) => candidate.id === printerId);
    if (!printer)
      throw new StationApiError(
        'unknown_printer',
        `No printer with id "${printerId}" is set up on this station`,
        'printerId',
      );
    return printer;
  }

  async add(printer: NewPrinter): Promise<Printer> {
    const added = { ...printer, dpi: printer.dpi ?? 203, id: randomUUID() } as Printer;
    this.list.printers.push(added);
    // The first printer of a station is the obvious default for labels and slips.
    this.list.defaultLabelPrinterId ??= added.id;
    this.list.defaultSlipPrinterId ??= added.id;
    await this.save();
    return added;
  }

  async remove(printerId: string): Promise<PrinterList> {
    this.get(printerId);
    this.list.printers = this.list.printers.filter((printer) => printer.id !== printerId);
    if (this.list.defaultLabelPrinterId === printerId) this.list.defaultLabelPrinterId = null;
    if (this.list.defaultSlipPrinterId === printerId) this.list.defaultSlipPrinterId = null;
    await this.save();
    return this.current();
  }

  async setDefault(role: PrinterRole, printerId: string | null): Promise<PrinterList> {
    if (printerId !== null) this.get(printerId);
    if (role === 'label') this.list.defaultLabelPrinterId = printerId;
    else this.list.defaultSlipPrinterId = printerId;
    await this.save();
    return this.current();
  }

  private async save(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const partial = `${this.path}.partial`;
    await writeFile(partial, `${JSON.stringify({ version: 1, ...this.list }, null, 2)}\n`);
    await rename(partial, this.path);
  }
}
