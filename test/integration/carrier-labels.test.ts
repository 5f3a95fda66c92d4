// One order per carrier with a ZPL label (bpost labels as PDF only: not for a Zebra) from
// confirmation to the printer, on one machine: the renderer's
// numbering and label printing (RxDB on fake-indexeddb) → the station API dispatcher → main's
// label carriers, configured as the central OMS's settings would → each adapter over HTTP to a
// local server playing that carrier's API, and the carrier's label through main's print service
// to a TCP listener playing a Zebra, which must receive the carrier's bytes exactly. Then a
// carrier outage: the carton waits as label pending and prints once the carrier is back.
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationCarrierSetting } from '../../shared/carriers/carrier-credentials';
import { buildSscc } from '../../shared/gs1/sscc';
import type { StationHandlers } from '../../shared/station-api';
import { createStationApi } from '../../shared/station-api/client';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { CarrierLabelStore } from '../../src-main/carriers/carrier-label-store';
import { CarrierRegistry } from '../../src-main/carriers/carrier-registry';
import { LabelCarriers } from '../../src-main/carriers/label-carriers';
import { createLeasedOwnCarrier } from '../../src-main/carriers/own-carrier-leases';
import { NumberLeases } from '../../src-main/numbering/number-leases';
import { numberingHandlers } from '../../src-main/numbering/numbering-handlers';
import { PrintService } from '../../src-main/printing/print-service';
import { printingHandlers } from '../../src-main/printing/printing-handlers';
import { createDispatcher } from '../../src-main/station-api/dispatch';
import { StationEventHub } from '../../src-main/station-api/event-hub';
import { openStationDatabase, type StationDatabase } from '../../src-renderer/db/database';
import {
  closingEnded,
  closingStarted,
  dayCloseCarriers,
  dayCloseOf,
  stationDay,
} from '../../src-renderer/carriers/day-close';
import { carrierParcelFor } from '../../src-renderer/packing/carrier-parcel';
import { assignTrackingNumbers } from '../../src-renderer/packing/tracking-numbers';
import { queueShippingLabels } from '../../src-renderer/printing/label-printing';
import { printPendingLabels } from '../../src-renderer/printing/pending-labels';
import { PrintQueueWorker } from '../../src-renderer/printing/print-queue';
import { makeFulfillment, utrechtAddress } from '../../src-renderer/printing/print-fixtures';
import {
  dhlParcelApi,
  dpdApi,
  FAKE_SECRETS,
  glsApi,
  postnlApi,
  sendcloudApi,
  upsApi,
  type IssuedLabel,
} from '../support/fake-carriers/carrier-apis';
import {
  startFakeCarrier,
  type CarrierHandler,
  type FakeCarrier,
} from '../support/fake-carriers/fake-carrier';
import { startFakeZebra, type FakeZebra } from '../support/fake-zebra';
import { renderAndDecode } from '../support/zpl-decode';

const CARRIERS: Record<
  string,
  {
    api: (issued: IssuedLabel[]) => CarrierHandler;
    credentials: (url: string) => Record<string, unknown>;
  }
> = {
  postnl: {
    api: postnlApi,
    credentials: (baseUrl) => ({
      baseUrl,
      apiKey: FAKE_SECRETS.postnlApiKey,
      customerCode: 'DEVC',
      customerNumber: '11223344',
    }),
  },
  'dhl-parcel': {
    api: dhlParcelApi,
    credentials: (baseUrl) => ({
      baseUrl,
      userId: FAKE_SECRETS.dhlUserId,
      key: FAKE_SECRETS.dhlKey,
      accountId: '01234567',
    }),
  },
  dpd: {
    api: dpdApi,
    credentials: (baseUrl) => ({
      baseUrl,
      delisId: FAKE_SECRETS.dpdDelisId,
      password: FAKE_SECRETS.dpdPassword,
      sendingDepot: '0522',
    }),
  },
  sendcloud: {
    api: sendcloudApi,
    credentials: (baseUrl) => ({
      baseUrl,
      publicKey: FAKE_SECRETS.sendcloudPublic,
      secretKey: FAKE_SECRETS.sendcloudSecret,
      shippingOptions: { parcel: 'postnl:standard' },
    }),
  },
  ups: {
    api: upsApi,
    credentials: (baseUrl) => ({
      baseUrl,
      clientId: FAKE_SECRETS.upsClientId,
      clientSecret: FAKE_SECRETS.upsSecret,
      shipperNumber: 'A1B2C3',
    }),
  },
  gls: {
    api: glsApi,
    credentials: (baseUrl) => ({
      baseUrl,
      username: FAKE_SECRETS.glsUser,
      password: FAKE_SECRETS.glsPassword,
      contactId: '528A0B1C2D',
    }),
  },
};

