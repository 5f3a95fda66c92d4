import { describe, expect, it, vi } from 'vitest';
import { StationApiError } from '../../shared/station-api';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { assignTrackingNumbers } from './tracking-numbers';

const carton = (id: string, trackingNumber: string | null) => ({
  id,
  sscc: '387123450000000012',
  boxType: 'M',
  weightGrams: 900,
  items: [],
  trackingNumber,
  labelState: 'pending' as const,
});
const shipment = (cartons: ShipmentDoc['cartons']): ShipmentDoc => ({
  id: 's1',
  fulfillmentId: 'f1',
  stationId: 'st',
  operatorId: 'op',
  carrier: 'own',
  service: 'standard',
  cartons,
  status: 'open',
  refusalReason: null,
  confirmedAt: null,
  updatedAt: 0,
});

describe('own-carrier tracking numbers at confirmation', () => {
  it('gives every carton without one its own number and keeps existing numbers', async () => {
    let n = 0;
    const api = {
      allocateTrackingNumber: vi.fn(async () => ({
        trackingNumber: `CP00000000${++n}NL`,
        carrier: 'own' as const,
      })),
    };
    const result = await assignTrackingNumbers(
      shipment([carton('a', null), carton('b', 'KEEP1'), carton('c', null)]),
      api,
    );
    expect(result.cartons.map((c) => c.trackingNumber)).toEqual([
      'CP000000001NL',
      'KEEP1',
      'CP000000002NL',
    ]);
  });

  it('leaves the label pending when the station has no numbers left, without failing the shipment', async () => {
    const api = {
      allocateTrackingNumber: vi.fn(async () => {
        throw new StationApiError('no_numbers', 'none left');
      }),
    };
    const result = await assignTrackingNumbers(shipment([carton('a', null)]), api);
    expect(result.cartons[0]).toMatchObject({ trackingNumber: null, labelState: 'pending' });
  });
});
