// Leased number ranges, kept by main in one file. A number is written as used before it is
// handed out, so a crash can skip a number but never give one out twice. When a range runs low
// the station asks the central OMS for the next one in the background while it is online.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { buildS10TrackingNumber } from '../../shared/carriers/upu-s10';
import { buildSscc } from '../../shared/gs1/sscc';
import type { LeaseKind, NumberLease } from '../../shared/station-api/numbering';
import { NumberLease as NumberLeaseSchema } from '../../shared/station-api/numbering';
import { reason } from '../../shared/reasons/reason';
import { StationApiError } from '../../shared/station-api';

const LeaseFile = z.object({ leases: z.array(NumberLeaseSchema) });
type LeaseFile = z.infer<typeof LeaseFile>;

export interface NumberLeaseOptions {
  path: string;
  requestLease(kind: LeaseKind): Promise<NumberLease>;
  /** Ask for the next range when this many numbers or fewer are left. */
  lowWaterMark?: number;
  log?: (message: string) => void;
}

export class NumberLeases {
  private file: LeaseFile | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private renewing = new Set<LeaseKind>();

  constructor(private readonly options: NumberLeaseOptions) {}

  allocateSscc(): Promise<string> {
    return this.take('sscc', (lease, serial) => {
      if (lease.kind !== 'sscc') throw new Error('lease kind mismatch');
      return buildSscc(
        { companyPrefix: lease.companyPrefix, extensionDigit: lease.extensionDigit },
        serial,
      );
    });
  }

  allocateTrackingNumber(): Promise<string> {
    return this.take('tracking', (lease, serial) => {
      if (lease.kind !== 'tracking') throw new Error('lease kind mismatch');
      return buildS10TrackingNumber(lease.prefix, serial, lease.countryCode);
    });
  }

  async stock(): Promise<Record<LeaseKind, number>> {
    const file = await this.load();
    const count = (kind: LeaseKind) =>
      file.leases
        .filter((l) => l.kind === kind)
        .reduce((sum, l) => sum + Math.max(0, l.end - l.next + 1), 0);
    return { sscc: count('sscc'), tracking: count('tracking') };
  }

  /** Tops up every kind that is low; called when the station comes online. */
  async topUp(): Promise<void> {
    const stock = await this.stock();
    await Promise.all(
      (Object.keys(stock) as LeaseKind[])
        .filter((k) => stock[k] <= this.lowWater())
        .map((k) => this.renew(k)),
    );
  }

  private lowWater(): number {
    return this.options.lowWaterMark ?? 50;
  }

  private take(
    kind: LeaseKind,
    format: (lease: NumberLease, serial: number) => string,
  ): Promise<string> {
    const run = this.queue.then(async () => {
      const file = await this.load();
      const lease = file.leases.find((l) => l.kind === kind && l.next <= l.end);
      if (!lease) {
        void this.renew(kind);
        throw new StationApiError(
          'no_numbers',
          `This station has no ${kind === 'sscc' ? 'SSCC' : 'tracking'} numbers left; connect it to the central OMS to lease more`,
          undefined,
          reason(kind === 'sscc' ? 'no_sscc_numbers' : 'no_tracking_numbers', {}),
        );
      }
      const number = format(lease, lease.next);
      lease.next += 1;
      file.leases = file.leases.filter((l) => l.next <= l.end);
      await this.save(file);
      const left = file.leases
        .filter((l) => l.kind === kind)
        .reduce((s, l) => s + l.end - l.next + 1, 0);
      if (left <= this.lowWater()) void this.renew(kind);
      return number;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async renew(kind: LeaseKind): Promise<void> {
    if (this.renewing.has(kind)) return;
    this.renewing.add(kind);
    try {
      const lease = await this.options.requestLease(kind);
      const append = this.queue.then(async () => {
        const file = await this.load();
        file.leases.push(lease);
        await this.save(file);
      });
      this.queue = append.catch(() => undefined);
      await append;
    } catch (err) {
      this.options.log?.(
        `could not lease ${kind} numbers: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      this.renewing.delete(kind);
    }
  }

  private async load(): Promise<LeaseFile> {
    if (this.file) return this.file;
    const text = await readFile(this.options.path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    this.file = text === null ? { leases: [] } : LeaseFile.parse(JSON.parse(text));
    return this.file;
  }

  private async save(file: LeaseFile): Promise<void> {
    await mkdir(dirname(this.options.path), { recursive: true });
    const tmp = `${this.options.path}.tmp`;
    await writeFile(tmp, JSON.stringify(file));
    await rename(tmp, this.options.path);
  }
}
