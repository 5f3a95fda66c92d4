/**
 * A real TCP listener on 127.0.0.1 that plays a network Zebra: it answers `~HS` with the status
 * the test sets (or stays silent, as real firmware does with the media out) and records every
 * job's bytes exactly as they arrived.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { HostStatus } from '../../src-main/printing/host-status';

export type FakeZebraMode = { answer: Partial<HostStatus> } | 'silent';

export interface FakeZebra {
  port: number;
  /** Each connection that carried something other than the status query, in arrival order. */
  jobs: Buffer[];
  /** `performance.now()` when each job's connection closed, i.e. its last byte had arrived. */
  arrivedAt: number[];
  statusQueries: number;
  mode: FakeZebraMode;
  /** Resolves when the job count reaches `n`. */
  waitForJobs(n: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

export function formatHostStatus(status: Partial<HostStatus> = {}): string {
  const b = (value: boolean | undefined) => (value ? '1' : '0');
  const s = { formatsInBuffer: 0, labelsRemaining: 0, ...status };
  const first = [
    '030',
    b(s.paperOut),
    b(s.paused),
    '1218',
    String(s.formatsInBuffer).padStart(3, '0'),
    b(s.bufferFull),
    '0',
    b(s.partialFormat),
    '000',
    b(s.corruptRam),
    b(s.underTemperature),
    b(s.overTemperature),
  ];
  const second = [
    '001',
    '0',
    b(s.headUp),
    b(s.ribbonOut),
    b(s.thermalTransfer),
    '2',
    '6',
    '0',
    String(s.labelsRemaining).padStart(8, '0'),
    '1',
    '000',
  ];
  return [first, second, ['1234', '0']].map((fields) => `\x02${fields.join(',')}\x03\r\n`).join('');
}

export async function startFakeZebra(mode: FakeZebraMode = { answer: {} }): Promise<FakeZebra> {
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];
  const zebra: FakeZebra = {
    port: 0,
    jobs: [],
    arrivedAt: [],
    statusQueries: 0,
    mode,
    waitForJobs: (n, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${n} jobs, got ${zebra.jobs.length}`)),
          timeoutMs,
        );
        const check = () => {
          if (zebra.jobs.length < n) return false;
          clearTimeout(timer);
          resolve(zebra.jobs);
          return true;
        };
        const onJob = () => {
          if (!check()) waiters.push(onJob);
        };
        onJob();
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).toString('latin1') === '~HS') {
        chunks.length = 0;
        zebra.statusQueries += 1;
        if (zebra.mode !== 'silent') socket.write(formatHostStatus(zebra.mode.answer));
      }
    });
    socket.on('close', () => {
      sockets.delete(socket);
      if (chunks.length === 0) return;
      zebra.arrivedAt.push(performance.now());
      zebra.jobs.push(Buffer.concat(chunks));
      for (const wake of waiters.splice(0)) wake();
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  zebra.port = typeof address === 'object' && address ? address.port : 0;
  return zebra;
}
