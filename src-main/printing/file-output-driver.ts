// File output for stations without a thermal printer: each job becomes a file in a folder
// (`.zpl` for label printers' text, `.pdf` opens in any viewer). Written to a temporary name and
// renamed, so a half-written file never looks like a finished job.
import { mkdir, rename, writeFile, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import type { DriverSendResult, DriverStatus, PrinterDriver } from './driver';

export function fileOutputDriver(folder: string): PrinterDriver {
  return {
    async status(): Promise<DriverStatus> {
      try {
        await mkdir(folder, { recursive: true });
        await access(folder, constants.W_OK);
        return { ready: true, faults: [], detail: folder };
      } catch (err) {
        return {
          ready: false,
          faults: ['unreachable'],
          detail: err instanceof Error ? err.message : String(err),
        };
      }
    },
    async send(bytes, job): Promise<DriverSendResult> {
      const name = `${job.jobId.replace(/[^A-Za-z0-9_-]/g, '_')}.${job.format}`;
      try {
        await mkdir(folder, { recursive: true });
        const partial = join(folder, `.${name}.partial`);
        await writeFile(partial, bytes);
        await rename(partial, join(folder, name));
        return { ok: true };
      } catch (err) {
        return {
          ok: false,
          delivery: 'none',
          reason: err instanceof Error ? err.message : String(err),
          faults: ['unreachable'],
        };
      }
    },
  };
}
