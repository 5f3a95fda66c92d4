// The one connection per process that LISTENs for every channel the process subscribes to (a
// pooled connection would be handed to other queries). When it is lost — a restart, a failover, a
// network cut, or a ping that gets no answer — it reconnects with backoff, for as long as the
// process runs, LISTENs again, and tells each subscriber once that notices may have been missed
// meanwhile (`onResume`), so it can catch up (the sync hub tells stations to pull).
import pg from 'pg';

export interface ListenerLog {
  info(detail: object, message: string): void;
  warn(detail: object, message: string): void;
}

export interface ListenerOptions {
  log?: ListenerLog | undefined;
  /** First and longest wait between reconnect attempts (doubled per failure, with jitter). */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** A `SELECT 1` this often notices a connection that died without a word (no TCP reset). */
  pingMs?: number;
}

interface Subscriber {
  onPayload(payload: string): void;
  onResume: (() => void) | undefined;
}

const noop = () => undefined;

export class PostgresNotificationListener {
  private readonly channels = new Map<string, Set<Subscriber>>();
  private client: pg.Client | undefined;
  private listened = new Set<string>();
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  /** Since when subscribers may have missed notices (undefined while listening). */
  private deafSince: number | undefined;
  private stopped = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly options: ListenerOptions = {},
  ) {}

  /** Subscribes; waits for the connection if one is being made, but never fails for it. */
  async subscribe(
    channel: string,
    onPayload: (payload: string) => void,
    onResume?: () => void,
  ): Promise<() => Promise<void>> {
    const subscriber: Subscriber = { onPayload, onResume };
    const subscribers = this.channels.get(channel) ?? new Set<Subscriber>();
    this.channels.set(channel, subscribers);
    subscribers.add(subscriber);
    if (!this.client && !this.retryTimer) await this.connect();
    else await this.connecting;
    await this.listenOn(channel);
    return async () => {
      subscribers.delete(subscriber);
      if (subscribers.size > 0 || this.channels.get(channel) !== subscribers) return;
      this.channels.delete(channel);
      this.listened.delete(channel);
      await this.client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(noop);
    };
  }

  /** Whether the connection is up and LISTENing now. */
  isListening(): boolean {
    return this.client !== undefined;
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    if (client) await endWithin(client, 2000);
  }

  private async listenOn(channel: string): Promise<void> {
    const client = this.client;
    if (!client || this.listened.has(channel)) return;
    this.listened.add(channel);
    // A failure here is a lost connection: its error event reconnects and LISTENs everything.
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch(noop);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.tryConnect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async tryConnect(): Promise<void> {
    const next = new pg.Client(this.config);
    // Every later error or end of this client is one loss; lost() ignores all but the first.
    next.on('error', (error) => this.lost(next, error));
    next.on('end', () => this.lost(next, new Error('Connection terminated')));
    next.on('notification', (n) => {
      if (n.payload === undefined) return;
      for (const s of this.channels.get(n.channel) ?? []) s.onPayload(n.payload);
    });
    try {
      await next.connect();
      const channels = [...this.channels.keys()];
      for (const channel of channels) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (this.stopped) return void (await endWithin(next, 2000));
      this.client = next;
      this.listened = new Set(channels);
      this.failures = 0;
      this.startPing(next);
      if (this.deafSince !== undefined) this.resume();
    } catch (error) {
      void endWithin(next, 2000);
      this.failures += 1;
      this.deafSince ??= Date.now();
      if (this.failures === 1 || this.failures % 10 === 0)
        this.options.log?.warn(
          { err: error, attempts: this.failures },
          'cannot LISTEN: the database is unreachable; retrying',
        );
      this.scheduleReconnect();
    }
  }

  private resume(): void {
    this.options.log?.info(
      { downMs: Date.now() - (this.deafSince ?? Date.now()) },
      'LISTEN connection restored',
    );
    this.deafSince = undefined;
    for (const subscribers of this.channels.values())
      for (const s of subscribers) {
        try {
          s.onResume?.();
        } catch (error) {
          this.options.log?.warn({ err: error }, 'a LISTEN subscriber failed to resume');
        }
      }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.listened.clear();
    clearInterval(this.pingTimer);
    void endWithin(client, 2000);
    if (this.stopped) return;
    this.deafSince = Date.now();
    this.options.log?.warn({ err: error }, 'LISTEN connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const min = this.options.retryMinMs ?? 200;
    const max = this.options.retryMaxMs ?? 5000;
    const ceiling = Math.min(max, min * 2 ** Math.min(this.failures, 10));
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private startPing(client: pg.Client): void {
    const every = this.options.pingMs ?? 15_000;
    let waiting = false;
    this.pingTimer = setInterval(() => {
      if (waiting) return;
      waiting = true;
      // The client's query_timeout bounds the wait; no answer means the connection is gone.
      client
        .query('SELECT 1')
        .catch((error: unknown) => this.lost(client, error))
        .finally(() => (waiting = false));
    }, every);
    this.pingTimer.unref();
  }
}

/** Ends a client without waiting forever on a connection whose peer has vanished. */
async function endWithin(client: pg.Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.end().catch(noop),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}
