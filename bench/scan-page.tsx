// The page `npm run bench:scan` loads in Chromium: the real RxDB (Dexie on IndexedDB) holding
// 20,000 fulfillment orders, the real keyboard wedge, scan router and packing screen. It records,
// for each scan, the time from its final Enter keydown to the animation frame after the feedback
// banner changed (the frame that paints it).
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { buildSscc } from '../shared/gs1/sscc';
import type { FulfillmentDoc, ProductDoc, ShipmentDoc, WorkDoc } from '../shared/sync/documents';
import { openStationDatabase } from '../src-renderer/db/database';
import { setupI18n } from '../src-renderer/i18n';
import { PackingScreen } from '../src-renderer/packing/packing-screen';
import { buildCatalogue } from '../src-renderer/picking/catalogue';
import { installKeyboardWedge } from '../src-renderer/scanning/keyboard-wedge';
import { useScanRouter } from '../src-renderer/scanning/scan-router';
import '../src-renderer/styles/app.css';
import '../src-renderer/styles/station-work.css';

declare global {
  interface Window {
    scanBench: {
      ready: Promise<{ fulfillments: number; insertMs: number }>;
      latencies: number[];
      domLatencies: number[];
    };
  }
}

const STATION = 'bench-station';
const FULFILLMENTS = Number(new URLSearchParams(location.search).get('fulfillments') ?? 20_000);

function product(n: number): ProductDoc {
  const body = `871234588${String(n).padStart(3, '0')}`;
  const check =
    (10 - ([...body].reduce((sum, d, i) => sum + Number(d) * (i % 2 === 0 ? 1 : 3), 0) % 10)) % 10;
  return {
    id: `SKU-${n}`,
    name: `Product ${n}`,
    gtins: [`0${body}${check}`],
    bins: [],
    weightGrams: 100 + n,
    lengthMm: 100,
    widthMm: 100,
    heightMm: 100,
    hsCode: null,
    originCountry: 'NL',
    requiresLot: false,
    requiresSerial: false,
    requiresExpiry: false,
    updatedAt: 1,
  };
}

function fulfillment(n: number, lines: { sku: string; quantity: number }[]): FulfillmentDoc {
  return {
    id: `FO-${String(n).padStart(6, '0')}`,
    orderId: `O-${n}`,
    orderNumber: `WEB-${100000 + n}`,
    warehouseCode: 'NL-TIL',
    status: 'released',
    cancelRequested: false,
    onHold: false,
    priority: n % 10,
    promisedDate: `2026-12-${String((n % 28) + 1).padStart(2, '0')}`,
    channel: 'webshop',
    poNumber: null,
    customerLocale: 'nl',
    shipFrom: {
      name: 'Tilburg DC',
      company: null,
      line1: 'Dockweg 1',
      line2: null,
      postalCode: '5048 AA',
      city: 'Tilburg',
      region: null,
      country: 'NL',
      phone: null,
      email: null,
    },
    shipTo: {
      name: `Klant ${n}`,
      company: null,
      line1: 'Oudegracht 1',
      line2: null,
      postalCode: '3511 AA',
      city: 'Utrecht',
      region: null,
      country: 'NL',
      phone: null,
      email: null,
    },
    carrier: 'postnl',
    service: 'parcel',
    shippingCostCents: 695,
    currency: 'EUR',
    lines: lines.map((l, i) => ({
      lineId: `L${n}-${i}`,
      sku: l.sku,
      name: `Product ${l.sku}`,
      quantity: l.quantity,
      bin: `A-${String(i + 1).padStart(2, '0')}`,
      walkSequence: i + 1,
      unitWeightGrams: 200,
      unitPriceCents: 995,
    })),
    releasedAt: '2026-11-27T08:00:00Z',
    updatedAt: n + 1,
  };
}

async function prepare() {
  z.config({ jitless: true });
  setupI18n();
  const db = await openStationDatabase(`${STATION}-${Date.now()}`);
  const products = Array.from({ length: 50 }, (_, i) => product(i));
  await db.products.bulkInsert(products);
  const started = performance.now();
  const stored = Array.from({ length: FULFILLMENTS }, (_, n) =>
    fulfillment(n + 1, [{ sku: `SKU-${n % 50}`, quantity: 1 + (n % 3) }]),
  );
  for (let i = 0; i < stored.length; i += 2000)
    await db.fulfillments.bulkInsert(stored.slice(i, i + 2000));
  const insertMs = performance.now() - started;

  const order = fulfillment(0, [
    { sku: 'SKU-1', quantity: 400 },
    { sku: 'SKU-2', quantity: 400 },
  ]);
  await db.fulfillments.insert(order);
  const work: WorkDoc = {
    id: order.id,
    fulfillmentId: order.id,
    stationId: STATION,
    operatorId: 'op-1',
    stage: 'packing',
    picked: { [`L0-0`]: 400, [`L0-1`]: 400 },
    shorts: [],
    updatedAt: 0,
  };
  await db.work.insert(work);
  const shipment: ShipmentDoc = {
    id: 'bench-shipment',
    fulfillmentId: order.id,
    stationId: STATION,
    operatorId: 'op-1',
    carrier: 'postnl',
    service: 'parcel',
    cartons: [
      {
        id: 'C1',
        sscc: buildSscc({ companyPrefix: '8712345', extensionDigit: 0 }, 1),
        boxType: 'L',
        weightGrams: null,
        items: [],
        trackingNumber: null,
        labelState: 'pending',
      },
    ],
    status: 'open',
    refusalReason: null,
    confirmedAt: null,
    updatedAt: 0,
  };
  await db.shipments.insert(shipment);

  // Registered before the wedge, so it sees the Enter the wedge then takes for itself.
  let enterAt: number | null = null;
  let lastSeq = '0';
  window.addEventListener('keydown', (e) => e.key === 'Enter' && (enterAt = e.timeStamp), {
    capture: true,
  });
  new MutationObserver(() => {
    const seq = document.querySelector('[data-testid="feedback"]')?.getAttribute('data-seq') ?? '0';
    if (seq === lastSeq || enterAt === null) return;
    lastSeq = seq;
    const from = enterAt;
    enterAt = null;
    window.scanBench.domLatencies.push(performance.now() - from);
    requestAnimationFrame(() => window.scanBench.latencies.push(performance.now() - from));
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-seq'],
  });
  installKeyboardWedge(window, {
    config: { maxGapMs: 250 },
    onScan: (value, keyTime) => useScanRouter.getState().scan(value, keyTime),
  });

  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    <PackingScreen
      db={db}
      fulfillment={order}
      work={work}
      catalogue={buildCatalogue(products)}
      stationId={STATION}
      operatorId="op-1"
      onBack={() => undefined}
    />,
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { fulfillments: await db.fulfillments.count().exec(), insertMs };
}

window.scanBench = { ready: prepare(), latencies: [], domLatencies: [] };
