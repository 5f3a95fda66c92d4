// The returns desk: find the parcel's return (or take it in as unexpected), then grade its units.
// Works offline: RMAs, products and bins are local replicas; receipts are saved locally and sent
// when the central OMS is reachable.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BinDoc, RmaDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { useCatalogue } from '../picking/catalogue';
import { FindReturn } from './find-return';
import { ParcelIntake } from './parcel-intake';
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

function useRma(
  db: StationDatabase,
  rmaId: string | null,
): { rma: RmaDoc | null; loaded: boolean } {
  const [state, setState] = useState<{ id: string | null; rma: RmaDoc | null }>({
    id: null,
    rma: null,
  });
  useEffect(() => {
    if (!rmaId) return;
    const sub = db.rmas
      .findOne(rmaId)
      .$.subscribe((doc) => setState({ id: rmaId, rma: doc ? (doc.toJSON() as RmaDoc) : null }));
    return () => sub.unsubscribe();
  }, [db, rmaId]);
  return { rma: rmaId ? state.rma : null, loaded: !rmaId || state.id === rmaId };
}

export function ReturnsScreen({ db, warehouseCode, stationId, operatorId }: Props) {
  const { t } = useTranslation();
  const parcel = useReturnsDesk((s) => s.parcel);
  const catalogue = useCatalogue(db);
  const binCodes = useBinCodes(db);
  const { rma, loaded } = useRma(db, parcel?.rmaId ?? null);
  const ctx = useMemo(
    () => ({ skuByGtin: catalogue?.skuByGtin ?? new Map<string, string>(), binCodes }),
    [catalogue, binCodes],
  );

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
      stationId={stationId}
      operatorId={operatorId}
      ctx={ctx}
      nameOf={nameOf}
    />
  );
}
