import { create } from 'zustand';
import type { Connectivity } from '../../shared/station-api';
import { station } from '../station-api/connect';

interface ConnectivityState {
  connectivity: Connectivity | null;
  /** The renderer could not reach its own main process (web host stopped). */
  stationError: string | null;
  start(): () => void;
}

export const useConnectivity = create<ConnectivityState>((set) => ({
  connectivity: null,
  stationError: null,
  start() {
    const api = station();
    const unsubscribe = api.on('connectivity', (connectivity) =>
      set({ connectivity, stationError: null }),
    );
    api
      .getStatus({})
      .then((status) => set({ connectivity: status.connectivity, stationError: null }))
      .catch((err: unknown) =>
        set({ stationError: err instanceof Error ? err.message : String(err) }),
      );
    return unsubscribe;
  },
}));
