// Carton numbers (SSCCs) a station voided: the label of a refused or cancelled shipment, or a
// carton set aside when its order was cancelled while being packed. The central OMS records
// them and never accepts one again, nor an SSCC already on a shipped carton.
import type { Transaction } from 'kysely';
import type { ShipmentDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import type { StationIdentity } from '../stations/stations';
import { touchHold } from './work-holds';

type Trx = Transaction<Database>;

/** The cartons of a pushed shipment whose label and SSCC the station voided. */
export function voidedCartons(shipment: ShipmentDoc): ShipmentDoc['cartons'] {
  return shipment.status === 'voided'
    ? shipment.cartons
    : shipment.cartons.filter((c) => c.labelState === 'voided');
}

export async function recordVoidedSsccs(
  trx: Trx,
  station: StationIdentity,
  shipment: ShipmentDoc,
): Promise<void> {
  // A shipped carton stays shipped: a station cannot void what the central OMS accepted.
  const voided = voidedCartons(shipment);
  const shipped = new Set(
    voided.length === 0
      ? []
      : (
          await trx
            .selectFrom('cartons')
            .select('sscc')
            .where(
              'sscc',
              'in',
              voided.map((c) => c.sscc),
            )
            .execute()
        ).map((c) => c.sscc.trim()),
  );
  const cartons = voided.filter((c) => !shipped.has(c.sscc));
  if (cartons.length === 0) return;
  await trx
    .insertInto('voided_ssccs')
    .values(
      cartons.map((c) => ({
        sscc: c.sscc,
        station_id: station.stationId,
        shipment_id: shipment.id,
        fulfillment_id: shipment.fulfillmentId,
      })),
    )
    .onConflict((oc) => oc.column('sscc').doNothing())
    .execute();
}

/** The first SSCC of the shipment that was voided, shipped before, or is on two of its cartons. */
export async function reusedSscc(trx: Trx, shipment: ShipmentDoc): Promise<string | null> {
  const ssccs = shipment.cartons.map((c) => c.sscc);
  const twice = ssccs.find((sscc, i) => ssccs.indexOf(sscc) !== i);
  if (twice) return twice;
  if (ssccs.length === 0) return null;
  const voided = await trx
    .selectFrom('voided_ssccs')
    .select('sscc')
    .where('sscc', 'in', ssccs)
    .executeTakeFirst();
  if (voided) return voided.sscc;
  const shipped = await trx
    .selectFrom('cartons')
    .select('sscc')
    .where('sscc', 'in', ssccs)
    .where('shipment_id', '!=', shipment.id)
    .executeTakeFirst();
  return shipped ? shipped.sscc.trim() : null;
}

/**
 * After a pushed shipment's verdict (so its locks come in the order held work takes them):
 * cartons the station voided are recorded, and packing counts as progress on the held work.
 */
export async function afterShipmentPush(
  trx: Trx,
  station: StationIdentity,
  shipment: ShipmentDoc,
): Promise<void> {
  await recordVoidedSsccs(trx, station, shipment);
  await touchHold(trx, station, shipment.fulfillmentId);
}
