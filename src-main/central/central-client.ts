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

/** The central OMS answered with an error; `status` and the server's `{code, message}` kept. */
export class CentralRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CentralRequestError';
  }
}

export class CentralClient {
  baseUrl: string;
  /** The station's token once enrolled; sent on every request but the health check. */
  token: string | null = null;
  private readonly timeoutMs: number;

  constructor(options: CentralClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  setBaseUrl(url: string): void {
    this.baseUrl = normaliseBaseUrl(url);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.token && !headers.has('Authorization'))
      headers.set('Authorization', `Bearer ${this.token}`);
    try {
      return await fetch(`${this.baseUrl}${path}`, {
        ...init,
        headers,
        signal: init.signal ?? AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const cause =
        err instanceof Error
          ? err.cause instanceof Error
            ? err.cause.message
            : err.message
          : String(err);
      throw new CentralUnreachableError(`Central OMS at ${this.baseUrl} is unreachable (${cause})`);
    }
  }

  /** JSON request; a non-2xx answer becomes a CentralRequestError carrying the server's message. */
  async json(
    path: string,
    init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<unknown> {
    const response = await this.request(path, {
      method: init.method ?? 'GET',
      signal: init.signal,
      headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body ?? {}) as { code?: unknown; message?: unknown };
      throw new CentralRequestError(
        response.status,
        typeof error.code === 'string' ? error.code : `http_${response.status}`,
        typeof error.message === 'string'
          ? error.message
          : `Central OMS answered HTTP ${response.status}`,
      );
    }
    return body;
  }

  /** Resolves when /health answers as the central OMS; throws CentralUnreachableError otherwise. */
  async health(): Promise<void> {
    const response = await this.request('/health');
    if (!response.ok) {
      throw new CentralUnreachableError(
        `Central OMS health check answered HTTP ${response.status}`,
      );
    }
    const body = (await response.json().catch(() => null)) as { service?: unknown } | null;
    if (body?.service !== 'central-oms') {
      throw new CentralUnreachableError(`${this.baseUrl} answered, but it is not a central OMS`);
    }
  }
}

function normaliseBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
