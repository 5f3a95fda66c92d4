// A network Zebra over raw TCP (port 9100): `~HS` for status, then the job on its own connection.
// Current firmware does not answer ~HS while the media or ribbon is out or the head is open, so
// silence until the timeout counts as "not ready", never as "ready".
import { Socket } from 'node:net';
import type { DriverSendResult, DriverStatus, PrinterDriver } from './driver';
import {
  HOST_STATUS_QUERY,
  hostStatusFaults,
  hostStatusFrames,
  parseHostStatus,
} from './host-status';

export interface ZebraTcpOptions {
  host: string;
  port: number;
  /** How long to wait for the ~HS answer (and for a connection). */
  statusTimeoutMs?: number;
  /** How long a job may take to hand over. */
  sendTimeoutMs?: number;
}

function connect(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no connection to ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.connect(port, host, () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

export async function queryZebraStatus(options: ZebraTcpOptions): Promise<DriverStatus> {
  const timeoutMs = options.statusTimeoutMs ?? 2000;
  let socket: Socket;
  try {
    socket = await connect(options.host, options.port, timeoutMs);
  } catch (err) {
    return {
      ready: false,
      faults: ['unreachable'],
      detail: err instanceof Error ? err.message : String(err),
    };
  }
  return new Promise((resolve) => {
    let answer = '';
    const finish = (status: DriverStatus) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(
      () =>
        finish({
          ready: false,
          faults: ['no-answer'],
          detail: `no ~HS answer within ${timeoutMs} ms`,
        }),
      timeoutMs,
    );
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (hostStatusFrames(answer).length < 3) return;
      const parsed = parseHostStatus(answer);
      if (!parsed)
        return finish({
          ready: false,
          faults: ['no-answer'],
          detail: 'the printer answered ~HS with something unreadable',
        });
      const faults = hostStatusFaults(parsed);
      finish({ ready: faults.length === 0, faults, detail: null });
    });
    socket.on('error', (err) =>
      finish({ ready: false, faults: ['unreachable'], detail: err.message }),
    );
    socket.on('close', () =>
      finish({
        ready: false,
        faults: ['no-answer'],
        detail: 'the printer closed the connection without answering ~HS',
      }),
    );
    socket.write(HOST_STATUS_QUERY);
  });
}

/** Writes the bytes on a fresh connection and closes it; resolves when the kernel has them all. */
async function writeJob(options: ZebraTcpOptions, bytes: Uint8Array): Promise<DriverSendResult> {
  const timeoutMs = options.sendTimeoutMs ?? 10_000;
  let socket: Socket;
  try {
    socket = await connect(options.host, options.port, options.statusTimeoutMs ?? 2000);
  } catch (err) {
    return {
      ok: false,
      delivery: 'none',
      reason: err instanceof Error ? err.message : String(err),
      faults: ['unreachable'],
    };
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: DriverSendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    // From here on some bytes may have reached the printer: a failure is ambiguous.
    const fail = (reason: string) => {
      socket.destroy();
      settle({ ok: false, delivery: 'unknown', reason, faults: ['unreachable'] });
    };
    const timer = setTimeout(
      () => fail(`the printer took more than ${timeoutMs} ms to take the job`),
      timeoutMs,
    );
    socket.on('error', (err) => fail(err.message));
    socket.end(bytes, () => {
      settle({ ok: true });
      // The printer closes its side once it has read everything; do not leave the socket behind.
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  });
}

export function zebraTcpDriver(options: ZebraTcpOptions): PrinterDriver {
  return {
    status: () => queryZebraStatus(options),
    async send(bytes) {
      const status = await queryZebraStatus(options);
      if (!status.ready) {
        return {
          ok: false,
          delivery: 'none',
          reason: status.detail ?? `printer not ready: ${status.faults.join(', ')}`,
          faults: status.faults,
        };
      }
      return writeJob(options, bytes);
    },
  };
}
