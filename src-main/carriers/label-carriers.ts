// Which carrier labels a carton at this station, from the settings the central OMS gives main
// over the station token: a carrier with credentials gets its label from its own API; a carrier
// without them goes as the own carrier only where the back office allowed that fallback (and the
// answer says so); otherwise it is a configuration error, and the carton waits as label pending
// until credentials arrive. The own carrier numbers through the existing registry.
import {
  CARRIER_CREDENTIAL_SCHEMAS,
  isLabelCarrier,
  type LabelCarrier,
  type StationCarrierSetting,
} from '../../shared/carriers/carrier-credentials';
import {
  OWN_CARRIER,
  type CarrierCarton,
  type CarrierContext,
} from '../../shared/carriers/carrier-adapter';
import { carrierName } from '../../shared/carriers/carrier-names';
import { reason, type Reason } from '../../shared/reasons/reason';
import { StationApiError } from '../../shared/station-api';
import type { AllocatedTracking, CarrierRegistry } from './carrier-registry';
import type { CarrierLabelApi } from './carrier-label-api';
import { CarrierApiError, type CarrierFailureKind } from './carrier-label-api';
import type { CarrierLabelStore } from './carrier-label-store';
import { createBpost } from './bpost/bpost-shm';
import { createDhlParcel } from './dhl-parcel/dhl-parcel';
import { createDpdShipper } from './dpd/dpd-shipper';
import { createGls } from './gls/gls-shipit';
import { createPostnlLabelling } from './postnl/postnl-labelling';
import { createSendcloud } from './sendcloud/sendcloud';
import { createUps } from './ups/ups';

export interface CarrierReadiness {
  carrier: string;
  status: 'ready' | 'fallback-to-own' | 'not-configured';
  /** For the log, for every status but "ready". */
  problem?: string;
  /** The same as a code, for the status bar. */
  reason?: Reason;
  /** Since when (ISO) this carrier's label calls fail for reasons not in the shipment's data. */
  unreachableSince?: string;
  /** The latest such failure, as a code. */
  lastFailure?: Reason;
  /** The carrier closes its day (manifest) and this station can ask it to. */
  closesDay?: boolean;
}

/** Failures that say the carrier cannot label now, not that one shipment's data was wrong. */
const OUTAGE_KINDS: ReadonlySet<CarrierFailureKind> = new Set([
  'auth',
  'rate-limited',
  'timeout',
  'unreachable',
  'malformed',
  'failed',
]);

export function createLabelAdapter(carrier: LabelCarrier, credentials: unknown): CarrierLabelApi {
  switch (carrier) {
    case 'postnl':
      return createPostnlLabelling(CARRIER_CREDENTIAL_SCHEMAS.postnl.parse(credentials));
    case 'dhl-parcel':
      return createDhlParcel(CARRIER_CREDENTIAL_SCHEMAS['dhl-parcel'].parse(credentials));
    case 'dpd':
      return createDpdShipper(CARRIER_CREDENTIAL_SCHEMAS.dpd.parse(credentials));
    case 'bpost':
      return createBpost(CARRIER_CREDENTIAL_SCHEMAS.bpost.parse(credentials));
    case 'gls':
      return createGls(CARRIER_CREDENTIAL_SCHEMAS.gls.parse(credentials));
    case 'sendcloud':
      return createSendcloud(CARRIER_CREDENTIAL_SCHEMAS.sendcloud.parse(credentials));
    case 'ups':
      return createUps(CARRIER_CREDENTIAL_SCHEMAS.ups.parse(credentials));
  }
}

export class LabelCarriers {
  private adapters = new Map<string, CarrierLabelApi>();
  private settings: Map<string, StationCarrierSetting> | null = null;
  private readiness: CarrierReadiness[] = [];
  /** Learnt from failed label calls; cleared by the carrier's next label. */
  private outages = new Map<string, { since: string; failure: Reason }>();

