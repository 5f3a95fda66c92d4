// The station's side of replication in the main process: enrolment, and the pull/push/stream
// calls the renderer's RxDB replication makes, forwarded to the central OMS with the token.
import {
  stationCarrierSettingsSchema,
  type StationCarrierSetting,
} from '../../shared/carriers/carrier-credentials';
import { z } from 'zod';
import type { Enrolment, HandlersOf } from '../../shared/station-api';
import { StationApiError } from '../../shared/station-api';
import type { LeaseKind } from '../../shared/station-api/numbering';
import { NumberLease } from '../../shared/station-api/numbering';
import type { syncMethods } from '../../shared/station-api/sync';
import type { StreamMessage } from '../../shared/sync/protocol';
import { PullResponse, PushResponse } from '../../shared/sync/protocol';
import type { CentralClient } from '../central/central-client';
import { CentralRequestError, CentralUnreachableError } from '../central/central-client';
import type { ConnectivityMonitor } from '../central/connectivity-monitor';
import type { StationEventHub } from '../station-api/event-hub';
import { CentralStream } from './central-stream';
import type { CredentialStore, StationCredentials } from './credential-store';

const EnrolAnswer = z.object({
  stationId: z.string(),
  stationName: z.string(),
  warehouseCode: z.string(),
  token: z.string().min(16),
});

export class SyncService {
  private credentials: StationCredentials | null = null;
  readonly stream: CentralStream;

  constructor(
    private readonly client: CentralClient,
    private readonly store: CredentialStore,
    private readonly connectivity: ConnectivityMonitor,
    private readonly events: StationEventHub,
    private readonly defaultCentralUrl: string,
  ) {
    this.stream = new CentralStream(
      client,
      (message: StreamMessage) => events.emit('syncStream', message),
      (connected, reason) =>
        connected
          ? connectivity.reportContact()
          : connectivity.reportFailure(reason ?? 'Stream closed'),
    );
  }

  /** Loads saved credentials; enrols with `enrolmentCode` when there are none and a code was given. */
  async init(enrolmentCode?: string): Promise<void> {
    this.credentials = await this.store.load();
    if (this.credentials) {
      this.client.setBaseUrl(this.credentials.centralUrl);
      this.client.token = this.credentials.token;
      this.stream.start();
    } else if (enrolmentCode) {
      await this.enrol({ centralUrl: this.defaultCentralUrl, code: enrolmentCode });
    }
  }

  stop(): void {
    this.stream.stop();
  }

  enrolment(): Enrolment {
    const c = this.credentials;
    return {
      enrolled: c !== null,
      centralUrl: c?.centralUrl ?? this.client.baseUrl,
      stationId: c?.stationId ?? null,
      stationName: c?.stationName ?? null,
      warehouseCode: c?.warehouseCode ?? null,
    };
  }

  async enrol(args: { centralUrl: string; code: string }): Promise<Enrolment> {
    this.client.setBaseUrl(args.centralUrl);
    this.client.token = null;
    const answer = EnrolAnswer.parse(
      await this.call(() =>
        this.client.json('/v1/stations/enrol', { method: 'POST', body: { code: args.code } }),
      ),
    );
    this.credentials = { centralUrl: this.client.baseUrl, ...answer };
    await this.store.save(this.credentials);
    this.client.token = answer.token;
    this.stream.start();
    this.stream.restart();
    void this.connectivity.checkNow();
    const enrolment = this.enrolment();
    this.events.emit('enrolment', enrolment);
    return enrolment;
  }

  handlers(): HandlersOf<typeof syncMethods> {
    return {
      getEnrolment: async () => this.enrolment(),
      enrol: (args) => this.enrol(args),
      syncPull: async ({ collection, checkpoint, limit }) => {
        this.requireEnrolled();
        const query = new URLSearchParams({ limit: String(limit) });
        if (checkpoint) {
          query.set('updatedAt', String(checkpoint.updatedAt));
          query.set('id', checkpoint.id);
        }
        return PullResponse.parse(
          await this.call(() => this.client.json(`/v1/sync/${collection}/pull?${query}`)),
        );
      },
      syncPush: async ({ collection, rows }) => {
        this.requireEnrolled();
        return PushResponse.parse(
          await this.call(() =>
            this.client.json(`/v1/sync/${collection}/push`, { method: 'POST', body: { rows } }),
          ),
        );
      },
    };
  }

  /** Asks the central OMS for the next range of SSCC or tracking numbers for this station. */
  async requestLease(kind: LeaseKind): Promise<NumberLease> {
    this.requireEnrolled();
    return NumberLease.parse(
      await this.call(() =>
        this.client.json('/v1/stations/leases', { method: 'POST', body: { kind } }),
      ),
    );
  }

  /** The carrier credentials and fallback settings of this station's warehouse (main only). */
  async fetchCarrierSettings(): Promise<StationCarrierSetting[]> {
    this.requireEnrolled();
    const answer = await this.call(() =>
      this.client.json('/v1/stations/carriers', { method: 'GET' }),
    );
    return stationCarrierSettingsSchema.parse(answer).carriers;
  }

  /**
   * A JSON request to the central OMS with this station's token, for the main-process domains
   * (receiving): unreachable becomes StationApiError `offline`; an error answer stays a
   * CentralRequestError with its HTTP status, so the caller can tell a refusal from a hiccup.
   */
  async centralJson(
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<unknown> {
    this.requireEnrolled();
    return this.call(() => this.client.json(path, init), { keepStatus: true });
  }

  isEnrolled(): boolean {
    return this.credentials !== null;
  }

  private requireEnrolled(): void {
    if (!this.credentials)
      throw new StationApiError(
        'not_enrolled',
        'This station is not enrolled with a central OMS yet',
      );
  }

  /** Runs a central request, keeps the connectivity state honest, and turns failures into API errors. */
  private async call<T>(
    request: () => Promise<T>,
    options: { keepStatus?: boolean } = {},
  ): Promise<T> {
    try {
      const result = await request();
      this.connectivity.reportContact();
      return result;
    } catch (err) {
      if (err instanceof CentralUnreachableError) {
        this.connectivity.reportFailure(err.message);
        throw new StationApiError('offline', err.message);
      }
      if (err instanceof CentralRequestError) {
        this.connectivity.reportContact();
        if (err.status === 401 && this.credentials) {
          throw new StationApiError(
            'station_revoked',
            'The central OMS no longer accepts this station; enrol it again',
          );
        }
        if (options.keepStatus) throw err;
        throw new StationApiError(err.code, err.message);
      }
      throw err;
    }
  }
}
