// The returns desk: find the parcel's return (or take it in as unexpected), then grade its units.
// Works offline: RMAs, products and bins are local replicas; receipts are saved locally and sent
// when the central OMS is reachable; the parcel in hand and a unit graded half-way are drafts in
// the station's database, resumed after a reload.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BinDoc, ReturnReceiptDoc, RmaDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { useCatalogue } from '../picking/catalogue';
import { FindReturn } from './find-return';
import { loadDeskDrafts, saveDeskDraft } from './grading-drafts';
import { receivedBefore } from './parcel-counts';
import { ParcelIntake } from './parcel-intake';
import { binIndex } from './restock-bins';
import { useReturnsDesk } from './returns-desk';
import './returns.css';

interface Props {
  db: StationDatabase;
  warehouseCode: string;
  stationId: string;
  operatorId: string;
}

function useBinCodes(db: StationDatabase): Set<string> {
  const [codes, setCodes] = useState<Set<string>>(new Set());
  useEffect(() => {
    const sub = db.bins
      .find()
      .$.subscribe((docs) => setCodes(new Set(docs.map((d) => (d.toJSON() as BinDoc).code))));
    return () => sub.unsubscribe();
  }, [db]);
  return codes;
}

/** The parcel's RMA as the central OMS sent it, and this station's own receipts for it. */
function useRma(db: StationDatabase, rmaId: string | null) {
  const [rma, setRma] = useState<{ id: string; doc: RmaDoc | null } | null>(null);
  const [own, setOwn] = useState<{ id: string; docs: ReturnReceiptDoc[] } | null>(null);
  useEffect(() => {
    if (!rmaId) return;
    const rmaSub = db.rmas
      .findOne(rmaId)
      .$.subscribe((doc) => setRma({ id: rmaId, doc: doc ? (doc.toJSON() as RmaDoc) : null }));
    const ownSub = db.returns
      .find({ selector: { rmaId } })
      .$.subscribe((docs) =>
        setOwn({ id: rmaId, docs: docs.map((d) => d.toJSON() as ReturnReceiptDoc) }),
      );
    return () => {
      rmaSub.unsubscribe();
      ownSub.unsubscribe();
    };
  }, [db, rmaId]);
  if (!rmaId) return { rma: null, own: NONE, loaded: true };
  if (rma?.id === rmaId && own?.id === rmaId) return { rma: rma.doc, own: own.docs, loaded: true };
  return { rma: null, own: NONE, loaded: false };
}

const NONE: ReturnReceiptDoc[] = [];

/** Brings back the parcel and half-graded unit the desk kept, then keeps them as they change. */
function useDeskDrafts(db: StationDatabase): boolean {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let active = true;
    let unsubscribe = () => {};
    void loadDeskDrafts(db).then((kept) => {
      if (!active) return;
      const desk = useReturnsDesk.getState();
      if (!desk.parcel && kept.current)
        desk.resumeParcel(kept.current.parcel, kept.current.pending);
      else if (desk.parcel && !desk.pending)
        desk.setPending(kept.drafts.get(desk.parcel.receiptId)?.pending ?? null);
      setRestored(true);
      const now = useReturnsDesk.getState();
      void saveDeskDraft(db, { parcel: now.parcel, pending: now.pending });
      unsubscribe = useReturnsDesk.subscribe((next, previous) => {
        if (next.parcel !== previous.parcel || next.pending !== previous.pending)
          void saveDeskDraft(db, { parcel: next.parcel, pending: next.pending });
      });
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [db]);
  return restored;
}

export function ReturnsScreen({ db, warehouseCode, stationId, operatorId }: Props) {
  const { t } = useTranslation();
  const restored = useDeskDrafts(db);
  const parcel = useReturnsDesk((s) => s.parcel);
  const catalogue = useCatalogue(db);
  const binCodes = useBinCodes(db);
  const { rma, own, loaded } = useRma(db, parcel?.rmaId ?? null);
  const ctx = useMemo(
    () => ({
      skuByGtin: catalogue?.skuByGtin ?? new Map<string, string>(),
      binCodes,
      bins: binIndex(catalogue?.products.values() ?? []),
    }),
    [catalogue, binCodes],
  );
  const before = useMemo(
    () => (rma && parcel ? receivedBefore(rma, own, parcel.receiptId) : null),
    [rma, own, parcel],
  );

  if (!restored) return <main className="screen">{t('station.loading')}</main>;
  if (!parcel) return <FindReturn db={db} warehouseCode={warehouseCode} stationId={stationId} />;
  if (!catalogue || !loaded) return <main className="screen">{t('station.loading')}</main>;
  const nameOf = (sku: string) =>
    catalogue.products.get(sku)?.name ?? rma?.lines.find((l) => l.sku === sku)?.name ?? sku;
  return (
    <ParcelIntake
      key={parcel.receiptId}
      db={db}
      parcel={parcel}
      rma={rma}
      before={before}
      stationId={stationId}
      operatorId={operatorId}
      ctx={ctx}
      nameOf={nameOf}
    />
  );
}
