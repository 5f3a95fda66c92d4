// Each carrier's readiness as main knows it (settings from the central OMS, outages learnt from
// failed label calls), for the status bar and the packing screen: one subscription while any
// component shows it.
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import {
  carrierReadiness,
  type CarrierStatus,
  type PackCarrierReadiness,
} from '../packing/carrier-readiness';
import { station } from '../station-api/connect';
import { useConnectivity } from './connectivity-store';

export const useCarrierStatusStore = create<{ status: CarrierStatus | null }>(() => ({
  status: null,
}));

let watchers = 0;
let unwatch: (() => void) | null = null;

function watchCarrierStatus(): () => void {
  watchers += 1;
  if (watchers === 1) {
    const api = station();
    const off = api.on('carrierStatus', (status) => useCarrierStatusStore.setState({ status }));
    let live = true;
    void api
      .carrierStatus({})
      .then((status) => live && useCarrierStatusStore.setState({ status }))
      .catch(() => undefined);
    unwatch = () => {
      live = false;
      off();
    };
  }
  return () => {
    watchers -= 1;
    if (watchers === 0) {
      unwatch?.();
      unwatch = null;
    }
  };
}

export function useCarrierStatus(): CarrierStatus | null {
  useEffect(watchCarrierStatus, []);
  return useCarrierStatusStore((s) => s.status);
}

/** Whether this carrier can label now, recomputed as main's status or the connection changes. */
export function useCarrierReadiness(carrier: string): PackCarrierReadiness {
  const status = useCarrierStatus();
  // null until main has said whether the station is online: "checking", not "offline".
  const online = useConnectivity((s) => s.connectivity?.online ?? null);
  return useMemo(
    () => carrierReadiness(carrier, online === null ? null : status, online ?? false),
    [carrier, status, online],
  );
}
