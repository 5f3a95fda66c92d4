// Enrolment and replication: the renderer's RxDB replication calls these, and main forwards them
// to the central OMS with the station's token (which the renderer never sees).
import { z } from 'zod';
import {
  Checkpoint,
  MAX_PULL_PAGE,
  PullResponse,
  PushRow,
  StreamMessage,
  SyncCollectionName,
  WireDocument,
} from '../sync/protocol';
import { method } from './define';

export const Enrolment = z.object({
  enrolled: z.boolean(),
  centralUrl: z.string(),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  warehouseCode: z.string().nullable(),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const syncMethods = {
  getEnrolment: method(z.object({}).strict(), Enrolment),
  /** Exchanges a one-time enrolment code for this station's long-lived token. */
  enrol: method(
    z.object({
      centralUrl: z.url({
        protocol: /^https?$/,
        message: 'Enter the central OMS address, e.g. https://oms.example.com',
      }),
      code: z.string().trim().min(6, 'The enrolment code is too short').max(64),
    }),
    Enrolment,
  ),
  syncPull: method(
    z.object({
      collection: SyncCollectionName,
      checkpoint: Checkpoint.nullable(),
      limit: z.number().int().min(1).max(MAX_PULL_PAGE),
    }),
    PullResponse,
  ),
  syncPush: method(
    z.object({ collection: SyncCollectionName, rows: z.array(PushRow).min(1).max(500) }),
    z.array(WireDocument),
  ),
};

export const syncEvents = {
  /** A live change from the central OMS, or `resync` after the stream reconnected. */
  syncStream: StreamMessage,
  enrolment: Enrolment,
};
