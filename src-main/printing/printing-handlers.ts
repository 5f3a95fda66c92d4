import type { HandlersOf } from '../../shared/station-api';
import { StationApiError } from '../../shared/station-api/define';
import type { printingMethods } from '../../shared/station-api/printing';
import type { PrintService } from './print-service';
import { testLabelZpl } from './test-label';

const encoder = new TextEncoder();

export function printingHandlers(service: PrintService): HandlersOf<typeof printingMethods> {
  return {
    listPrinters: async () => (await service.whenReady()).current(),
    discoverPrinters: () => service.discover(),
    addNetworkPrinter: async ({ name, host, port, dpi }) =>
      (await service.whenReady()).add({ kind: 'zebra-tcp', name, host, port, dpi }),
    addSpoolerPrinter: async ({ queue, name, dpi }) => {
      const known = await service.discover();
      if (!known.some((entry) => entry.queue === queue))
        throw new StationApiError(
          'unknown_queue',
          `The print spooler has no queue "${queue}"`,
          'queue',
        );
      return (await service.whenReady()).add({ kind: 'spooler', name: name ?? queue, queue, dpi });
    },
    addFilePrinter: async ({ name, folder, dpi }) =>
      (await service.whenReady()).add({ kind: 'file', name, folder, dpi }),
    removePrinter: async ({ printerId }) => (await service.whenReady()).remove(printerId),
    setDefaultPrinter: async ({ role, printerId }) =>
      (await service.whenReady()).setDefault(role, printerId),
    printerStatus: ({ printerId }) => service.status(printerId),
    printJob: ({ jobId, printerId, format, text, bytesBase64 }) =>
      service.print({
        jobId,
        printerId,
        format,
        bytes:
          text !== undefined
            ? encoder.encode(text)
            : new Uint8Array(Buffer.from(bytesBase64 ?? '', 'base64')),
      }),
    voidPrintJobs: async ({ jobIds }) => ({ voided: await service.voidJobs(jobIds) }),
    printTestLabel: async ({ printerId }) => {
      const printer = (await service.whenReady()).get(printerId);
      const jobId = `test-${Date.now().toString(36)}`;
      return service.print({
        jobId,
        printerId,
        format: 'zpl',
        bytes: encoder.encode(testLabelZpl(printer, new Date())),
      });
    },
  };
}
