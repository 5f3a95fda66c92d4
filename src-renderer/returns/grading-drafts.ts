// The returns desk's work in hand, kept in the station's database (a local document, never
// synced): the parcel being taken in and, per parcel, the unit graded half-way. A reload, a
// crashed window or a packer who walked away and scanned the RMA again all resume where grading
// stopped; only committing the unit to the receipt (or stepping back out of it) ends its draft.
import { z } from 'zod';
import { ReturnDisposition, ReturnGrade } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import type { PendingItem } from './intake-rules';
import type { ParcelInProgress } from './returns-desk';

const DRAFTS_ID = 'returns-desk';
/** Parcels left half-graded are kept this long; then the receipt list is the way back. */
const KEEP_MS = 14 * 86_400_000;

const parcelSchema = z.object({
  receiptId: z.string().min(1).max(80),
  rmaId: z.string().min(1).max(80).nullable(),
  receivedAt: z.string().max(40),
});
const pendingSchema = z.object({
  sku: z.string().min(1).max(64),
  match: z.enum(['expected', 'wrong_item', 'extra']),
  grade: ReturnGrade.nullable(),
  disposition: ReturnDisposition.nullable(),
  note: z.string().max(500),
  replaces: z.string().max(80).nullable(),
  binToConfirm: z.string().max(64).nullable().default(null),
});
const draftSchema = z.object({
  parcel: parcelSchema,
  pending: pendingSchema.nullable(),
  savedAt: z.string().max(40),
});
const stored = z.object({
  current: z.string().max(80).nullable(),
  drafts: z.record(z.string(), z.unknown()),
});

export type GradingDraft = z.infer<typeof draftSchema>;

export interface DeskDrafts {
  /** The parcel the desk was on, with its half-graded unit. */
  current: GradingDraft | null;
  /** Every parcel with a half-graded unit, by receipt id. */
  drafts: Map<string, GradingDraft>;
}

/** Reads what the desk kept; anything unreadable (another version, a damaged file) is left out. */
export async function loadDeskDrafts(db: StationDatabase): Promise<DeskDrafts> {
  const doc = await db.getLocal<Record<string, unknown>>(DRAFTS_ID);
  const raw = stored.safeParse(doc?.toJSON().data);
  const drafts = new Map<string, GradingDraft>();
  if (!raw.success) return { current: null, drafts };
  for (const [id, value] of Object.entries(raw.data.drafts)) {
    const draft = draftSchema.safeParse(value);
    if (draft.success && draft.data.parcel.receiptId === id) drafts.set(id, draft.data);
  }
  return { current: raw.data.current ? (drafts.get(raw.data.current) ?? null) : null, drafts };
}

export function draftForRma(drafts: DeskDrafts, rmaId: string): GradingDraft | null {
  const mine = [...drafts.drafts.values()].filter((d) => d.parcel.rmaId === rmaId);
  return mine.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0] ?? null;
}

/** Serialised per station database: each save builds on the one before. */
const chains = new WeakMap<StationDatabase, Promise<unknown>>();

/**
 * Records the desk's state: the current parcel and its half-graded unit. A parcel keeps its
 * draft while it has a pending unit or is the current one; the others' drafts end.
 */
export function saveDeskDraft(
  db: StationDatabase,
  desk: { parcel: ParcelInProgress | null; pending: PendingItem | null },
  now: Date = new Date(),
): Promise<void> {
  const write = async () => {
    const { drafts } = await loadDeskDrafts(db);
    if (desk.parcel)
      drafts.set(desk.parcel.receiptId, {
        parcel: desk.parcel,
        pending: desk.pending,
        savedAt: now.toISOString(),
      });
    const kept = [...drafts.entries()].filter(
      ([id, d]) =>
        id === desk.parcel?.receiptId ||
        (d.pending !== null && now.getTime() - Date.parse(d.savedAt) < KEEP_MS),
    );
    await db.upsertLocal(DRAFTS_ID, {
      current: desk.parcel?.receiptId ?? null,
      drafts: Object.fromEntries(kept),
    });
  };
  const next = (chains.get(db) ?? Promise.resolve()).catch(() => undefined).then(write);
  chains.set(db, next);
  return next;
}
