// Printers and print jobs: the renderer's print queue and set-up screen ask main, which owns the
// drivers (network Zebra over TCP 9100, the OS spooler in RAW mode, file output).
import { z } from 'zod';
import { method } from './define';

export const PrinterKind = z.enum(['zebra-tcp', 'spooler', 'file']);
export type PrinterKind = z.infer<typeof PrinterKind>;

const hostName = z
  .string()
  .trim()
  .min(1, 'Enter the printer address')
  .max(253)
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'Enter an IP address or host name, e.g. 192.168.1.50');

/** Print resolution: templates render ZPL for the printer's dots per inch. */
export const PrinterDpi = z.union([z.literal(203), z.literal(300)]);
export type PrinterDpi = z.infer<typeof PrinterDpi>;

const printerBase = {
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  dpi: PrinterDpi.default(203),
};

export const Printer = z.discriminatedUnion('kind', [
  z.object({
    ...printerBase,
    kind: z.literal('zebra-tcp'),
    host: hostName,
    port: z.number().int().min(1).max(65535),
  }),
  z.object({ ...printerBase, kind: z.literal('spooler'), queue: z.string().min(1).max(127) }),
  z.object({ ...printerBase, kind: z.literal('file'), folder: z.string().min(1) }),
]);
export type Printer = z.infer<typeof Printer>;

export const PrinterRole = z.enum(['label', 'slip']);
export type PrinterRole = z.infer<typeof PrinterRole>;

export const PrinterList = z.object({
  printers: z.array(Printer),
  defaultLabelPrinterId: z.string().nullable(),
  defaultSlipPrinterId: z.string().nullable(),
});
export type PrinterList = z.infer<typeof PrinterList>;

/** Conditions a Zebra reports in its ~HS answer, plus the ones a spooler or the network gives. */
export const PrinterFault = z.enum([
  'paper-out',
  'paused',
  'head-up',
  'ribbon-out',
  'buffer-full',
  'over-temperature',
  'under-temperature',
  'corrupt-ram',
  'no-answer',
  'unreachable',
  'spooler-stopped',
  'unknown-printer',
]);
export type PrinterFault = z.infer<typeof PrinterFault>;

export const PrinterStatus = z.object({
  printerId: z.string(),
  ready: z.boolean(),
  faults: z.array(PrinterFault),
  /** Driver's words for a lead ("connection refused", the spooler's state line). */
  detail: z.string().nullable(),
  checkedAt: z.string(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

export const PrintFormat = z.enum(['zpl', 'pdf']);
export type PrintFormat = z.infer<typeof PrintFormat>;

export const PrintJobRequest = z
  .object({
    /** The queue's job id: main prints one id at most once (see docs in print-journal.ts). */
    jobId: z.string().min(1).max(64),
    printerId: z.string().min(1),
    format: PrintFormat,
    text: z.string().max(700_000).optional(),
    bytesBase64: z.string().max(900_000).optional(),
  })
  .refine((job) => (job.text === undefined) !== (job.bytesBase64 === undefined), {
    message: 'Give exactly one of text or bytesBase64',
    path: ['text'],
  });
export type PrintJobRequest = z.input<typeof PrintJobRequest>;

export const PrintJobResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('done'), printerId: z.string() }),
  z.object({
    outcome: z.literal('failed'),
    reason: z.string(),
    faults: z.array(PrinterFault),
    /** True only when no byte of the job reached the printer, so sending it again cannot print it twice. */
    retryable: z.boolean(),
  }),
]);
export type PrintJobResult = z.infer<typeof PrintJobResult>;

export const DiscoveredPrinter = z.object({
  queue: z.string(),
  description: z.string().nullable(),
  alreadyAdded: z.boolean(),
});
export type DiscoveredPrinter = z.infer<typeof DiscoveredPrinter>;

const printerId = z.object({ printerId: z.string().min(1) }).strict();

export const printingMethods = {
  listPrinters: method(z.object({}).strict(), PrinterList),
  /** Queues the OS spooler knows (CUPS, Windows). */
  discoverPrinters: method(z.object({}).strict(), z.array(DiscoveredPrinter)),
  addNetworkPrinter: method(
    z
      .object({
        name: z.string().trim().min(1, 'Give the printer a name').max(80),
        host: hostName,
        port: z.number().int().min(1).max(65535).default(9100),
        dpi: PrinterDpi.default(203),
      })
      .strict(),
    Printer,
  ),
  addSpoolerPrinter: method(
    z
      .object({
        queue: z.string().trim().min(1).max(127),
        name: z.string().trim().min(1).max(80).optional(),
        dpi: PrinterDpi.default(203),
      })
      .strict(),
    Printer,
  ),
  addFilePrinter: method(
    z
      .object({
        name: z.string().trim().min(1).max(80),
        folder: z.string().trim().min(1).max(1024),
        dpi: PrinterDpi.default(203),
      })
      .strict(),
    Printer,
  ),
  removePrinter: method(printerId, PrinterList),
  setDefaultPrinter: method(
    z.object({ role: PrinterRole, printerId: z.string().min(1).nullable() }).strict(),
    PrinterList,
  ),
  printerStatus: method(printerId, PrinterStatus),
  printJob: method(PrintJobRequest, PrintJobResult),
  /** The labels of voided cartons: main's journal refuses to print these job ids from now on. */
  voidPrintJobs: method(
    z.object({ jobIds: z.array(z.string().min(1).max(64)).min(1).max(500) }).strict(),
    z.object({ voided: z.number().int().min(0) }),
  ),
  printTestLabel: method(printerId, PrintJobResult),
};

export const printingEvents = {
  /** Sent when a printer's status changes, after a check or a print. */
  printerStatus: PrinterStatus,
};
