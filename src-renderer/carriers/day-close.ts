// The end-of-day close (manifest) on the printers/carriers screen, as plain state: which carriers
// of this warehouse close their day here (main says, from their adapters), the station's own
// calendar day to close, and per carrier whether a close is running, done or refused. The carrier
// itself is asked by main (closeCarrierDay), with the warehouse's credentials it holds.
import { carrierName } from '../../shared/carriers/carrier-names';
import { reason, type ReasonMessage } from '../../shared/reasons/reason';
import { StationApiError } from '../../shared/station-api';
import type { CarrierStatus } from '../packing/carrier-readiness';

export type DayClose =
  | { phase: 'idle' }
  | { phase: 'closing'; date: string }
  | { phase: 'closed'; date: string; shipments: number }
  | { phase: 'failed'; date: string; why: ReasonMessage };

export type DayCloses = Readonly<Record<string, DayClose>>;

/** Carriers with credentials here whose API has an end-of-day close, in the settings' order. */
export function dayCloseCarriers(status: CarrierStatus | null): string[] {
  return (status?.carriers ?? [])
    .filter((c) => c.status === 'ready' && c.closesDay)
    .map((c) => c.carrier);
}

/** The station's calendar day (its own clock and time zone), the day a carrier closes. */
export function stationDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function dayCloseOf(closes: DayCloses, carrier: string): DayClose {
  return closes[carrier] ?? { phase: 'idle' };
}

/** A second press while the carrier is still answering is not a second close. */
export function canCloseDay(closes: DayCloses, carrier: string): boolean {
  return dayCloseOf(closes, carrier).phase !== 'closing';
}

export function closingStarted(closes: DayCloses, carrier: string, date: string): DayCloses {
  return { ...closes, [carrier]: { phase: 'closing', date } };
}

/** The answer of closeCarrierDay for one carrier: its count, or the refusal said as a reason. */
export function closingEnded(
  closes: DayCloses,
  carrier: string,
  date: string,
  outcome: { closed: { carrier: string; shipments: number }[] } | { error: unknown },
): DayCloses {
  if ('error' in outcome) {
    const err = outcome.error;
    const why: ReasonMessage = {
      reason: err instanceof StationApiError ? (err.reason ?? null) : null,
      sentence: err instanceof Error ? err.message : String(err),
    };
    return { ...closes, [carrier]: { phase: 'failed', date, why } };
  }
  const mine = outcome.closed.find((c) => c.carrier === carrier);
  if (!mine)
    return {
      ...closes,
      [carrier]: {
        phase: 'failed',
        date,
        why: {
          reason: reason('carrier_no_day_close', { carrier: carrierName(carrier) }),
          sentence: `${carrier} has no end-of-day close at this station`,
        },
      },
    };
  return { ...closes, [carrier]: { phase: 'closed', date, shipments: mine.shipments } };
}
