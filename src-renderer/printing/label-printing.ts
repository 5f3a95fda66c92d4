// From a confirmed shipment to labels in the print queue: one 4×6 shipping label per carton on
// the station's default label printer, rendered at that printer's resolution. A carton without a
// tracking number (no numbers left offline) keeps its label pending instead.
import type { StationApi } from '../../shared/station-api';
import {
  cn22DataSchema,
  packingSlipDataSchema,
  shippingLabelDataSchema,
  type LabelAddress,
  type PackingSlipData,
} from '../../shared/labels/label-data';
import { packingSlipLineMoney, packingSlipMoneyOf } from '../../shared/labels/packing-slip-money';
import { renderCn22Zpl } from '../../shared/labels/cn22';
import { needsCustomsDeclaration } from '../../shared/labels/customs';
import { renderPackingSlipPdf } from '../../shared/labels/packing-slip-pdf';
import { renderPackingSlipZpl } from '../../shared/labels/packing-slip-zpl';
import type { PrinterList } from '../../shared/station-api/printing';
import { renderShippingLabelZpl } from '../../shared/labels/shipping-label';
import type { LabelLocale } from '../../shared/labels/label-words';
import type { Address, FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { registerLabelPrinting } from '../packing/label-hand-off';
import { saveShipment } from '../sync/station-writes';
import { packingSlipBarcode } from './packing-slip-barcode';
import { cartonJobReference } from './print-job-owner';
import { stationLabelLocale } from './label-language';
import { enqueuePrint } from './print-queue';
import type { NewPrintJob } from './print-queue-rules';

function labelAddress(a: Address): LabelAddress {
  const optional = (v: string | null) => (v && v.trim() ? v.trim() : undefined);
  return {
    name: a.name.trim() || '-',
    company: optional(a.company),
    street: a.line1.trim() || '-',
    street2: optional(a.line2),
    postalCode: a.postalCode.trim() || '-',
    city: a.city.trim() || '-',
    region: optional(a.region),
    country: a.country,
  };
}

export class NoLabelPrinterError extends Error {
  constructor() {
    super('No label printer is set up at this station: choose one under Printers');
    this.name = 'NoLabelPrinterError';
  }
}

export async function queueShippingLabels(
  db: StationDatabase,
  api: Pick<StationApi, 'listPrinters'>,
  shipment: ShipmentDoc,
  fulfillment: FulfillmentDoc,
  options: { onlyPendingLabels?: boolean; locale?: LabelLocale } = {},
): Promise<number> {
  const locale = options.locale ?? stationLabelLocale();
  const { printers, defaultLabelPrinterId, defaultSlipPrinterId } = await api.listPrinters({});
  const printer = printers.find((p) => p.id === defaultLabelPrinterId);
  if (!printer) throw new NoLabelPrinterError();
  let queued = 0;
  const cartons = [];
  for (const [index, carton] of shipment.cartons.entries()) {
    const skip = options.onlyPendingLabels && carton.labelState !== 'pending';
    if (!carton.trackingNumber || skip) {
      cartons.push(carton);
      continue;
    }
    await enqueuePrint(
      db.print_jobs,
      shippingLabelJob(printer, shipment, fulfillment, index, locale),
    );
    cartons.push({ ...carton, labelState: 'printed' as const });
    queued += 1;
  }
  await saveShipment(db, { ...shipment, cartons });
  // Reprinting pending labels later: the slip and customs forms went out with the first labels.
  if (options.onlyPendingLabels) return queued;
  await queuePackingSlip(
    db,
    printers,
    { label: defaultLabelPrinterId, slip: defaultSlipPrinterId },
    shipment,
    fulfillment,
    locale,
  );
  const { shipFrom, shipTo } = fulfillment;
  const postalCodes = { fromPostalCode: shipFrom.postalCode, toPostalCode: shipTo.postalCode };
  if (needsCustomsDeclaration(shipFrom.country, shipTo.country, postalCodes)) {
    await queueCustomsDeclarations(db, printer, shipment, fulfillment, locale);
  }
  return queued;
}

/**
 * A packer's reprint of a confirmed shipment (CMD:REPRINT, or Reprint on the order): the label of
 * every carton that has one, drawn again from the shipment as it is now on the default label
 * printer. Pending and voided labels are not reprinted: pending ones print when they get their
 * tracking number, voided ones must never be used.
 */
export async function reprintShippingLabels(
  db: StationDatabase,
  api: Pick<StationApi, 'listPrinters'>,
  shipment: ShipmentDoc,
  fulfillment: FulfillmentDoc,
): Promise<number> {
  const { printers, defaultLabelPrinterId } = await api.listPrinters({});
  const printer = printers.find((p) => p.id === defaultLabelPrinterId);
  if (!printer) throw new NoLabelPrinterError();
  const references = shipment.cartons.map((_, index) => cartonJobReference(shipment.id, index));
  const firstPrints = await db.print_jobs
    .find({ selector: { kind: 'shipping-label', reference: { $in: references }, reprintOf: null } })
    .exec();
  let queued = 0;
  for (const [index, carton] of shipment.cartons.entries()) {
    if (carton.labelState !== 'printed' || !carton.trackingNumber) continue;
    const original = firstPrints.find((job) => job.reference === references[index]);
    await enqueuePrint(db.print_jobs, {
      ...shippingLabelJob(printer, shipment, fulfillment, index, stationLabelLocale()),
      reprintOf: original?.id ?? null,
    });
    queued += 1;
  }
  return queued;
}

function shippingLabelJob(
  printer: PrinterList['printers'][number],
  shipment: ShipmentDoc,
  fulfillment: FulfillmentDoc,
  index: number,
  locale: LabelLocale,
): NewPrintJob {
  const carton = shipment.cartons[index]!;
  const label = shippingLabelDataSchema.parse({
    shipFrom: labelAddress(fulfillment.shipFrom),
    shipTo: labelAddress(fulfillment.shipTo),
    carrier: { name: shipment.carrier, service: shipment.service },
    trackingNumber: carton.trackingNumber,
    sscc: carton.sscc,
    orderNumber: fulfillment.orderNumber.slice(0, 30),
    poNumber: fulfillment.poNumber ?? undefined,
    cartonIndex: index + 1,
    cartonCount: shipment.cartons.length,
    weightGrams: Math.max(1, carton.weightGrams ?? 1),
  });
  return {
    kind: 'shipping-label',
    printerId: printer.id,
    format: 'zpl',
    payload: renderShippingLabelZpl(label, printer.dpi, locale),
    reference: cartonJobReference(shipment.id, index),
  };
}

/**
 * Outside the EU each carton carries a CN22: per line the goods' description, quantity, weight,
 * value (from the order) and HS code and origin (from the product). More than five lines in one
 * carton need a CN23, which is not printed here: the schema's error says so.
 */
async function queueCustomsDeclarations(
  db: StationDatabase,
  printer: PrinterList['printers'][number],
  shipment: ShipmentDoc,
  fulfillment: FulfillmentDoc,
  locale: LabelLocale,
): Promise<void> {
  const lines = new Map(fulfillment.lines.map((l) => [l.lineId, l]));
  const products = await db.products.findByIds(fulfillment.lines.map((l) => l.sku)).exec();
  for (const [index, carton] of shipment.cartons.entries()) {
    const declaration = cn22DataSchema.parse({
      sender: labelAddress(fulfillment.shipFrom),
      recipient: labelAddress(fulfillment.shipTo),
      carrierName: shipment.carrier.slice(0, 30),
      category: 'sale-of-goods',
      currency: fulfillment.currency,
      trackingNumber: carton.trackingNumber ?? undefined,
      date: (shipment.confirmedAt ?? new Date().toISOString()).slice(0, 10),
      lines: carton.items.map((item) => {
        const line = lines.get(item.lineId);
        const product = products.get(item.sku);
        return {
          description: (line?.name ?? item.sku).slice(0, 60),
          quantity: item.quantity,
          weightGrams: Math.max(1, (line?.unitWeightGrams ?? 0) * item.quantity),
          valueMinor: (line?.unitPriceCents ?? 0) * item.quantity,
          hsCode: product?.hsCode ?? '',
          originCountry: product?.originCountry ?? '',
        };
      }),
    });
    await enqueuePrint(db.print_jobs, {
      kind: 'cn22',
      printerId: printer.id,
      format: 'zpl',
      payload: renderCn22Zpl(declaration, printer.dpi, locale),
      reference: cartonJobReference(shipment.id, index),
    });
  }
}

/** The packing slip of a shipment: the packed lines, with the order's money when it has some. */
export function packingSlipFor(
  shipment: ShipmentDoc,
  fulfillment: FulfillmentDoc,
): PackingSlipData | null {
  const packed = new Map<string, number>();
  for (const item of shipment.cartons.flatMap((c) => c.items))
    packed.set(item.lineId, (packed.get(item.lineId) ?? 0) + item.quantity);
  const lines = fulfillment.lines
    .filter((l) => (packed.get(l.lineId) ?? 0) > 0)
    .map((l) => ({
      sku: l.sku,
      name: l.name.trim().slice(0, 120) || l.sku,
      quantity: packed.get(l.lineId)!,
      ...packingSlipLineMoney(l, packed.get(l.lineId)!),
    }));
  if (lines.length === 0) return null;
  return packingSlipDataSchema.parse({
    orderNumber: packingSlipBarcode(fulfillment.orderNumber),
    poNumber: fulfillment.poNumber ?? undefined,
    orderDate: fulfillment.releasedAt.slice(0, 10),
    shipFrom: labelAddress(fulfillment.shipFrom),
    shipTo: labelAddress(fulfillment.shipTo),
    lines,
    money: packingSlipMoneyOf(fulfillment),
  });
}

/**
 * The packing slip goes in the first carton: as an A4 PDF on the slip printer when the station
 * has one, otherwise as a 4×6 label on the label printer.
 */
async function queuePackingSlip(
  db: StationDatabase,
  printers: PrinterList['printers'],
  defaults: { label: string | null; slip: string | null },
  shipment: ShipmentDoc,
  fulfillment: FulfillmentDoc,
  locale: LabelLocale,
): Promise<void> {
  const slip = packingSlipFor(shipment, fulfillment);
  if (!slip) return;
  const slipPrinter = printers.find((p) => p.id === defaults.slip);
  if (slipPrinter && slipPrinter.kind !== 'zebra-tcp') {
    const pdf = await renderPackingSlipPdf(slip, locale);
    let binary = '';
    for (const byte of pdf) binary += String.fromCharCode(byte);
    await enqueuePrint(db.print_jobs, {
      kind: 'packing-slip',
      printerId: slipPrinter.id,
      format: 'pdf',
      payload: btoa(binary),
      reference: shipment.id,
    });
    return;
  }
  const labelPrinter = slipPrinter ?? printers.find((p) => p.id === defaults.label);
  if (!labelPrinter) return;
  await enqueuePrint(db.print_jobs, {
    kind: 'packing-slip',
    printerId: labelPrinter.id,
    format: 'zpl',
    payload: renderPackingSlipZpl(slip, labelPrinter.dpi, locale),
    reference: shipment.id,
  });
}

/** Registers label printing (and reprinting) for packing; returns the function that unregisters it. */
export function startLabelPrinting(
  db: StationDatabase,
  api: Pick<StationApi, 'listPrinters'>,
): () => void {
  return registerLabelPrinting({
    print: async (shipment, fulfillment) => {
      await queueShippingLabels(db, api, shipment, fulfillment);
    },
    reprint: (shipment, fulfillment) => reprintShippingLabels(db, api, shipment, fulfillment),
  });
}
