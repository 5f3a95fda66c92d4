// What each synced collection's schema version is, and how a station's stored documents of an
// older version become the current shape when it starts after an update. The central OMS
// republished every document of a changed collection (migration 0730), so a station pulls the
// real values soon after; these defaults only bridge the moment until it does.
import type { MigrationStrategies } from 'rxdb';
import type { SyncCollection } from '../../shared/sync/documents';

/** The expiry RMAs had when they were authorised before RMAs expired (RMA_EXPIRY_DAYS' default). */
const LEGACY_EXPIRY_DAYS = 30;

export const SCHEMA_VERSIONS: Record<SyncCollection, number> = {
  // 1: order money (orderMoney, lines[].amountCents/taxRatePercent), all optional.
  // 2: orderMoney.vatMention (reverse charge, export) for the slip's legal mention, optional.
  fulfillments: 2,
  products: 1,
  bins: 0,
  // 1: locale may be de or fr beside en and nl.
  operators: 1,
  // 1: release and putBackAt (held work given back, put-back tasks), all optional.
  work: 1,
  // 1: refusal {code, params} beside the English sentence, optional.
  shipments: 1,
  rmas: 1,
  // 1: refusal {code, params} on return receipts, optional.
  returns: 1,
};

type Doc = Record<string, unknown>;

export const MIGRATION_STRATEGIES: Partial<Record<SyncCollection, MigrationStrategies>> = {
  // v1: a version-0 fulfillment is a valid version-1 one without money; the central feed brings
  // the money when the OMS next publishes the fulfillment.
  // v2: a version-1 fulfillment is a valid version-2 one; without vatMention the slip prints
  // none until the OMS republishes it.
  fulfillments: { 1: (old: Doc) => old, 2: (old: Doc) => old },
  // v1 of work, shipments and returns only added optional fields: a version-0 document is valid.
  work: { 1: (old: Doc) => old },
  shipments: { 1: (old: Doc) => old },
  returns: { 1: (old: Doc) => old },
  // v1 of operators widened locale's enum (en, nl → en, nl, de, fr): a version-0 operator is valid.
  operators: { 1: (old: Doc) => old },
  // v1: the product's bins in this warehouse (home-bin suggestion, foreign-bin warning).
  products: { 1: (old: Doc) => ({ ...old, bins: [] }) },
  // v1: the accepted receipts counted in receivedQuantity, and when the RMA expires.
  rmas: {
    1: (old: Doc) => ({
      ...old,
      receiptIds: [],
      expiresAt: new Date(
        Date.parse(String(old.createdAt)) + LEGACY_EXPIRY_DAYS * 86_400_000,
      ).toISOString(),
    }),
  },
};
