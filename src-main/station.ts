// Composes the main-process side of a station: the services and one handler table per domain.
// Electron's main entry and the web host both build the station here, then attach a transport.
import type { StationHandlers, StationStatus } from '../shared/station-api';
import { CentralClient } from './central/central-client';
import { ConnectivityMonitor, DEFAULT_CONNECTIVITY } from './central/connectivity-monitor';
import type { StationConfig } from './station-config';
import { StationEventHub } from './station-api/event-hub';
import { systemHandlers } from './system/system-handlers';

export interface Station {
  handlers: StationHandlers;
  events: StationEventHub;
  start(): void;
  stop(): Promise<void>;
}

export function createStation(config: StationConfig, transport: StationStatus['transport']): Station {
  const events = new StationEventHub();
  const central = new CentralClient({ baseUrl: config.centralUrl });
  const connectivity = new ConnectivityMonitor(central, (state) => events.emit('connectivity', state), {
    ...DEFAULT_CONNECTIVITY,
    onlineIntervalMs: config.pollIntervalMs,
  });

  const handlers: StationHandlers = {
    ...systemHandlers({ appVersion: config.appVersion, transport, connectivity }),
  };

  return {
    handlers,
    events,
    start: () => connectivity.start(),
    stop: async () => connectivity.stop(),
  };
}
