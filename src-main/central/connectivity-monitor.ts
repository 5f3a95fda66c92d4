// Watches whether the central OMS can be reached. Online, it checks on a steady interval;
// offline, it backs off exponentially (with jitter, so a warehouse of stations does not knock
// on a recovering server in lockstep) up to a ceiling.
import type { Connectivity } from '../../shared/station-api';
import type { CentralClient } from './central-client';

export interface ConnectivityOptions {
  onlineIntervalMs: number;
  offlineInitialMs: number;
  offlineMaxMs: number;
}

export const DEFAULT_CONNECTIVITY: ConnectivityOptions = {
  onlineIntervalMs: 5000,
  offlineInitialMs: 1000,
  offlineMaxMs: 10_000,
};

export class ConnectivityMonitor {
  private state: Connectivity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private running = false;
  private inFlight: Promise<Connectivity> | undefined;

  constructor(
    private readonly client: CentralClient,
    private readonly onChange: (state: Connectivity) => void,
    private readonly options: ConnectivityOptions = DEFAULT_CONNECTIVITY,
  ) {
    this.state = {
      online: false,
      centralUrl: client.baseUrl,
      lastContactAt: null,
      reason: 'Not checked yet',
    };
  }

  current(): Connectivity {
    return this.state;
  }

  start(): void {
    this.running = true;
    void this.checkNow();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** Checks now; concurrent callers share one request. */
  checkNow(): Promise<Connectivity> {
    this.inFlight ??= this.check().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Other main-process code reports what it learnt from its own requests. */
  reportContact(): void {
    this.update({
      online: true,
      centralUrl: this.client.baseUrl,
      lastContactAt: new Date().toISOString(),
      reason: null,
    });
  }

  reportFailure(reason: string): void {
    this.update({ ...this.state, online: false, reason });
  }

  private async check(): Promise<Connectivity> {
    clearTimeout(this.timer);
    try {
      await this.client.health();
      this.failures = 0;
      this.reportContact();
    } catch (err) {
      this.failures += 1;
      this.reportFailure(err instanceof Error ? err.message : String(err));
    }
    this.schedule();
    return this.state;
  }

  private schedule(): void {
    if (!this.running) return;
    const { onlineIntervalMs, offlineInitialMs, offlineMaxMs } = this.options;
    const delay = this.state.online
      ? onlineIntervalMs
      : Math.min(offlineMaxMs, offlineInitialMs * 2 ** Math.max(0, this.failures - 1)) *
        (0.8 + Math.random() * 0.4);
    this.timer = setTimeout(() => void this.checkNow(), delay);
    this.timer.unref?.();
  }

  private update(next: Connectivity): void {
    const changed = next.online !== this.state.online || next.reason !== this.state.reason;
    this.state = next;
    if (changed) this.onChange(next);
  }
}
