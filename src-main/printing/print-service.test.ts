import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../shared/station-api/printing';
import { startFakeZebra, type FakeZebra } from '../../test/support/fake-zebra';
import { PrintService } from './print-service';

let dataDir: string;
let zebra: FakeZebra | undefined;
const statuses: PrinterStatus[] = [];
const bytes = (text: string) => new TextEncoder().encode(text);

function makeService() {
  return new PrintService({
    dataDir,
    emitStatus: (status) => statuses.push(status),
    zebraTimeouts: { statusTimeoutMs: 300 },
    log: () => undefined,
    loadSpooler: async () => null,
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'print-service-'));
  statuses.length = 0;
});

afterEach(async () => {
  await zebra?.close();
  zebra = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('printer registry', () => {
  it('keeps added printers and the chosen defaults across a restart', async () => {
    const service = makeService();
    const registry = await service.whenReady();
    const zebraPrinter = await registry.add({
      kind: 'zebra-tcp',
      name: 'Packing 1',
      host: '10.0.0.5',
      port: 9100,
    });
    const office = await registry.add({
      kind: 'file',
      name: 'PDF folder',
      folder: join(dataDir, 'out'),
    });
    await registry.setDefault('slip', office.id);

    const reopened = await makeService().whenReady();
    expect(reopened.current()).toEqual({
      printers: [zebraPrinter, office],
      defaultLabelPrinterId: zebraPrinter.id,
      defaultSlipPrinterId: office.id,
    });
  });

  it('moves an invalid printers.json aside, names the field and starts with no printers', async () => {
    await writeFile(
      join(dataDir, 'printers.json'),
      JSON.stringify({
        version: 1,
        printers: [{ id: 'p1', name: 'X', kind: 'zebra-tcp', host: 'a b', port: 9100 }],
        defaultLabelPrinterId: null,
        defaultSlipPrinterId: null,
      }),
    );
    const problems: string[] = [];
    const service = new PrintService({
      dataDir,
      emitStatus: () => undefined,
      log: (message) => problems.push(message),
      loadSpooler: async () => null,
    });
    expect((await service.whenReady()).current().printers).toEqual([]);
    expect(problems[0]).toMatch(/printers\.0\.host/);
    expect(await readdir(dataDir)).toContain('printers.json.invalid');
  });

  it('refuses an unknown printer with a coded error', async () => {
    await expect(makeService().status('nope')).rejects.toMatchObject({
      code: 'unknown_printer',
      field: 'printerId',
    });
  });
});

describe('printing a job at most once', () => {
  it('answers a job id it already printed with done and does not print it again', async () => {
    zebra = await startFakeZebra();
    const service = makeService();
    const printer = await (
      await service.whenReady()
    ).add({ kind: 'zebra-tcp', name: 'Z', host: '127.0.0.1', port: zebra.port });
    const request = {
      jobId: 'job-1',
      printerId: printer.id,
      format: 'zpl' as const,
      bytes: bytes('^XA^FDone^FS^XZ'),
    };

    const [first, concurrent] = await Promise.all([service.print(request), service.print(request)]);
    const afterRestart = await makeService().print(request);

    expect([first, concurrent, afterRestart]).toEqual([
      { outcome: 'done', printerId: printer.id },
      { outcome: 'done', printerId: printer.id },
      { outcome: 'done', printerId: printer.id },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(zebra.jobs).toHaveLength(1);
  });

  it('lets a job the printer refused (paper out) be sent again, and publishes the status change', async () => {
    zebra = await startFakeZebra({ answer: { paperOut: true } });
    const service = makeService();
    const printer = await (
      await service.whenReady()
    ).add({ kind: 'zebra-tcp', name: 'Z', host: '127.0.0.1', port: zebra.port });
    const request = {
      jobId: 'job-2',
      printerId: printer.id,
      format: 'zpl' as const,
      bytes: bytes('^XA^FDtwo^FS^XZ'),
    };

    expect(await service.print(request)).toMatchObject({
      outcome: 'failed',
      retryable: true,
      faults: ['paper-out'],
    });
    zebra.mode = { answer: {} };
    expect(await service.print(request)).toEqual({ outcome: 'done', printerId: printer.id });
    expect(statuses.map((status) => status.ready)).toEqual([false, true]);
    expect(zebra.jobs).toHaveLength(1);
  });

  it('never resends a job that was interrupted mid-send (the journal says "sending")', async () => {
    zebra = await startFakeZebra();
    await writeFile(
      join(dataDir, 'print-journal.jsonl'),
      `${JSON.stringify({ jobId: 'job-3', state: 'sending', at: new Date().toISOString() })}\n`,
    );
    const service = makeService();
    const printer = await (
      await service.whenReady()
    ).add({ kind: 'zebra-tcp', name: 'Z', host: '127.0.0.1', port: zebra.port });
    const result = await service.print({
      jobId: 'job-3',
      printerId: printer.id,
      format: 'zpl',
      bytes: bytes('^XA^XZ'),
    });
    expect(result).toMatchObject({ outcome: 'failed', retryable: false });
    expect(zebra.jobs).toHaveLength(0);
  });

  it('never prints a voided label, also after a restart, and counts each void once', async () => {
    zebra = await startFakeZebra();
    const service = makeService();
    const printer = await (
      await service.whenReady()
    ).add({ kind: 'zebra-tcp', name: 'Z', host: '127.0.0.1', port: zebra.port });
    expect(await service.voidJobs(['label-7', 'label-7', 'label-8'])).toBe(2);
    expect(await service.voidJobs(['label-7'])).toBe(0);
    const request = {
      jobId: 'label-7',
      printerId: printer.id,
      format: 'zpl' as const,
      bytes: bytes('^XA^FDvoid^FS^XZ'),
    };
    expect(await service.print(request)).toMatchObject({ outcome: 'failed', retryable: false });
    expect(await makeService().print(request)).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('voided'),
    });
    expect(zebra.jobs).toHaveLength(0);
  });

  it('writes a PDF job to the output folder of a file printer', async () => {
    const service = makeService();
    const folder = join(dataDir, 'labels');
    const printer = await (await service.whenReady()).add({ kind: 'file', name: 'Folder', folder });
    const pdf = bytes('%PDF-1.7\n%fake\n');
    expect(
      await service.print({ jobId: 'slip-9', printerId: printer.id, format: 'pdf', bytes: pdf }),
    ).toMatchObject({ outcome: 'done' });
    expect(await readFile(join(folder, 'slip-9.pdf'))).toEqual(Buffer.from(pdf));
  });

  it('refuses to send a PDF to a Zebra without journaling it', async () => {
    zebra = await startFakeZebra();
    const service = makeService();
    const printer = await (
      await service.whenReady()
    ).add({ kind: 'zebra-tcp', name: 'Z', host: '127.0.0.1', port: zebra.port });
    expect(
      await service.print({
        jobId: 'pdf-1',
        printerId: printer.id,
        format: 'pdf',
        bytes: bytes('%PDF'),
      }),
    ).toMatchObject({ outcome: 'failed', retryable: false });
    expect(zebra.jobs).toHaveLength(0);
  });
});
