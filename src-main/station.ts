// Composes the main-process side of a station: the services and one handler table per domain.
// Electron's main entry and the web host both build the station here, then attach a transport.
import type { StationHandlers, StationStatus } from '../shared/station-api';
import { CentralClient } from './central/central-client';
import { ConnectivityMonitor, DEFAULT_CONNECTIVITY } from './central/connectivity-monitor';
import type { StationConfig } from './station-config';
import { StationEventHub } from './station-api/event-hub';
import { fileCredentialStore, type CredentialStore } from './sync/credential-store';
import { SyncService } from './sync/sync-service';
import { CarrierRegistry } from './carriers/carrier-registry';
import { createLeasedOwnCarrier } from './carriers/own-carrier-leases';
import { createPostnlCarrier, POSTNL_CARRIER } from './carriers/postnl/postnl-barcode';
import { CarrierLabelStore } from './carriers/carrier-label-store';
import { LabelCarriers } from './carriers/label-carriers';
import { NumberLeases } from './numbering/number-leases';
import { numberingHandlers } from './numbering/numbering-handlers';
import { systemHandlers } from './system/system-handlers';
import { PrintService } from './printing/print-service';
import { printingHandlers } from './printing/printing-handlers';
import { ReceivingDesk } from './receiving/receiving-desk';
import { receivingHandlers } from './receiving/receiving-handlers';
import { join } from 'node:path';

export interface Station {
  handlers: StationHandlers;
  events: StationEventHub;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface StationPlatform {
  transport: StationStatus['transport'];
  /** Electron passes a safeStorage-backed store; the web host's default is an owner-only file. */
  credentialStore?: CredentialStore;
}

export function createStation(config: StationConfig, platform: StationPlatform): Station {
  const { transport } = platform;
  const events = new StationEventHub();
  const central = new CentralClient({ baseUrl: config.centralUrl });
  let onOnline = () => {};
  const connectivity = new ConnectivityMonitor(
    central,
    (state) => {
      events.emit('connectivity', state);
      if (state.online) onOnline();
    },
    {
      ...DEFAULT_CONNECTIVITY,
      onlineIntervalMs: config.pollIntervalMs,
    },
  );

  const credentials =
    platform.credentialStore ?? fileCredentialStore(join(config.dataDir, 'credentials.json'));
  const sync = new SyncService(central, credentials, connectivity, events, config.centralUrl);
  const numbers = new NumberLeases({
    path: join(config.dataDir, 'number-leases.json'),
    requestLease: (kind) => sync.requestLease(kind),
    log: (message) => console.warn(message),
  });
  const carriers = new CarrierRegistry({
    own: createLeasedOwnCarrier(numbers),
    adapters: config.postnl.configured ? [createPostnlCarrier(config.postnl.config)] : [],
    notConfigured: config.postnl.configured ? {} : { [POSTNL_CARRIER]: config.postnl.reason },
  });
  const labelCarriers = new LabelCarriers(
    carriers,
    new CarrierLabelStore(join(config.dataDir, 'carrier-labels.json')),
    () => events.emit('carrierStatus', labelCarriers.status()),
  );
  for (const line of carriers.describe()) console.info(line);
  // Carrier credentials come from the central OMS over the station token, at start and whenever
  // the station is back online; the status bar asks carrierStatus.
  const refreshCarriers = async () => {
    try {
      labelCarriers.configure(await sync.fetchCarrierSettings());
      for (const line of labelCarriers.describe()) console.info(line);
      events.emit('carrierStatus', labelCarriers.status());
    } catch (err) {
      console.warn('carrier settings not fetched:', err instanceof Error ? err.message : err);
    }
  };
  const receiving = new ReceivingDesk({
    file: join(config.dataDir, 'receiving.json'),
    central: (path, init) => sync.centralJson(path, init),
    onQueueChange: (queue) => events.emit('receivingQueue', queue),
  });
  onOnline = () => {
    if (!sync.isEnrolled()) return;
    void receiving.flush();
    void numbers.topUp();
    void refreshCarriers();
  };
  events.subscribe((event) => {
    if (event === 'enrolment') onOnline();
  });

  const printing = new PrintService({
    dataDir: config.dataDir,
    emitStatus: (status) => events.emit('printerStatus', status),
  });

  const handlers: StationHandlers = {
    ...systemHandlers({ appVersion: config.appVersion, transport, connectivity }),
    ...sync.handlers(),
    ...numberingHandlers({
      numbers,
      carriers: labelCarriers,
      isOnline: () => connectivity.current().online,
    }),
    ...printingHandlers(printing),
    ...receivingHandlers(receiving),
  };

  return {
    handlers,
    events,
    async start() {
      connectivity.start();
      await sync.init(config.enrolmentCode).catch((err: unknown) => {
        console.error(
          'station enrolment at start failed:',
          err instanceof Error ? err.message : err,
        );
      });
      onOnline();
    },
    stop: async () => {
      sync.stop();
      receiving.stop();
      connectivity.stop();
    },
  };
}
