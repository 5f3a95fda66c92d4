// The web host: the same station handlers served over HTTP (methods) and server-sent events
// (events) on 127.0.0.1, plus the built renderer. Used for thin-client stations, development,
// and the end-to-end tests (the Electron binary cannot be downloaded on our build machines).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { STATION_CSP } from '../security/csp';
import type { Station } from '../station';
import { createDispatcher } from '../station-api/dispatch';

const MAX_BODY_BYTES = 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface WebHostOptions {
  station: Station;
  rendererDir: string;
  port: number;
  log?: (msg: string, err?: unknown) => void;
}

export interface RunningWebHost {
  url: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const log = options.log ?? ((msg, err) => console.error(msg, err ?? ''));
  const dispatch = createDispatcher(options.station.handlers, log);
  const sseClients = new Set<ServerResponse>();
  let origin = '';

  options.station.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log('web host request failed', err);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Web host error' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('Content-Security-Policy', STATION_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!isTrustedRequest(req, origin)) {
      sendJson(res, 403, {
        ok: false,
        error: {
          code: 'forbidden_origin',
          message: 'Requests must come from the station page itself',
        },
      });
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/station-api/events' && req.method === 'GET') return openEventStream(res);
    if (url.pathname.startsWith('/station-api/')) {
      if (req.method !== 'POST')
        return sendJson(res, 405, {
          ok: false,
          error: { code: 'method_not_allowed', message: 'Use POST' },
        });
      if (!req.headers['content-type']?.startsWith('application/json')) {
        return sendJson(res, 415, {
          ok: false,
          error: { code: 'unsupported_media_type', message: 'Send application/json' },
        });
      }
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, body.status, { ok: false, error: body.error });
      const envelope = await dispatch(
        decodeURIComponent(url.pathname.slice('/station-api/'.length)),
        body.value,
      );
      return sendJson(res, 200, envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, {
        ok: false,
        error: { code: 'method_not_allowed', message: 'Not allowed' },
      });
    return serveStatic(url.pathname, res);
  }

  function openEventStream(res: ServerResponse) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    const root = normalize(options.rendererDir);
    let file = normalize(join(root, decodeURIComponent(pathname)));
    if (file !== root && !file.startsWith(root + sep))
      return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found' } });
    let info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) {
      // The renderer is a single page: unknown paths get the app shell.
      file = join(root, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info)
      return sendJson(res, 503, {
        ok: false,
        error: {
          code: 'renderer_not_built',
          message: `No built renderer in ${root}; run npm run build`,
        },
      });
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': file.endsWith('index.html')
        ? 'no-store'
        : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    close: async () => {
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Refuses other sites' pages (CSRF) and DNS-rebinding hosts: only this station's own origin. */
function isTrustedRequest(req: IncomingMessage, origin: string): boolean {
  const host = req.headers.host ?? '';
  const port = new URL(origin).port;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
  const requestOrigin = req.headers.origin;
  return requestOrigin === undefined || requestOrigin === `http://${host}`;
}

type JsonBody =
  | { ok: true; value: unknown }
  | { ok: false; status: number; error: { code: string; message: string } };

async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      return {
        ok: false,
        status: 413,
        error: { code: 'body_too_large', message: 'Request body over 1 MB' },
      };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      status: 400,
      error: { code: 'malformed_json', message: 'Request body is not valid JSON' },
    };
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
