// Before packing starts: can this order's carrier label it right now? The answer follows the
// rules main labels by (src-main/carriers/label-carriers.ts), so the badge never promises what
// confirming will not do: a carrier with credentials labels online only and waits as label
// pending otherwise; without credentials it goes as the own carrier only where the warehouse
// allows that fallback, else it waits until an admin adds them.
import { OWN_CARRIER } from '../../shared/carriers/carrier-adapter';
import type { Reason } from '../../shared/reasons/reason';
import type { StationApi } from '../../shared/station-api';

export type CarrierStatus = Awaited<ReturnType<StationApi['carrierStatus']>>;

export type PackCarrierReadiness =
  /** The own carrier numbers from leased ranges, offline too. */
  | { state: 'own' }
  | { state: 'ready'; carrier: string }
  /** The station has not heard from main yet. */
  | { state: 'checking'; carrier: string }
  /** Main has no carrier settings from the central OMS yet: labels wait until they arrive. */
  | { state: 'settings-unknown'; carrier: string }
  /** Credentials are there but the station is offline: labels wait and print once online. */
  | { state: 'offline'; carrier: string }
  /** The carrier's label calls fail since `since`: labels wait and print once it answers. */
  | { state: 'unreachable'; carrier: string; since: string; failure?: Reason }
  /** No credentials, and the warehouse allows the own carrier instead (recorded on the shipment). */
  | { state: 'fallback-to-own'; carrier: string }
  /** No usable credentials and no fallback: labels wait until an admin sets them. */
  | { state: 'not-configured'; carrier: string; reason?: Reason };

export type ReadinessTone = 'ok' | 'warn' | 'error';

export function carrierReadiness(
  carrier: string,
  status: CarrierStatus | null,
  online: boolean,
): PackCarrierReadiness {
  if (carrier === OWN_CARRIER) return { state: 'own' };
  if (!status) return { state: 'checking', carrier };
  if (!status.known) return { state: 'settings-unknown', carrier };
  const setting = status.carriers.find((c) => c.carrier === carrier);
  // A carrier the warehouse has no setting for at all is refused by main like one without credentials.
  if (!setting) return { state: 'not-configured', carrier };
  if (setting.status === 'fallback-to-own') return { state: 'fallback-to-own', carrier };
  if (setting.status === 'not-configured')
    return {
      state: 'not-configured',
      carrier,
      ...(setting.reason ? { reason: setting.reason } : {}),
    };
  if (!online) return { state: 'offline', carrier };
  if (setting.unreachableSince)
    return {
      state: 'unreachable',
      carrier,
      since: setting.unreachableSince,
      ...(setting.lastFailure ? { failure: setting.lastFailure } : {}),
    };
  return { state: 'ready', carrier };
}

export function readinessTone(readiness: PackCarrierReadiness): ReadinessTone {
  switch (readiness.state) {
    case 'own':
    case 'ready':
      return 'ok';
    case 'not-configured':
      return 'error';
    default:
      return 'warn';
  }
}

/** The message key under `packCarrier` for each state. */
export const READINESS_MESSAGE = {
  own: 'packCarrier.own',
  ready: 'packCarrier.ready',
  checking: 'packCarrier.checking',
  'settings-unknown': 'packCarrier.settingsUnknown',
  offline: 'packCarrier.offline',
  unreachable: 'packCarrier.unreachable',
  'fallback-to-own': 'packCarrier.fallback',
  'not-configured': 'packCarrier.notConfigured',
} as const satisfies Record<PackCarrierReadiness['state'], string>;
