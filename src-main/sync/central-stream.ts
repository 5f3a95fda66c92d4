// The live stream of changes from the central OMS (server-sent events over fetch, since Node 20
// has no EventSource). Every (re)connect is announced as a resync for every collection: changes
// made while the stream was down are then fetched by RxDB's pull, so none is missed.
import type { StreamMessage } from '../../shared/sync/protocol';
import { StreamMessage as StreamMessageSchema } from '../../shared/sync/protocol';
import { SYNC_COLLECTIONS } from '../../shared/sync/documents';
import type { CentralClient } from '../central/central-client';

export interface CentralStreamOptions {
  /** No byte (data or heartbeat) for this long means the connection is dead. */
  idleTimeoutMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
}

export const DEFAULT_STREAM_OPTIONS: CentralStreamOptions = {
  idleTimeoutMs: 45_000,
  retryInitialMs: 500,
  retryMaxMs: 10_000,
};

export class CentralStream {
  private running = false;
  private abort: AbortController | undefined;
  private failures = 0;

  constructor(
    private readonly client: CentralClient,
    private readonly onMessage: (message: StreamMessage) => void,
    private readonly onConnected: (connected: boolean, reason: string | null) => void,
    private readonly options: CentralStreamOptions = DEFAULT_STREAM_OPTIONS,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.abort?.abort();
  }

  /** Drop the current connection and connect again now (e.g. after re-enrolment). */
  restart(): void {
    this.failures = 0;
    this.abort?.abort();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        await this.connectOnce();
      } catch (err) {
        if (!this.running) break;
        this.failures += 1;
        this.onConnected(false, err instanceof Error ? err.message : String(err));
      }
      if (!this.running) break;
      const delay = Math.min(
        this.options.retryMaxMs,
        this.options.retryInitialMs * 2 ** Math.min(this.failures, 10),
      );
      await new Promise((resolve) => setTimeout(resolve, delay * (0.8 + Math.random() * 0.4)));
    }
  }

  private async connectOnce(): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    let idleTimer = setTimeout(() => abort.abort(), this.options.idleTimeoutMs);
    const touch = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => abort.abort(), this.options.idleTimeoutMs);
    };
    try {
      const response = await this.client.request('/v1/sync/stream', {
        signal: abort.signal,
        headers: { Accept: 'text/event-stream' },
      });
      if (!response.ok || !response.body)
        throw new Error(`Central OMS stream answered HTTP ${response.status}`);
      this.failures = 0;
      this.onConnected(true, null);
      for (const collection of SYNC_COLLECTIONS) this.onMessage({ collection, resync: true });

      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        touch();
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          this.handleFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      throw new Error('Central OMS closed the stream');
    } finally {
      clearTimeout(idleTimer);
    }
  }

  private handleFrame(frame: string): void {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (!data) return; // heartbeat comment
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      return; // a damaged frame is dropped; the next resync or pull fetches the documents anyway
    }
    const parsed = StreamMessageSchema.safeParse(value);
    if (parsed.success) this.onMessage(parsed.data);
  }
}
