// The real spooler path: a private cupsd with a raw queue to socket://127.0.0.1:<port>, where the
// test listens. Whatever spooler driver this station has (the @printers/printers binding, or the
// `lp` command when the binding is not installed) must deliver the job byte for byte.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeShippingLabel } from '../../shared/labels/label-fixtures';
import { renderShippingLabelZpl } from '../../shared/labels/shipping-label';
import { PrintService } from '../../src-main/printing/print-service';
import { loadSpoolerDriver, type SpoolerDriver } from '../../src-main/printing/spooler-driver';
import { startFakeZebra, type FakeZebra } from '../support/fake-zebra';
import { CUPSD, startPrivateCupsd, type PrivateCupsd } from '../support/private-cupsd';

// cupsd must start as root (CI runs as root); elsewhere the test says why it did not run.
const canRun = existsSync(CUPSD) && process.getuid?.() === 0;
const QUEUE = 'zebra-test';

let cupsd: PrivateCupsd;
let zebra: FakeZebra;
let spooler: SpoolerDriver;
let dataDir: string;
const previousServer = process.env.CUPS_SERVER;

describe.skipIf(!canRun)('printing through CUPS in RAW mode', () => {
  beforeAll(async () => {
    zebra = await startFakeZebra();
    cupsd = await startPrivateCupsd();
    // The N-API binding reads the process environment; the lp driver gets it explicitly too.
    process.env.CUPS_SERVER = cupsd.socket;
    const added = cupsd.run('lpadmin', [
      '-p',
      QUEUE,
      '-E',
      '-v',
      `socket://127.0.0.1:${zebra.port}`,
      '-m',
      'raw',
    ]);
    expect(added.status, added.stderr).toBe(0);
    const loaded = await loadSpoolerDriver({ env: cupsd.env });
    if (!loaded)
      throw new Error(
        'no spooler driver: neither @printers/printers nor the lp command is available',
      );
    spooler = loaded;
    dataDir = await mkdtemp(join(tmpdir(), 'cups-spooler-'));
  });

  afterAll(async () => {
    cupsd?.run('lpadmin', ['-x', QUEUE]);
    await cupsd?.stop();
    await zebra?.close();
    if (previousServer === undefined) delete process.env.CUPS_SERVER;
    else process.env.CUPS_SERVER = previousServer;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('discovers the raw queue and reports it ready', async () => {
    console.info(`CUPS test uses the ${spooler.implementation} spooler driver`);
    expect((await spooler.listQueues()).map((queue) => queue.queue)).toContain(QUEUE);
    expect(await spooler.queueStatus(QUEUE)).toMatchObject({ ready: true, faults: [] });
    expect(await spooler.queueStatus('no-such-queue')).toMatchObject({
      ready: false,
      faults: ['unknown-printer'],
    });
  });

  it('delivers a shipping label through the spooler with every byte unchanged', async () => {
    const service = new PrintService({
      dataDir,
      emitStatus: () => undefined,
      loadSpooler: async () => spooler,
      log: () => undefined,
    });
    const printer = await (
      await service.whenReady()
    ).add({ kind: 'spooler', name: 'Zebra via CUPS', queue: QUEUE });
    // UTF-8 text (^CI28) plus bytes a text filter would mangle: CR LF, NUL, 0xFF.
    const zpl = new TextEncoder().encode(
      renderShippingLabelZpl(
        makeShippingLabel({
          shipTo: {
            name: 'Zoë Ærøskøbing',
            street: 'Straße 1',
            postalCode: '5970',
            city: 'Ærøskøbing',
            country: 'DK',
          },
        }),
        203,
      ),
    );
    const bytes = new Uint8Array([...zpl, 0x0d, 0x0a, 0x00, 0xff]);

    expect(
      await service.print({ jobId: 'cups-1', printerId: printer.id, format: 'zpl', bytes }),
    ).toEqual({ outcome: 'done', printerId: printer.id });
    const [received] = await zebra.waitForJobs(1, 20_000);
    expect(received!.length).toBe(bytes.length);
    expect(received!.equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses to hand a job to a stopped queue and sends nothing', async () => {
    cupsd.run('cupsdisable', [QUEUE]);
    try {
      const before = zebra.jobs.length;
      const status = await spooler.queueStatus(QUEUE);
      expect(status).toMatchObject({ ready: false, faults: ['spooler-stopped'] });
      const service = new PrintService({
        dataDir,
        emitStatus: () => undefined,
        loadSpooler: async () => spooler,
        log: () => undefined,
      });
      const printer = (await service.whenReady()).current().printers[0]!;
      expect(
        await service.print({
          jobId: 'cups-2',
          printerId: printer.id,
          format: 'zpl',
          bytes: new TextEncoder().encode('^XA^XZ'),
        }),
      ).toMatchObject({ outcome: 'failed', retryable: true });
      expect(zebra.jobs.length).toBe(before);
    } finally {
      cupsd.run('cupsenable', [QUEUE]);
    }
  });
});
