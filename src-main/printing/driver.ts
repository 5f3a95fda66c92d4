// What every printer driver offers the print service: a status check and a way to hand over bytes.
import type { PrinterFault } from '../../shared/station-api/printing';

export interface DriverStatus {
  ready: boolean;
  faults: PrinterFault[];
  detail: string | null;
}

/**
 * `delivery` says how far the bytes got when sending failed: `none` when nothing left the station
 * (safe to send again), `unknown` when part or all of the job may have reached the printer.
 */
export type DriverSendResult =
  | { ok: true }
  | { ok: false; delivery: 'none' | 'unknown'; reason: string; faults: PrinterFault[] };

export interface PrinterDriver {
  status(): Promise<DriverStatus>;
  send(bytes: Uint8Array, job: { jobId: string; format: 'zpl' | 'pdf' }): Promise<DriverSendResult>;
}

export const READY: DriverStatus = { ready: true, faults: [], detail: null };
