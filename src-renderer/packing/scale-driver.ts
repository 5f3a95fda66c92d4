// A scale is a driver the packing screen reads a carton's weight from. Serial and USB HID scales
// would implement the same interface (in main, behind the station API); the manual driver reads
// what the packer typed, so every station can weigh on any scale with a display.
import { parseWeightInput } from './weight-rules';

export interface ScaleReading {
  grams: number;
  /** A real scale reports whether the reading has settled; a typed weight always has. */
  stable: boolean;
}

export interface ScaleDriver {
  readonly kind: 'manual' | 'serial' | 'hid';
  /** The current weight, or null when there is none (nothing typed, nothing on the scale). */
  read(): Promise<ScaleReading | null>;
}

/** Reads the weight the packer typed into the carton's weight field. */
export function manualScale(typed: () => string): ScaleDriver {
  return {
    kind: 'manual',
    async read() {
      const grams = parseWeightInput(typed());
      return grams === null ? null : { grams, stable: true };
    },
  };
}
