import { useEffect } from 'react';
import { installKeyboardWedge } from './keyboard-wedge';
import { useScanRouter } from './scan-router';
import { loadScannerSettings } from './scanner-settings';

/** Mounts the one global scanner listener for this station, with its stored settings. */
export function useKeyboardWedge(stationId: string): void {
  const settings = useScanRouter((s) => s.settings);
  const setSettings = useScanRouter((s) => s.setSettings);
  useEffect(() => setSettings(loadScannerSettings(stationId)), [stationId, setSettings]);
  useEffect(
    () =>
      installKeyboardWedge(window, {
        config: settings,
        onScan: (value, keyTime) => useScanRouter.getState().scan(value, keyTime),
      }),
    [settings],
  );
}
