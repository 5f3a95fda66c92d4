// The scanner's settings are per station (each station has its own scanner), kept in the
// station's localStorage. Read back through the detector's own schema, so a damaged or stale
// value falls back to the defaults rather than breaking scanning.
import { z } from 'zod';
import { scanDetectorConfigSchema } from './scan-detector';

export const scannerSettingsSchema = scanDetectorConfigSchema.extend({
  /** Printable stand-ins the scanner sends for FNC1 (e.g. '~'), passed to classifyScan. */
  fnc1Substitutes: z.array(z.string().length(1)).max(3).default([]),
});
export type ScannerSettings = z.output<typeof scannerSettingsSchema>;

export const defaultScannerSettings: ScannerSettings = scannerSettingsSchema.parse({});

function storageKey(stationId: string): string {
  return `station.scanner.${stationId}`;
}

/** Parses stored text; anything unreadable gives the defaults. */
export function readScannerSettings(stored: string | null): ScannerSettings {
  if (stored === null) return defaultScannerSettings;
  try {
    const parsed = scannerSettingsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : defaultScannerSettings;
  } catch {
    return defaultScannerSettings;
  }
}

export function loadScannerSettings(stationId: string): ScannerSettings {
  return readScannerSettings(localStorage.getItem(storageKey(stationId)));
}

/** Validates, stores and returns the settings; throws the zod error (it names the field). */
export function saveScannerSettings(
  stationId: string,
  settings: z.input<typeof scannerSettingsSchema>,
): ScannerSettings {
  const checked = scannerSettingsSchema.parse(settings);
  localStorage.setItem(storageKey(stationId), JSON.stringify(checked));
  return checked;
}
