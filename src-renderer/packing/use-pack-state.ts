// The shipment being packed for one fulfillment at this station: loaded from RxDB (so a reload
// resumes exactly), saved on every change, and told when the central OMS gives its verdict.
import { startTransition, useEffect, useRef, useState } from 'react';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { saveShipment } from '../sync/station-writes';
import { isShipmentSettled, newShipment } from './carton-rules';
import type { PackState } from './pack-rules';

async function loadShipment(
  db: StationDatabase,
  fulfillment: FulfillmentDoc,
  stationId: string,
  operatorId: string,
): Promise<ShipmentDoc> {
  const docs = await db.shipments.find({ selector: { fulfillmentId: fulfillment.id } }).exec();
  const mine = docs
    .map((d) => d.toJSON() as ShipmentDoc)
    .filter((s) => s.stationId === stationId && (!isShipmentSettled(s) || s.status === 'accepted'));
  // Several live shipments would be a bug elsewhere; the one furthest along is the one to show.
  const rank: Record<ShipmentDoc['status'], number> = {
    refused: 4,
    accepted: 3,
    confirmed: 2,
    open: 1,
    voided: 0,
  };
  const existing = mine.sort((a, b) => rank[b.status] - rank[a.status])[0];
  return (
    existing ??
    newShipment({
      id: crypto.randomUUID(),
      fulfillmentId: fulfillment.id,
      stationId,
      operatorId,
      carrier: fulfillment.carrier,
      service: fulfillment.service,
    })
  );
}

export interface PackStateHandle {
  state: PackState | null;
  /** The latest state, also between a scan and the render it causes. */
  current(): PackState | null;
  /** Shows and saves the next state (only the shipment is stored; the active carton is screen state). */
  update(next: PackState): void;
}

export function usePackState(
  db: StationDatabase,
  fulfillment: FulfillmentDoc,
  stationId: string,
  operatorId: string,
): PackStateHandle {
  const [state, setState] = useState<PackState | null>(null);
  const latest = useRef<PackState | null>(null);
  // The ref moves at once (the next scan builds on it); the screen follows as a transition, so
  // the feedback banner (a separate store) is painted first and a scan never waits for the tables.
  const set = (next: PackState) => {
    latest.current = next;
    startTransition(() => setState(next));
  };

  useEffect(() => {
    let cancelled = false;
    void loadShipment(db, fulfillment, stationId, operatorId).then((shipment) => {
      if (!cancelled) set({ shipment, activeCartonId: null });
    });
    return () => {
      cancelled = true;
    };
    // Loaded once per fulfillment; later changes come from this screen or the verdict below.
  }, [db, fulfillment.id, stationId]);

  const shipmentId = state?.shipment.id;
  useEffect(() => {
    if (!shipmentId) return;
    const sub = db.shipments.findOne(shipmentId).$.subscribe((doc) => {
      const mine = latest.current;
      if (!doc || !mine) return;
      const stored = doc.toJSON() as ShipmentDoc;
      if (
        (stored.status === 'accepted' || stored.status === 'refused') &&
        stored.status !== mine.shipment.status
      ) {
        set({
          ...mine,
          shipment: {
            ...mine.shipment,
            status: stored.status,
            refusalReason: stored.refusalReason,
            refusal: stored.refusal ?? null,
          },
        });
      }
    });
    return () => sub.unsubscribe();
  }, [db, shipmentId]);

  return {
    state,
    current: () => latest.current,
    update(next) {
      const before = latest.current;
      set(next);
      if (next.shipment !== before?.shipment) void saveShipment(db, next.shipment);
    },
  };
}