let dataDir: string;
let zebra: FakeZebra;
let db: StationDatabase | undefined;
let worker: PrintQueueWorker | undefined;
const fakes: FakeCarrier[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'carrier-labels-'));
  zebra = await startFakeZebra({ answer: {} });
});
afterEach(async () => {
  worker?.stop();
  await db?.remove();
  await zebra.close();
  for (const fake of fakes.splice(0)) await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

function makeShipment(id: string, carrier: string, serial: number): ShipmentDoc {
  return {
    id,
    fulfillmentId: `f-${id}`,
    stationId: 'st1',
    operatorId: 'op1',
    carrier,
    service: 'parcel',
    status: 'confirmed',
    refusalReason: null,
    confirmedAt: '2026-12-03T11:00:00.000Z',
    updatedAt: 0,
    cartons: [
      {
        id: `c-${id}`,
        sscc: buildSscc({ companyPrefix: '8712345', extensionDigit: 3 }, serial),
        boxType: 'S',
        weightGrams: 900,
        trackingNumber: null,
        labelState: 'pending' as const,
        items: [{ lineId: 'l1', sku: 'TEA', quantity: 1, lot: null, serial: null, expiry: null }],
      },
    ],
  };
}

async function makeStation(settings: StationCarrierSetting[]) {
  const events = new StationEventHub();
  const connectivity = { online: true };
  const numbers = new NumberLeases({
    path: join(dataDir, 'number-leases.json'),
    requestLease: async () => ({
      kind: 'tracking',
      prefix: 'LA',
      countryCode: 'NL',
      next: 1,
      end: 99,
    }),
  });
  await numbers.topUp();
  const registry = new CarrierRegistry({
    own: createLeasedOwnCarrier(numbers),
    adapters: [],
    notConfigured: {},
  });
  const carriers: LabelCarriers = new LabelCarriers(
    registry,
    new CarrierLabelStore(join(dataDir, 'carrier-labels.json')),
    () => events.emit('carrierStatus', carriers.status()),
  );
  carriers.configure(settings);
  const printing = new PrintService({
    dataDir,
    emitStatus: (status) => events.emit('printerStatus', status),
    zebraTimeouts: { statusTimeoutMs: 300 },
    log: () => undefined,
  });
  const handlers = {
    ...numberingHandlers({ numbers, carriers, isOnline: () => connectivity.online }),
    ...printingHandlers(printing),
  } as Partial<StationHandlers> as StationHandlers;
  const dispatch = createDispatcher(handlers, () => undefined);
  const api = createStationApi({
    call: (method, args) => dispatch(method, args),
    subscribe: (event, listener) =>
      events.subscribe((name, payload) => name === event && listener(payload)),
  });
  const printer = await api.addNetworkPrinter({
    name: 'Packing 1',
    host: '127.0.0.1',
    port: zebra.port,
  });
  await api.setDefaultPrinter({ role: 'label', printerId: printer.id });
  db = await openStationDatabase(`carriers${Date.now()}${Math.random()}`);
  worker = new PrintQueueWorker(db.print_jobs, api);
  await worker.start();
  return { api, db, connectivity };
}

describe('carrier labels at the printer', () => {
  it("prints each carrier's own label byte for byte, with its tracking number scannable", async () => {
    const issued: Record<string, IssuedLabel[]> = {};
    const settings: StationCarrierSetting[] = [];
    for (const [carrier, spec] of Object.entries(CARRIERS)) {
      issued[carrier] = [];
      const fake = await startFakeCarrier(spec.api(issued[carrier]));
      fakes.push(fake);
      settings.push({ carrier, credentials: spec.credentials(fake.url), fallbackToOwn: false });
    }
    const { api, db } = await makeStation(settings);
    expect((await api.carrierStatus({})).carriers.map((c) => [c.carrier, c.status])).toEqual(
      Object.keys(CARRIERS).map((c) => [c, 'ready']),
    );
    let serial = 1;
    for (const carrier of Object.keys(CARRIERS)) {
      const shipment = makeShipment(`s-${carrier}`, carrier, serial++);
      const fulfillment = makeFulfillment({
        id: shipment.fulfillmentId,
        orderNumber: `W-${serial}`,
        shipTo: { ...utrechtAddress, line1: 'Oudegracht 158' },
      });
      await db.fulfillments.insert(fulfillment);
      const numbered = await assignTrackingNumbers(
        shipment,
        'NL',
        api,
        carrierParcelFor(fulfillment),
      );
      expect(numbered.pending).toEqual([]);
      expect(numbered.fallbacks).toEqual([]);
      expect(numbered.shipment.carrier).toBe(carrier);
      expect(numbered.shipment.cartons[0]!.trackingNumber).toBe(
        issued[carrier]![0]!.trackingNumber,
      );
      expect(await queueShippingLabels(db, api, numbered.shipment, fulfillment)).toBe(1);
    }
    // Voiding the Sendcloud label cancels its shipment at Sendcloud; an own label has nothing to cancel.
    const sendcloudSscc = buildSscc({ companyPrefix: '8712345', extensionDigit: 3 }, 4);
    expect(await api.cancelCarrierLabel({ sscc: sendcloudSscc })).toEqual({ cancelled: true });
    expect(fakes[3]!.requests.at(-1)!.path).toMatch(/^\/api\/v3\/shipments\/shp_\d+\/cancel$/);
    expect(
      await api.cancelCarrierLabel({
        sscc: buildSscc({ companyPrefix: '8712345', extensionDigit: 3 }, 99),
      }),
    ).toEqual({ cancelled: false });
    // End of day: GLS, the one carrier here that requires a close, closes the day's parcel.
    expect(await api.closeCarrierDay({ date: '2026-12-03' })).toEqual({
      closed: [{ carrier: 'gls', shipments: 1 }],
    });
    await expect(api.closeCarrierDay({ date: '2026-02-30' })).rejects.toMatchObject({
      code: 'invalid_arguments',
      message: expect.stringContaining('date'),
    });
    // The printers/carriers screen closes one carrier at a time; the status says which can.
    const status = await api.carrierStatus({});
    expect(status.carriers.filter((c) => c.closesDay).map((c) => c.carrier)).toEqual(['gls']);
    expect(await api.closeCarrierDay({ date: '2026-12-03', carrier: 'gls' })).toEqual({
      closed: [{ carrier: 'gls', shipments: 1 }],
    });
    await expect(api.closeCarrierDay({ date: '2026-12-03', carrier: 'dpd' })).rejects.toMatchObject(
      {
        code: 'carrier_not_configured',
        reason: { code: 'carrier_no_day_close', params: { carrier: 'DPD' } },
      },
    );
    // Each shipment: its carrier label and our packing slip.
    const jobs = await zebra.waitForJobs(Object.keys(CARRIERS).length * 2, 20_000);
    for (const [carrier, labels] of Object.entries(issued)) {
      expect(labels, carrier).toHaveLength(1);
      const expected = Buffer.from(labels[0]!.zpl, 'utf8');
      const arrived = jobs.filter((job) => job.equals(expected));
      expect(arrived, `${carrier} label at the printer`).toHaveLength(1);
      const [barcodes] = await renderAndDecode(arrived[0]!.toString('utf8'));
      expect(barcodes!.map((b) => b.text)).toContain(labels[0]!.trackingNumber);
    }
  });

  it('keeps the carton label-pending while the carrier is down and prints it once when it is back', async () => {
    const issued: IssuedLabel[] = [];
    const fake = await startFakeCarrier(dhlParcelApi(issued));
    fakes.push(fake);
    const { api, db } = await makeStation([
      {
        carrier: 'dhl-parcel',
        credentials: CARRIERS['dhl-parcel']!.credentials(fake.url),
        fallbackToOwn: false,
      },
      { carrier: 'dpd', credentials: null, fallbackToOwn: false },
    ]);
    const fulfillment = makeFulfillment({ id: 'f-s1' });
    await db.fulfillments.insert(fulfillment);
    const told: Awaited<ReturnType<typeof api.carrierStatus>>[] = [];
    const off = api.on('carrierStatus', (status) => told.push(status));
    const dhlStatus = async () =>
      (await api.carrierStatus({})).carriers.find((c) => c.carrier === 'dhl-parcel');
    expect((await dhlStatus())?.unreachableSince).toBeUndefined();
    fake.mode = 'down';
    const numbered = await assignTrackingNumbers(
      makeShipment('s1', 'dhl-parcel', 41),
      'NL',
      api,
      carrierParcelFor(fulfillment),
    );
    expect(numbered.pending).toEqual([
      {
        cartonId: 'c-s1',
        reason: {
          reason: { code: 'carrier_failed', params: { carrier: 'DHL Parcel', status: 503 } },
          sentence: expect.stringMatching(/^DHL Parcel failed \(HTTP 503/),
        },
      },
    ]);
    // Main learnt the outage from the failed call; the packing screen says since when.
    const down = await dhlStatus();
    expect(down).toMatchObject({
      status: 'ready',
      unreachableSince: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastFailure: { code: 'carrier_failed', params: { carrier: 'DHL Parcel', status: 503 } },
    });
    expect(told.at(-1)?.carriers.find((c) => c.carrier === 'dhl-parcel')?.unreachableSince).toBe(
      down?.unreachableSince,
    );
    expect(await queueShippingLabels(db, api, numbered.shipment, fulfillment)).toBe(0);
    expect(await printPendingLabels(db, api, 'st1')).toBe(0);
    // Still down: still failing since the first failure.
    expect((await dhlStatus())?.unreachableSince).toBe(down?.unreachableSince);

    fake.mode = 'ok';
    expect(await printPendingLabels(db, api, 'st1')).toBe(1);
    expect((await dhlStatus())?.unreachableSince).toBeUndefined();
    expect(told.at(-1)?.carriers.find((c) => c.carrier === 'dhl-parcel')?.unreachableSince).toBe(
      undefined,
    );
    off();
    expect(await printPendingLabels(db, api, 'st1')).toBe(0);
    const saved = (await db.shipments.findOne('s1').exec())!.toJSON();
    expect(saved.cartons.map((c) => [c.trackingNumber, c.labelState])).toEqual([
      [issued[0]!.trackingNumber, 'printed'],
    ]);
    const jobs = await zebra.waitForJobs(2, 10_000); // the packing slip at confirmation, then the label
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      zebra.jobs.filter((job) => job.equals(Buffer.from(issued[0]!.zpl, 'utf8'))),
    ).toHaveLength(1);
    expect(jobs.length).toBe(2);
    expect(issued).toHaveLength(1);

    // A carrier without credentials and without the fallback is refused, never silently own.
    const dpd = await assignTrackingNumbers(
      makeShipment('s2', 'dpd', 42),
      'NL',
      api,
      carrierParcelFor(fulfillment),
    );
    expect(dpd.shipment.carrier).toBe('dpd');
    expect(dpd.pending[0]!.reason).toEqual({
      reason: { code: 'carrier_no_credentials', params: { carrier: 'DPD' } },
      sentence: 'No dpd credentials for this warehouse; its cartons wait as label pending',
    });
  });

  it('closes the GLS day from the carriers screen and keeps a GLS outage as a failed close', async () => {
    const issued: IssuedLabel[] = [];
    const gls = await startFakeCarrier(glsApi(issued));
    fakes.push(gls);
    const { api, db } = await makeStation([
      { carrier: 'gls', credentials: CARRIERS.gls!.credentials(gls.url), fallbackToOwn: false },
      {
        carrier: 'dhl-parcel',
        credentials: CARRIERS['dhl-parcel']!.credentials(gls.url),
        fallbackToOwn: false,
      },
    ]);
    for (const [i, id] of ['g1', 'g2'].entries()) {
      const fulfillment = makeFulfillment({ id: `f-${id}` });
      await db.fulfillments.insert(fulfillment);
      const numbered = await assignTrackingNumbers(
        makeShipment(id, 'gls', 60 + i),
        'NL',
        api,
        carrierParcelFor(fulfillment),
      );
      expect(numbered.pending).toEqual([]);
    }
    // The screen offers GLS only: DHL Parcel has no end-of-day close in its API.
    expect(dayCloseCarriers(await api.carrierStatus({}))).toEqual(['gls']);
    const date = stationDay(new Date());
    const close = async () =>
      closingEnded(
        closingStarted({}, 'gls', date),
        'gls',
        date,
        await api.closeCarrierDay({ date, carrier: 'gls' }).catch((error: unknown) => ({ error })),
      );
    expect(dayCloseOf(await close(), 'gls')).toEqual({ phase: 'closed', date, shipments: 2 });
    const closeCall = gls.requests.find((r) => r.path.endsWith('/shipments/endofday'));
    expect(closeCall?.method).toBe('POST');
    expect(closeCall?.query.get('date')).toBe(date);
    expect(closeCall?.headers.authorization).toMatch(/^Basic /);

    gls.mode = 'down';
    expect(dayCloseOf(await close(), 'gls')).toMatchObject({
      phase: 'failed',
      date,
      why: {
        reason: { code: 'carrier_failed', params: { carrier: 'GLS', status: 503 } },
        sentence: expect.stringContaining('503'),
      },
    });
  });

  it('numbers as the own carrier only where the back office allowed the fallback, and says so', async () => {
    const { api } = await makeStation([
      { carrier: 'fedex', credentials: null, fallbackToOwn: true },
    ]);
    const fulfillment = makeFulfillment({ id: 'f-s3' });
    const numbered = await assignTrackingNumbers(
      makeShipment('s3', 'fedex', 43),
      'NL',
      api,
      carrierParcelFor(fulfillment),
    );
    expect(numbered.shipment.carrier).toBe('own');
    expect(numbered.fallbacks).toEqual([
      {
        reason: { code: 'carrier_fallback_own', params: { carrier: 'fedex' } },
        sentence:
          'No label adapter for fedex; its cartons go as the own carrier (fallback set in the back office)',
      },
    ]);
  });
});