  constructor(
    private readonly own: CarrierRegistry,
    private readonly labels: CarrierLabelStore,
    /** Told whenever status() changes because a carrier stopped or started answering. */
    private readonly onStatusChange: () => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Settings from the central OMS; adapters are rebuilt, invalid credentials become a problem. */
  configure(settings: StationCarrierSetting[]): void {
    this.settings = new Map(settings.map((s) => [s.carrier, s]));
    this.adapters = new Map();
    for (const { carrier, credentials } of settings) if (!credentials) this.outages.delete(carrier);
    this.readiness = settings.map((setting): CarrierReadiness => {
      const { carrier } = setting;
      const name = carrierName(carrier);
      let problem: string | undefined;
      let why: Reason | undefined;
      if (setting.credentials && isLabelCarrier(carrier)) {
        try {
          const adapter = createLabelAdapter(carrier, setting.credentials);
          this.adapters.set(carrier, adapter);
          return { carrier, status: 'ready', ...(adapter.closeDay ? { closesDay: true } : {}) };
        } catch (err) {
          problem = `${carrier} credentials from the back office are not usable: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`;
          why = reason('carrier_credentials_unusable', { carrier: name });
        }
      }
      if (!isLabelCarrier(carrier)) {
        problem ??= `No label adapter for ${carrier}`;
        why ??= reason('carrier_no_label_adapter', { carrier: name });
      }
      problem ??= `No ${carrier} credentials for this warehouse`;
      why ??= reason('carrier_no_credentials', { carrier: name });
      return setting.fallbackToOwn
        ? {
            carrier,
            status: 'fallback-to-own',
            problem: `${problem}; its cartons go as the own carrier (fallback set in the back office)`,
            reason: reason('carrier_fallback_own', { carrier: name }),
          }
        : {
            carrier,
            status: 'not-configured',
            problem: `${problem}; its cartons wait as label pending`,
            reason: why,
          };
    });
  }

  status(): { known: boolean; carriers: CarrierReadiness[] } {
    return {
      known: this.settings !== null,
      carriers: this.readiness.map((r) => {
        const outage = this.outages.get(r.carrier);
        return outage && r.status === 'ready'
          ? { ...r, unreachableSince: outage.since, lastFailure: outage.failure }
          : r;
      }),
    };
  }

  private learnFromLabelCall(carrier: string, err?: CarrierApiError): void {
    const known = this.outages.get(carrier);
    if (err && OUTAGE_KINDS.has(err.kind) && err.reason) {
      this.outages.set(carrier, {
        since: known?.since ?? this.now().toISOString(),
        failure: err.reason,
      });
      if (!known || known.failure.code !== err.reason.code) this.onStatusChange();
    } else if (!err && known) {
      this.outages.delete(carrier);
      this.onStatusChange();
    }
  }

  describe(): string[] {
    return [
      ...[...this.adapters.values()].map(
        (a) => `carrier ${a.id}: ${a.name} label API, ${a.apiVersion}`,
      ),
      ...this.readiness.filter((r) => r.problem).map((r) => `carrier ${r.carrier}: ${r.problem}`),
    ];
  }

  label(sscc: string) {
    return this.labels.get(sscc);
  }

  /** Cancels the carrier shipment of a voided carton label; false when it had no carrier label. */
  async cancel(sscc: string): Promise<boolean> {
    const label = this.labels.get(sscc);
    if (!label) return false;
    const adapter = this.adapters.get(label.carrier);
    if (!adapter)
      throw new StationApiError(
        'carrier_not_configured',
        `No ${label.carrier} credentials at this station to cancel its label`,
        undefined,
        reason('carrier_no_credentials', { carrier: carrierName(label.carrier) }),
      );
    try {
      await adapter.cancelShipment(label);
      return true;
    } catch (err) {
      if (err instanceof CarrierApiError)
        throw new StationApiError('carrier_unavailable', err.message, undefined, err.reason);
      throw err;
    }
  }

  /** The end-of-day close at each configured carrier that requires one, or at the one named. */
  async closeDay(
    date: string,
    carrier?: string,
  ): Promise<{ carrier: string; shipments: number }[]> {
    if (carrier !== undefined && !this.adapters.get(carrier)?.closeDay)
      throw new StationApiError(
        'carrier_not_configured',
        `${carrierName(carrier)} has no end-of-day close at this station (none in its API, or no credentials)`,
        'carrier',
        reason('carrier_no_day_close', { carrier: carrierName(carrier) }),
      );
    const closed = [];
    for (const adapter of this.adapters.values()) {
      if (!adapter.closeDay || (carrier !== undefined && adapter.id !== carrier)) continue;
      try {
        closed.push({ carrier: adapter.id, shipments: (await adapter.closeDay(date)).shipments });
      } catch (err) {
        if (err instanceof CarrierApiError)
          throw new StationApiError('carrier_unavailable', err.message, undefined, err.reason);
        throw err;
      }
    }
    return closed;
  }

  async allocate(
    carrier: string,
    carton: CarrierCarton | undefined,
    ctx: CarrierContext,
  ): Promise<AllocatedTracking> {
    if (carrier === OWN_CARRIER) return this.own.allocate(OWN_CARRIER, carton, ctx);
    const adapter = this.adapters.get(carrier);
    if (adapter) return this.fromCarrier(adapter, carton, ctx);
    const name = carrierName(carrier);
    if (!this.settings)
      throw new StationApiError(
        'label_pending',
        `The carrier settings have not reached this station yet; the ${carrier} label prints once the central OMS answers`,
        undefined,
        reason('carrier_settings_unknown', { carrier: name }),
      );
    const setting = this.settings.get(carrier);
    const readiness = this.readiness.find((r) => r.carrier === carrier);
    if (setting?.fallbackToOwn) {
      const own = await this.own.allocate(OWN_CARRIER, carton, ctx);
      return {
        ...own,
        fallbackReason: (readiness?.problem ?? `No ${carrier} label`).slice(0, 300),
        fallback: reason('carrier_fallback_own', { carrier: name }),
      };
    }
    throw new StationApiError(
      'carrier_not_configured',
      readiness?.problem ??
        `Carrier "${carrier}" is not set up for this warehouse in the back office`,
      undefined,
      readiness?.reason ?? reason('carrier_no_credentials', { carrier: name }),
    );
  }

  private async fromCarrier(
    adapter: CarrierLabelApi,
    carton: CarrierCarton | undefined,
    ctx: CarrierContext,
  ): Promise<AllocatedTracking> {
    if (carton) {
      // A label this carton already got (a retry after the answer was lost to the renderer).
      const kept = this.labels.get(carton.sscc);
      if (kept && kept.carrier === adapter.id)
        return { trackingNumber: kept.trackingNumber, carrier: adapter.id, carrierLabel: true };
    }
    if (!carton?.parcel)
      throw new StationApiError(
        'validation_error',
        `${adapter.name} needs the carton's addresses and weight to make its label`,
        'carton.parcel',
        reason('carrier_needs_parcel', { carrier: adapter.name }),
      );
    if (!ctx.online)
      throw new StationApiError(
        'label_pending',
        `${adapter.name} labels online only; the label prints when the station is back online`,
        undefined,
        reason('carrier_label_online_only', { carrier: adapter.name }),
      );
    try {
      const label = await adapter.createShipment({
        sscc: carton.sscc,
        service: carton.service,
        weightGrams: Math.max(1, carton.weightGrams ?? 1),
        parcel: carton.parcel,
      });
      this.labels.put(carton.sscc, { ...label, carrier: adapter.id });
      this.learnFromLabelCall(adapter.id);
      return { trackingNumber: label.trackingNumber, carrier: adapter.id, carrierLabel: true };
    } catch (err) {
      if (err instanceof CarrierApiError) {
        this.learnFromLabelCall(adapter.id, err);
        throw new StationApiError('carrier_unavailable', err.message, undefined, err.reason);
      }
      throw err;
    }
  }
}
