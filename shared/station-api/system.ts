// Station status and connectivity: what the header of every screen shows.
import { z } from 'zod';
import { method } from './define';

export const Connectivity = z.object({
  /** The central OMS answered its health check the last time it was asked. */
  online: z.boolean(),
  centralUrl: z.string(),
  /** ISO time of the last successful contact with the central OMS, if any. */
  lastContactAt: z.string().nullable(),
  /** Why the station is offline, in words a lead can act on. */
  reason: z.string().nullable(),
});
export type Connectivity = z.infer<typeof Connectivity>;

export const StationStatus = z.object({
  appVersion: z.string(),
  transport: z.enum(['ipc', 'http']),
  connectivity: Connectivity,
});
export type StationStatus = z.infer<typeof StationStatus>;

export const systemMethods = {
  getStatus: method(z.object({}).strict(), StationStatus),
  /** Asks main to check the central OMS now rather than at the next poll. */
  checkConnectivity: method(z.object({}).strict(), Connectivity),
};

export const systemEvents = {
  connectivity: Connectivity,
};
