/**
 * A real HTTP server on 127.0.0.1 playing PostNL's Barcode web service (GET
 * /shipment/v1_1/barcode with an `apikey` header), answering the way PostNL documents: 200
 * {"Barcode"}, 400 {"errors": [{ErrorMsg, ErrorNumber}]}, 401 {"fault"} for a wrong key. A test
 * switches it to failing (5xx) or silent (never answers) to play an outage.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `portal`: a 200 page that is not PostNL's answer, as a captive portal or a wrong URL gives. */
export type FakePostnlMode = 'ok' | 'failing' | 'silent' | 'portal';

export interface FakePostnl {
  url: string;
  apiKey: string;
  mode: FakePostnlMode;
  /** Every request as it arrived: path with query, and its apikey header. */
  requests: { url: string; apiKey: string | undefined }[];
  barcodesIssued: string[];
  close(): Promise<void>;
}

export async function startFakePostnl(
  options: { apiKey?: string; customerCode?: string; customerNumber?: string } = {},
): Promise<FakePostnl> {
  const apiKey = options.apiKey ?? 'sandbox-key-0123456789';
  const customerCode = options.customerCode ?? 'DEVC';
  const customerNumber = options.customerNumber ?? '11223344';
  let serial = 987000100;
  const held: ServerResponse[] = [];

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const key = req.headers.apikey;
    fake.requests.push({ url: req.url ?? '', apiKey: typeof key === 'string' ? key : undefined });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/shipment/v1_1/barcode') return json(res, 404, { message: 'Not found' });
    if (req.method !== 'GET') return json(res, 405, { message: 'Method not allowed' });
    if (key !== apiKey) {
      return json(res, 401, {
        fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } },
      });
    }
    if (fake.mode === 'silent') return void held.push(res);
    if (fake.mode === 'portal') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<html><body>Please sign in to the guest network</body></html>');
    }
    if (fake.mode === 'failing') {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      return res.end('<html><body>Service Unavailable</body></html>');
    }
    const query = url.searchParams;
    if (
      query.get('CustomerCode') !== customerCode ||
      query.get('CustomerNumber') !== customerNumber
    )
      return json(res, 400, {
        errors: [{ ErrorMsg: 'Invalid customer code or number', ErrorNumber: '13' }],
      });
    if (query.get('Type') !== '3S' || !/^\d{9}-\d{9}$/.test(query.get('Serie') ?? ''))
      return json(res, 400, {
        errors: [{ ErrorMsg: 'Invalid barcode type or serie', ErrorNumber: '8' }],
      });
    const barcode = `3S${customerCode}${serial++}`;
    fake.barcodesIssued.push(barcode);
    return json(res, 200, { Barcode: barcode });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakePostnl = {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    mode: 'ok',
    requests: [],
    barcodesIssued: [],
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
