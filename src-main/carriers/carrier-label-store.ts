// The carrier labels main received, by carton SSCC, in one owner-only file under the station's
// data directory: the renderer prints, previews and reprints them from here (labels are not
// secrets, but they stay out of the renderer's database so its schemas need no change).
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { carrierLabelSchema, type CarrierLabel } from '../../shared/carriers/carrier-shipment';

const StoredLabels = z.record(z.string(), carrierLabelSchema.extend({ carrier: z.string() }));
export type StoredCarrierLabel = CarrierLabel & { carrier: string };

export class CarrierLabelStore {
  private labels: Record<string, StoredCarrierLabel>;

  constructor(private readonly path: string) {
    let stored: unknown = {};
    try {
      stored = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      stored = {};
    }
    const parsed = StoredLabels.safeParse(stored);
    this.labels = parsed.success ? parsed.data : {};
  }

  get(sscc: string): StoredCarrierLabel | null {
    return this.labels[sscc] ?? null;
  }

  put(sscc: string, label: StoredCarrierLabel): void {
    this.labels = { ...this.labels, [sscc]: label };
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(this.labels), { mode: 0o600 });
    renameSync(temp, this.path);
  }
}
