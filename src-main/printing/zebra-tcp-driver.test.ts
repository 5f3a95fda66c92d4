import { afterEach, describe, expect, it } from 'vitest';
import { startFakeZebra, type FakeZebra } from '../../test/support/fake-zebra';
import { queryZebraStatus, zebraTcpDriver } from './zebra-tcp-driver';

const job = (text: string) => new TextEncoder().encode(text);
let zebra: FakeZebra | undefined;

afterEach(async () => {
  await zebra?.close();
  zebra = undefined;
});

describe('network Zebra over TCP', () => {
  it('asks ~HS first and sends a ready printer the job byte for byte', async () => {
    zebra = await startFakeZebra();
    const bytes = job('^XA^CI28^FO50,50^A0N,40,40^FDGrüße aus Utrecht^FS^XZ\n');
    const result = await zebraTcpDriver({ host: '127.0.0.1', port: zebra.port }).send(bytes, {
      jobId: 'j1',
      format: 'zpl',
    });
    expect(result).toEqual({ ok: true });
    const [received] = await zebra.waitForJobs(1);
    expect(Buffer.compare(received!, Buffer.from(bytes))).toBe(0);
    expect(zebra.statusQueries).toBe(1);
  });

  it('does not send the job while the paper is out', async () => {
    zebra = await startFakeZebra({ answer: { paperOut: true } });
    const result = await zebraTcpDriver({ host: '127.0.0.1', port: zebra.port }).send(
      job('^XA^XZ'),
      { jobId: 'j1', format: 'zpl' },
    );
    expect(result).toMatchObject({ ok: false, delivery: 'none', faults: ['paper-out'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(zebra.jobs).toHaveLength(0);
  });

  it('counts a printer that never answers ~HS as not ready and keeps the job', async () => {
    zebra = await startFakeZebra('silent');
    const started = Date.now();
    const driver = zebraTcpDriver({ host: '127.0.0.1', port: zebra.port, statusTimeoutMs: 300 });
    const result = await driver.send(job('^XA^XZ'), { jobId: 'j1', format: 'zpl' });
    expect(result).toMatchObject({ ok: false, delivery: 'none', faults: ['no-answer'] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(zebra.jobs).toHaveLength(0);
  });

  it('reports a closed port as unreachable', async () => {
    zebra = await startFakeZebra();
    const port = zebra.port;
    await zebra.close();
    zebra = undefined;
    expect(await queryZebraStatus({ host: '127.0.0.1', port, statusTimeoutMs: 500 })).toMatchObject(
      { ready: false, faults: ['unreachable'] },
    );
  });
});
