// HTTP to the central OMS. Main owns the network: the renderer never talks to the central OMS
// directly and never sees a credential.
export class CentralUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CentralUnreachableError';
  }
}

export interface CentralClientOptions {
  baseUrl: string;
  timeoutMs?: number;
}

export class CentralClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(options: CentralClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, { ...init, signal: init.signal ?? AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      throw new CentralUnreachableError(`Central OMS at ${this.baseUrl} is unreachable (${cause})`);
    }
  }

  /** Resolves when /health answers as the central OMS; throws CentralUnreachableError otherwise. */
  async health(): Promise<void> {
    const response = await this.request('/health');
    if (!response.ok) {
      throw new CentralUnreachableError(`Central OMS health check answered HTTP ${response.status}`);
    }
    const body = (await response.json().catch(() => null)) as { service?: unknown } | null;
    if (body?.service !== 'central-oms') {
      throw new CentralUnreachableError(`${this.baseUrl} answered, but it is not a central OMS`);
    }
  }
}
