import type { HandlersOf, StationStatus } from '../../shared/station-api';
import type { systemMethods } from '../../shared/station-api/system';
import type { ConnectivityMonitor } from '../central/connectivity-monitor';

export function systemHandlers(deps: {
  appVersion: string;
  transport: StationStatus['transport'];
  connectivity: ConnectivityMonitor;
}): HandlersOf<typeof systemMethods> {
  return {
    getStatus: async () => ({
      appVersion: deps.appVersion,
      transport: deps.transport,
      connectivity: deps.connectivity.current(),
    }),
    checkConnectivity: () => deps.connectivity.checkNow(),
  };
}
