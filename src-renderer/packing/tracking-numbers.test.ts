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
const shipment = (cartons: ShipmentDoc['cartons'], carrier = 'own'): ShipmentDoc => ({
  id: 's1',
  fulfillmentId: 'f1',
  stationId: 'st',
  operatorId: 'op',
  carrier,
  service: 'standard',
  cartons,
  status: 'open',
  refusalReason: null,
  confirmedAt: null,
  updatedAt: 0,
});

describe('tracking numbers at confirmation', () => {
  it('gives every carton without one its own number and keeps existing numbers', async () => {
    let n = 0;
    const api = {
      allocateTrackingNumber: vi.fn(async () => ({
        trackingNumber: `CP00000000${++n}NL`,
        carrier: 'own',
      })),
    };
    const result = await assignTrackingNumbers(
      shipment([carton('a', null), carton('b', 'KEEP1'), carton('c', null)]),
      'NL',
      api,
    );
    expect(result.shipment.cartons.map((c) => c.trackingNumber)).toEqual([
      'CP000000001NL',
      'KEEP1',
      'CP000000002NL',
    ]);
    expect(result.pending).toEqual([]);
  });

  it("asks the shipment's carrier, with the facts of the carton", async () => {
    const api = {
      allocateTrackingNumber: vi.fn(async () => ({
        trackingNumber: '3SDEVC987000100',
        carrier: 'postnl',
      })),
    };
    const result = await assignTrackingNumbers(shipment([carton('a', null)], 'postnl'), 'nl', api);
    expect(api.allocateTrackingNumber).toHaveBeenCalledWith({
      carrier: 'postnl',
      carton: {
        sscc: '387123450000000012',
        fulfillmentId: 'f1',
        service: 'standard',
        weightGrams: 900,
        destinationCountry: 'NL',
      },
    });
    expect(result.shipment.cartons[0]?.trackingNumber).toBe('3SDEVC987000100');
  });

  it('leaves the label pending when the station has no numbers left, without failing the shipment', async () => {
    const api = {
      allocateTrackingNumber: vi.fn(async () => {
        throw new StationApiError('no_numbers', 'none left', undefined, {
          code: 'no_tracking_numbers',
          params: {},
        });
      }),
    };
    const result = await assignTrackingNumbers(shipment([carton('a', null)]), 'NL', api);
    expect(result.shipment.cartons[0]).toMatchObject({
      trackingNumber: null,
      labelState: 'pending',
    });
    expect(result.pending).toEqual([
      {
        cartonId: 'a',
        reason: { reason: { code: 'no_tracking_numbers', params: {} }, sentence: 'none left' },
      },
    ]);
  });

  it('keeps every PostNL carton pending with the reason when PostNL cannot number them, asking once', async () => {
    const api = {
      allocateTrackingNumber: vi.fn(async () => {
        throw new StationApiError('carrier_unavailable', 'PostNL did not answer within 5000 ms');
      }),
    };
    const result = await assignTrackingNumbers(
      shipment([carton('a', null), carton('b', null)], 'postnl'),
      'NL',
      api,
    );
    expect(api.allocateTrackingNumber).toHaveBeenCalledTimes(1);
    expect(result.shipment.cartons.map((c) => [c.trackingNumber, c.labelState])).toEqual([
      [null, 'pending'],
      [null, 'pending'],
    ]);
    expect(result.pending.map((p) => p.reason.sentence)).toEqual([
      'PostNL did not answer within 5000 ms',
      'PostNL did not answer within 5000 ms',
    ]);
  });

  it('reports once why cartons got own-carrier numbers instead of their carrier’s, and names the own carrier on the shipment', async () => {
    const reason = 'PostNL is not configured at this station; numbered as the own carrier';
    const api = {
      allocateTrackingNumber: vi.fn(async () => ({
        trackingNumber: 'LA000000015NL',
        carrier: 'own',
        fallbackReason: reason,
      })),
    };
    const result = await assignTrackingNumbers(
      shipment([carton('a', null), carton('b', null)], 'postnl'),
      'NL',
      api,
    );
    expect(result.fallbacks).toEqual([{ reason: null, sentence: reason }]);
    expect(result.pending).toEqual([]);
    // The label and the central OMS name the carrier whose numbers the parcels carry.
    expect(result.shipment.carrier).toBe('own');
  });
});
