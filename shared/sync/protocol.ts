// RxDB's replication protocol as it crosses the network: pull with a checkpoint, push of
// (assumed master, new state) rows answered with the conflicting masters, and a live stream.
import { z } from 'zod';
import { SYNC_COLLECTIONS } from './documents';

export const SyncCollectionName = z.enum(SYNC_COLLECTIONS as [string, ...string[]]);

export const Checkpoint = z.object({
  updatedAt: z.number().int().min(0),
  id: z.string().max(80),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** A replicated document on the wire: the collection's fields plus RxDB's deletion flag. */
export const WireDocument = z.looseObject({ id: z.string().min(1).max(80), _deleted: z.boolean() });
export type WireDocument = z.infer<typeof WireDocument>;

/** The most documents one pull page may carry (a first sync asks for full pages). */
export const MAX_PULL_PAGE = 2500;

export const PullRequest = z.object({
  checkpoint: Checkpoint.nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_PAGE),
});

export const PullResponse = z.object({
  documents: z.array(WireDocument),
  checkpoint: Checkpoint.nullable(),
  /** Documents of this collection after the checkpoint (for the first sync's progress bar). */
  remaining: z.number().int().min(0),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const PushRow = z.object({
  assumedMasterState: WireDocument.nullable().optional(),
  newDocumentState: WireDocument,
});
export type PushRow = z.infer<typeof PushRow>;

export const PushRequest = z.object({ rows: z.array(PushRow).min(1).max(500) });
/** The conflicting master documents only; an empty array means every row was applied. */
export const PushResponse = z.array(WireDocument);

export const StreamMessage = z.union([
  z.object({
    collection: SyncCollectionName,
    documents: z.array(WireDocument),
    checkpoint: Checkpoint,
  }),
  z.object({ collection: SyncCollectionName, resync: z.literal(true) }),
]);
export type StreamMessage = z.infer<typeof StreamMessage>;

/** Fields the server stamps on every document; equality between versions ignores them. */
export const SERVER_META_FIELDS = ['updatedAt', '_meta', '_rev', '_attachments'] as const;
