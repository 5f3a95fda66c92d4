// The station's receiving calls in its main process against a real central OMS (PGlite and
// PostgreSQL) through a network a test can cut, and that can lose an answer after the central OMS
// acted on the request: a PO opened once is received offline from the station's copy, the scans
// wait in the outgoing queue (across a restart of main), and after the network returns each scan
// counts exactly once, also when its first answer was lost and it was sent again.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StationApiError, type ReceivingQueue } from '../../shared/station-api';
import { CentralClient } from '../../src-main/central/central-client';
import { ConnectivityMonitor } from '../../src-main/central/connectivity-monitor';
import { ReceivingDesk } from '../../src-main/receiving/receiving-desk';
import { StationEventHub } from '../../src-main/station-api/event-hub';
import type { StationCredentials } from '../../src-main/sync/credential-store';
import { SyncService } from '../../src-main/sync/sync-service';
import { seedCatalog } from '../support/oms-fixtures';
import { enrolTestStation } from '../support/sync-fixtures';
import { BACKENDS, startTestServer, type TestServer } from '../support/server-harness';

/** An HTTP relay to the central OMS: cut (nothing answers) or losing the next scan's answer. */
async function faultyNetwork(target: string) {
  const state = { cut: false, loseNextScanAnswer: false };
  const server: Server = createServer((req, res) => {
    if (state.cut) return req.socket.destroy();
    const lose = state.loseNextScanAnswer && req.method === 'POST' && /\/scans$/.test(req.url!);
    if (lose) state.loseNextScanAnswer = false;
    const upstream = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        if (lose) {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.each(BACKENDS)('station receiving on %s', (backend) => {
  let server: TestServer;
  let network: Awaited<ReturnType<typeof faultyNetwork>>;
  const services: SyncService[] = [];
  const poId = randomUUID();

  async function stationMain(warehouseCode: string, dataDir: string) {
    const station = await enrolTestStation(server.app, warehouseCode);
    const credentials: StationCredentials = { centralUrl: network.url, ...station };
    const client = new CentralClient({ baseUrl: network.url, timeoutMs: 5000 });
    const events = new StationEventHub();
    const connectivity = new ConnectivityMonitor(client, () => {});
    const sync = new SyncService(
      client,
      { load: async () => credentials, save: async () => {}, clear: async () => {} },
      connectivity,
      events,
      network.url,
    );
    await sync.init();
    services.push(sync);
    const changes: ReceivingQueue[] = [];
    const desk = () =>
      new ReceivingDesk({
        file: join(dataDir, 'receiving.json'),
        central: (path, init) => sync.centralJson(path, init),
        onQueueChange: (queue) => changes.push(queue),
      });
    return { desk, changes };
  }

  const scan = (quantity: number, binCode = 'A-01') => ({
    scanId: randomUUID(),
    poNumber: 'PO-R1',
    sku: 'SKU-1',
    quantity,
    binCode,
  });

  async function centralCounts() {
    const line = await server.db
      .selectFrom('purchase_order_lines')
      .select('received_quantity')
      .where('purchase_order_id', '=', poId)
      .executeTakeFirstOrThrow();
    const stock = await server.db
      .selectFrom('stock')
      .select('on_hand')
      .where('warehouse_code', '=', 'NL-TIL')
      .where('sku', '=', 'SKU-1')
      .where('bin_code', '=', 'A-01')
      .executeTakeFirst();
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from inventory_movements
      where reason = 'purchase_receipt' and reference_kind = 'purchase_order'
        and reference_id = 'PO-R1'`.execute(server.db);
    return {
      received: line.received_quantity,
      onHand: stock?.on_hand ?? 0,
      movements: Number(rows[0]!.n),
    };
  }

  beforeAll(async () => {
    server = await startTestServer(backend, 'station_receiving');
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    network = await faultyNetwork(
      `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`,
    );
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 0 } });
    await server.db.insertInto('suppliers').values({ code: 'ACME', name: 'Acme BV' }).execute();
    await server.db
      .insertInto('purchase_orders')
      .values({
        id: poId,
        number: 'PO-R1',
        supplier_code: 'ACME',
        warehouse_code: 'NL-TIL',
        status: 'sent',
        currency: 'EUR',
        expected_date: null,
      })
      .execute();
    await server.db
      .insertInto('purchase_order_lines')
      .values({
        id: randomUUID(),
        purchase_order_id: poId,
        sku: 'SKU-1',
        quantity: 5,
        unit_cost_minor: 450,
        reason: null,
      })
      .execute();
  });
  afterAll(async () => {
    for (const sync of services) sync.stop();
    await network?.close();
    await server?.close();
  });

  it('receives offline from the kept PO and counts every scan once after the network returns, a lost answer included', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-receiving-'));
    const main = await stationMain('NL-TIL', dataDir);
    const desk = main.desk();

    const opened = await desk.open('PO-R1');
    expect(opened).toMatchObject({
      cached: false,
      purchaseOrder: {
        number: 'PO-R1',
        lines: [{ sku: 'SKU-1', quantity: 5, receivedQuantity: 0 }],
      },
    });
    expect(opened.purchaseOrder).not.toHaveProperty('lines.0.unitCostMinor');
    expect(await desk.scan(scan(2))).toMatchObject({ outcome: 'received', match: 'expected' });

    network.state.cut = true;
    await expect(desk.open('PO-R9')).rejects.toMatchObject({ code: 'offline_not_cached' });
    const offline = await desk.open('PO-R1');
    expect(offline.cached).toBe(true);
    expect(offline.purchaseOrder.lines[0]!.receivedQuantity).toBe(2);
    const waiting = scan(1);
    expect(await desk.scan(waiting)).toEqual({ outcome: 'queued' });
    const badBin = scan(1, 'Z-99');
    expect(await desk.scan(badBin)).toEqual({ outcome: 'queued' });
    // The same scan handed over twice (the renderer retried) is one queued scan.
    expect(await desk.scan(waiting)).toEqual({ outcome: 'queued' });
    expect(main.changes.at(-1)!.queued.map((q) => q.scanId)).toEqual([
      waiting.scanId,
      badBin.scanId,
    ]);
    expect(await centralCounts()).toEqual({ received: 2, onHand: 2, movements: 1 });

    // Main restarts while offline: the queue is still there.
    const restarted = main.desk();
    expect((await restarted.queue()).queued).toHaveLength(2);

    // The network returns, but the first answer is lost after the central OMS applied the scan.
    network.state.cut = false;
    network.state.loseNextScanAnswer = true;
    await restarted.flush();
    expect((await restarted.queue()).queued.map((q) => q.scanId)).toEqual([
      waiting.scanId,
      badBin.scanId,
    ]);
    expect(await centralCounts()).toEqual({ received: 3, onHand: 3, movements: 2 });

    // Sent again with the same id: a replay, nothing counted twice; the bad bin is refused.
    await restarted.flush();
    const after = await restarted.queue();
    expect(after.queued).toEqual([]);
    expect(after.refused).toEqual([
      expect.objectContaining({
        scanId: badBin.scanId,
        error: expect.objectContaining({ code: 'unknown_bin' }),
      }),
    ]);
    expect(await centralCounts()).toEqual({ received: 3, onHand: 3, movements: 2 });
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from receiving_scans where id = ${waiting.scanId}`.execute(server.db);
    expect(Number(rows[0]!.n)).toBe(1);

    // Online, a scan the central OMS refuses is said at once and never queued.
    await expect(restarted.scan(scan(1, 'Z-98'))).rejects.toMatchObject({ code: 'unknown_bin' });
    expect((await restarted.queue()).queued).toEqual([]);
    expect((await restarted.open('PO-R1')).purchaseOrder).toMatchObject({
      status: 'receiving',
      lines: [{ receivedQuantity: 3 }],
    });
  });

  it("refuses another warehouse's purchase order to a station", async () => {
    const main = await stationMain('BE-GNT', mkdtempSync(join(tmpdir(), 'station-receiving-')));
    const error = await main
      .desk()
      .open('PO-R1')
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StationApiError);
    expect(error).toMatchObject({ code: 'other_warehouse' });
  });
});
