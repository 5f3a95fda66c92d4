// The station's side of receiving: the purchase orders it opened (kept, so a PO opened once can be
// received while the central OMS is unreachable) and its outgoing queue of receiving scans.
// Every scan is written to the queue file before it is sent, and leaves it only when the central
// OMS answered it: taken (or a replay of one it took before) or refused. A scan whose answer was
// lost is sent again with the same id, which the central OMS applies once; so each counts once.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import {
  OpenedReceivingOrder,
  QueuedReceivingScan,
  ReceivingOrder,
  RefusedReceivingScan,
  StationApiError,
  type ReceivingQueue,
  type ReceivingScan,
  type ReceivingScanOutcome,
} from '../../shared/station-api';
import { CentralRequestError } from '../central/central-client';

/** A request to the central OMS with the station's token (SyncService.centralJson). */
export type CentralCall = (
  path: string,
  init?: { method?: string; body?: unknown },
) => Promise<unknown>;

const CentralScanAnswer = z.object({
  sku: z.string(),
  quantity: z.number().int(),
  match: z.enum(['expected', 'over', 'unexpected']),
  replayed: z.boolean(),
});

const DeskFile = z.object({
  orders: z.record(z.string(), OpenedReceivingOrder.omit({ cached: true })).default({}),
  queued: z.array(QueuedReceivingScan).default([]),
  refused: z.array(RefusedReceivingScan).default([]),
});
type DeskFile = z.infer<typeof DeskFile>;

/** Purchase orders kept for offline use, and refused scans kept to show; the oldest go first. */
const KEEP_ORDERS = 50;
const KEEP_REFUSED = 100;
const RETRY_MS = 15_000;

/** An answer that says the scan itself is wrong (4xx); anything else may pass on a later try. */
function isRefusal(err: unknown): err is CentralRequestError {
  return (
    err instanceof CentralRequestError &&
    err.status >= 400 &&
    err.status < 500 &&
    err.status !== 408 &&
    err.status !== 429
  );
}

function asApiError(err: unknown): unknown {
  return err instanceof CentralRequestError ? new StationApiError(err.code, err.message) : err;
}

const path = (poNumber: string) => `/v1/receiving/${encodeURIComponent(poNumber)}`;

export class ReceivingDesk {
  private state: DeskFile = { orders: {}, queued: [], refused: [] };
  private loaded: Promise<void> | null = null;
  /** One flush (and one file write) at a time, in the order they were asked for. */
  private chain: Promise<unknown> = Promise.resolve();
  /** Verdicts for the scans a caller of scan() is waiting on (a flush on reconnect has none). */
  private readonly answers = new Map<string, ReceivingScanOutcome | StationApiError | null>();

  constructor(
    private readonly options: {
      file: string;
      central: CentralCall;
      onQueueChange: (queue: ReceivingQueue) => void;
      now?: () => Date;
    },
  ) {}

  private load(): Promise<void> {
    this.loaded ??= readFile(this.options.file, 'utf8').then(
      (raw) => {
        const parsed = DeskFile.safeParse(JSON.parse(raw));
        if (parsed.success) this.state = parsed.data;
      },
      () => undefined,
    );
    return this.loaded;
  }

  private async save(): Promise<void> {
    await mkdir(dirname(this.options.file), { recursive: true });
    const temporary = `${this.options.file}.tmp`;
    await writeFile(temporary, JSON.stringify(this.state));
    await rename(temporary, this.options.file);
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.catch(() => undefined).then(work);
    this.chain = next;
    return next;
  }

  async queue(): Promise<ReceivingQueue> {
    await this.load();
    return { queued: [...this.state.queued], refused: [...this.state.refused] };
  }

  /** The PO from the central OMS (kept for later), or the kept copy when it cannot be reached. */
  async open(poNumber: string) {
    await this.load();
    try {
      const purchaseOrder = ReceivingOrder.parse(await this.options.central(path(poNumber)));
      const fetchedAt = this.now();
      await this.serial(async () => {
        const { [purchaseOrder.number]: _old, ...others } = this.state.orders;
        const kept = Object.entries(others).slice(-(KEEP_ORDERS - 1));
        this.state.orders = {
          ...Object.fromEntries(kept),
          [purchaseOrder.number]: { purchaseOrder, fetchedAt },
        };
        await this.save();
      });
      return { purchaseOrder, fetchedAt, cached: false };
    } catch (err) {
      if (!(err instanceof StationApiError && err.code === 'offline')) throw asApiError(err);
      const kept = this.state.orders[poNumber];
      if (!kept)
        throw new StationApiError(
          'offline_not_cached',
          `Purchase order ${poNumber} was never opened at this station and the central OMS cannot be reached`,
        );
      return { ...kept, cached: true };
    }
  }

  /**
   * Queues the scan, then sends the queue in order: the answer is the central OMS's verdict on
   * this scan when it got that far, else `queued` (saved here, sent when it is reachable).
   */
  async scan(scan: ReceivingScan): Promise<ReceivingScanOutcome> {
    await this.load();
    this.answers.set(scan.scanId, null);
    await this.serial(async () => {
      const known =
        this.state.queued.some((q) => q.scanId === scan.scanId) ||
        this.state.refused.some((q) => q.scanId === scan.scanId);
      if (known) return;
      this.state.queued.push({ ...scan, queuedAt: this.now() });
      await this.save();
      this.options.onQueueChange(await this.queue());
    });
    await this.flush();
    const answer = this.answers.get(scan.scanId);
    this.answers.delete(scan.scanId);
    if (answer instanceof StationApiError) throw answer;
    return answer ?? { outcome: 'queued' };
  }

  /** Sends the queued scans in the order they were made; stops at the first that cannot be sent. */
  flush(): Promise<void> {
    return this.serial(async () => {
      await this.load();
      let changed = false;
      while (this.state.queued.length > 0) {
        const next = this.state.queued[0]!;
        const { poNumber, sku, queuedAt: _at, ...body } = next;
        let outcome: ReceivingScanOutcome | StationApiError;
        try {
          const answer = CentralScanAnswer.parse(
            await this.options.central(`${path(poNumber)}/scans`, {
              method: 'POST',
              body: { ...body, code: sku },
            }),
          );
          outcome = { outcome: 'received', ...answer };
          if (!answer.replayed) this.countReceived(poNumber, answer.sku, answer.quantity);
        } catch (err) {
          if (!isRefusal(err)) {
            // Offline: the reconnect flushes. A hiccup (5xx, timeout) while online: try again soon.
            if (!(err instanceof StationApiError && err.code === 'offline')) this.retrySoon();
            break;
          }
          outcome = new StationApiError(err.code, err.message);
          this.state.refused = [
            ...this.state.refused,
            { ...next, error: { code: err.code, message: err.message.slice(0, 500) } },
          ].slice(-KEEP_REFUSED);
        }
        if (this.answers.has(next.scanId)) this.answers.set(next.scanId, outcome);
        this.state.queued.shift();
        changed = true;
        await this.save();
      }
      if (changed) this.options.onQueueChange(await this.queue());
    });
  }

  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  private retrySoon(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, RETRY_MS);
    this.retryTimer.unref?.();
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Keeps the station's copy of the PO in step with what the central OMS took. */
  private countReceived(poNumber: string, sku: string, quantity: number): void {
    const kept = this.state.orders[poNumber];
    const line = kept?.purchaseOrder.lines.find((l) => l.sku === sku);
    if (line) line.receivedQuantity += quantity;
  }
}
