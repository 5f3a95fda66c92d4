import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons/reason';
import { StationApiError } from '../../shared/station-api';
import type { CarrierStatus } from '../packing/carrier-readiness';
import {
  canCloseDay,
  closingEnded,
  closingStarted,
  dayCloseCarriers,
  dayCloseOf,
  stationDay,
} from './day-close';

const makeStatus = (carriers: CarrierStatus['carriers']): CarrierStatus => ({
  known: true,
  carriers,
});

describe('end-of-day close on the printers/carriers screen', () => {
  it('offers a close only for carriers with credentials whose API has one', () => {
    const status = makeStatus([
      { carrier: 'postnl', status: 'ready' },
      { carrier: 'gls', status: 'ready', closesDay: true },
      { carrier: 'dpd', status: 'not-configured', closesDay: true },
      { carrier: 'ups', status: 'fallback-to-own' },
    ]);
    expect(dayCloseCarriers(status)).toEqual(['gls']);
    expect(dayCloseCarriers(null)).toEqual([]);
    expect(dayCloseCarriers({ known: false, carriers: [] })).toEqual([]);
  });

  it('closes the station’s own calendar day, not the UTC one', () => {
    // 23:30 local time on 4 December is 4 December here, whatever UTC says.
    expect(stationDay(new Date(2026, 11, 4, 23, 30))).toBe('2026-12-04');
    expect(stationDay(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });

  it('gives any moment as a real calendar date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }),
        (now) => {
          const day = stationDay(now);
          expect(day).toMatch(/^\d{4}-\d\d-\d\d$/);
          const [y, m, d] = day.split('-').map(Number);
          expect(new Date(y!, m! - 1, d!).getDate()).toBe(now.getDate());
        },
      ),
    );
  });

  it('does not start a second close while the carrier is still answering', () => {
    const closing = closingStarted({}, 'gls', '2026-12-04');
    expect(dayCloseOf(closing, 'gls')).toEqual({ phase: 'closing', date: '2026-12-04' });
    expect(canCloseDay(closing, 'gls')).toBe(false);
    expect(canCloseDay(closing, 'dhl-parcel')).toBe(true);
  });

  it('shows how many parcels the carrier closed for that day', () => {
    const closing = closingStarted({}, 'gls', '2026-12-04');
    const closed = closingEnded(closing, 'gls', '2026-12-04', {
      closed: [{ carrier: 'gls', shipments: 12 }],
    });
    expect(dayCloseOf(closed, 'gls')).toEqual({
      phase: 'closed',
      date: '2026-12-04',
      shipments: 12,
    });
    expect(canCloseDay(closed, 'gls')).toBe(true);
  });

  it('keeps the carrier’s refusal as a reason for the packer’s language, and allows a retry', () => {
    const error = new StationApiError(
      'carrier_unavailable',
      'GLS failed (HTTP 503)',
      undefined,
      reason('carrier_failed', { carrier: 'GLS', status: 503 }),
    );
    const failed = closingEnded(closingStarted({}, 'gls', '2026-12-04'), 'gls', '2026-12-04', {
      error,
    });
    expect(dayCloseOf(failed, 'gls')).toEqual({
      phase: 'failed',
      date: '2026-12-04',
      why: {
        reason: { code: 'carrier_failed', params: { carrier: 'GLS', status: 503 } },
        sentence: 'GLS failed (HTTP 503)',
      },
    });
    expect(canCloseDay(failed, 'gls')).toBe(true);
    const network = closingEnded({}, 'gls', '2026-12-04', { error: new TypeError('fetch failed') });
    expect(dayCloseOf(network, 'gls')).toMatchObject({
      phase: 'failed',
      why: { reason: null, sentence: 'fetch failed' },
    });
  });

  it('says the carrier was not closed when main’s answer leaves it out', () => {
    const ended = closingEnded({}, 'gls', '2026-12-04', { closed: [] });
    expect(dayCloseOf(ended, 'gls')).toMatchObject({
      phase: 'failed',
      why: { reason: { code: 'carrier_no_day_close', params: { carrier: 'GLS' } } },
    });
  });
});
