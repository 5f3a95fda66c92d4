import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationHandlers } from '../../shared/station-api';
import { createDispatcher } from '../station-api/dispatch';
import { PrintService } from './print-service';
import { printingHandlers } from './printing-handlers';

let dataDir: string;
let dispatch: ReturnType<typeof createDispatcher>;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'printing-handlers-'));
  const service = new PrintService({
    dataDir,
    emitStatus: () => undefined,
    log: () => undefined,
    loadSpooler: async () => null,
  });
  dispatch = createDispatcher(
    printingHandlers(service) as Partial<StationHandlers> as StationHandlers,
    () => undefined,
  );
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('printing over the station API', () => {
  it('refuses a network printer address with spaces and names the field', async () => {
    expect(
      await dispatch('addNetworkPrinter', { name: 'Packing 1', host: '10.0.0 .5' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_arguments', field: 'host' } });
  });

  it('defaults a network printer to port 9100 and makes the first printer the default for labels and slips', async () => {
    const added = await dispatch('addNetworkPrinter', { name: 'Packing 1', host: '10.0.0.5' });
    expect(added).toMatchObject({ ok: true, value: { kind: 'zebra-tcp', port: 9100 } });
    const id = added.ok ? (added.value as { id: string }).id : '';
    expect(await dispatch('listPrinters', {})).toMatchObject({
      ok: true,
      value: { defaultLabelPrinterId: id, defaultSlipPrinterId: id },
    });
  });

  it('refuses a job that gives both text and bytes', async () => {
    expect(
      await dispatch('printJob', {
        jobId: 'j',
        printerId: 'p',
        format: 'zpl',
        text: '^XA^XZ',
        bytesBase64: 'AA==',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('prints a base64 PDF to a file printer and a test label as ZPL', async () => {
    const folder = join(dataDir, 'out');
    const added = await dispatch('addFilePrinter', { name: 'Folder', folder });
    const printerId = added.ok ? (added.value as { id: string }).id : '';
    const pdf = Buffer.from('%PDF-1.7\n');
    expect(
      await dispatch('printJob', {
        jobId: 'slip-1',
        printerId,
        format: 'pdf',
        bytesBase64: pdf.toString('base64'),
      }),
    ).toEqual({ ok: true, value: { outcome: 'done', printerId } });
    expect(await readFile(join(folder, 'slip-1.pdf'))).toEqual(pdf);
    expect(await dispatch('printTestLabel', { printerId })).toEqual({
      ok: true,
      value: { outcome: 'done', printerId },
    });
  });

  it('says so when a spooler printer is added on a station without a spooler', async () => {
    expect(await dispatch('discoverPrinters', {})).toEqual({ ok: true, value: [] });
    expect(await dispatch('addSpoolerPrinter', { queue: 'zebra' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_queue', field: 'queue' },
    });
  });
});
