// Sourcing an order into rows: allocate to warehouses, assign bins, choose shipping, move the
// order through its state machine, and build the order graph, the response and the outbox events.
import { randomUUID } from 'node:crypto';
import { NEW_ORDER_STATE, transitionOrder } from '../../shared/orders/order-state';
import type { OrderState, OrderStatus } from '../../shared/orders/order-state';
import type { CustomerRef } from '../customers/customer-upsert';
import { compareCodes } from '../db/code-order';
import type { PostalAddress } from '../db/schema';
import { assignBins } from '../inventory/stock-locks';
import type { LockedStock } from '../inventory/stock-locks';
import type { OutboxEvent } from '../outbox/outbox';
import { allocateOrder } from '../sourcing/allocate';
import { fulfillmentOrderMoney, pickLineAmount } from '../sync/fulfillment-money';
import { toFulfillmentDoc } from '../sync/projections';
import { holidayTest, shipDateFor } from '../shipping/warehouse-calendar';
import type { ShipToLocation } from '../sourcing/ship-to-location';
import { chooseFulfillmentShipping } from './fulfillment-shipping';
import type { OrderPlaced } from './order-contracts';
import { placedMoney, ratePercentOf } from './order-money-view';
import type { NewOrderGraph, OrderEventInput } from './order-writes';
import type { IntakeSettings, PlaceOrderCommand } from './place-order';
import type { PricedOrder } from './priced-order';

export interface SourcingWarehouse {
  code: string;
  name: string;
  address: PostalAddress;
  country: string;
  latitude: number;
  longitude: number;
  /** Its clock and cut-off (src-server/shipping/warehouse-calendar.ts). */
  timeZone: string;
  cutoffTime: string;
  holidayRegion: string | null;
}

export interface OrderGraphInput {
  settings: IntakeSettings;
  command: PlaceOrderCommand;
  priced: PricedOrder;
  warehouses: readonly SourcingWarehouse[];
  /** The point sourcing measures from, and which kind of point it is (recorded on the order). */
  shipTo: ShipToLocation;
  /** Availability read under lock (intake) or tracked in memory (demo seed). */
  stock: LockedStock;
  customer: CustomerRef;
}

export interface PlacedOrderGraph {
  graph: NewOrderGraph;
  body: OrderPlaced;
  outbox: OutboxEvent[];
}

/** Sources the order against `stock` and builds every row to write. Pure apart from new ids. */
export function buildPlacedOrder(input: OrderGraphInput): PlacedOrderGraph {
  const { settings, command, priced, warehouses, shipTo, stock, customer } = input;
  const { order, channelCode } = command;
  const orderId = randomUUID();
  const lines = priced.lines.map((line) => ({ ...line, id: randomUUID() }));
  const plan = allocateOrder({
    shipTo,
    lines: lines.map((line) => ({ lineId: line.id, sku: line.sku, quantity: line.quantity })),
    warehouses: warehouses.map((w) => ({
      code: w.code,
      lat: w.latitude,
      lon: w.longitude,
      available: Object.fromEntries(stock.available.get(w.code) ?? []),
    })),
    maxExtraKmForSingleWarehouse: settings.maxExtraKmForSingleWarehouse,
  });
  const now = new Date();
  const placedAt = order.placedAt ? new Date(order.placedAt) : now;
  // A channel clock ahead of ours must not release work "in the future".
  const releasedAt = placedAt > now ? now : placedAt;
  const warehouseOf = new Map(warehouses.map((w) => [w.code, w]));

  const fulfillments: NewOrderGraph['fulfillments'] = plan.fulfillments.map((planned) => {
    const warehouse = warehouseOf.get(planned.warehouseCode);
    // A sourcing warehouse carries its calendar (time zone, cut-off, country, holiday region).
    const calendar = warehouse ?? null;
    // Released now: it leaves today if the warehouse's cut-off has not passed, else next business day.
    const shipDate = calendar ? shipDateFor(calendar, now) : now.toISOString().slice(0, 10);
    const shipping = chooseFulfillmentShipping({
      fromCountry: warehouse?.country ?? '',
      toCountry: order.shipTo.country,
      shipDate,
      isHoliday: calendar ? holidayTest(calendar) : undefined,
      promisedDeliveryDate: order.promisedDeliveryDate ?? null,
      lines: planned.lines,
      products: priced.products,
      services: settings.shippingServices,
    });
    const pickLines = planned.lines.flatMap((line) =>
      assignBins(stock.bins, planned.warehouseCode, line.sku, line.quantity).map((pick) => ({
        id: randomUUID(),
        orderLineId: line.lineId,
        sku: line.sku,
        ...pick,
      })),
    );
    return {
      id: randomUUID(),
      warehouseCode: planned.warehouseCode,
      status: 'released',
      carrier: shipping.carrier,
      service: shipping.service,
      shippingCostMinor: shipping.cost,
      shippingCurrency: shipping.currency,
      distanceKm: planned.distanceKm,
      transitDays: shipping.transitDays,
      releasedAt,
      shipBy: shipDate,
      pickLines,
    };
  });
  const reservations = plan.fulfillments.flatMap((planned, i) =>
    planned.lines.map((line) => ({
      id: randomUUID(),
      orderLineId: line.lineId,
      fulfillmentId: fulfillments[i]!.id,
      warehouseCode: planned.warehouseCode,
      sku: line.sku,
      quantity: line.quantity,
    })),
  );

  const backorderedByLine = new Map<string, number>();
  for (const line of plan.backordered) {
    backorderedByLine.set(line.lineId, (backorderedByLine.get(line.lineId) ?? 0) + line.quantity);
  }
  const events: OrderEventInput[] = [
    { type: 'placed', detail: { channel: channelCode, channelOrderRef: order.channelOrderRef } },
  ];
  let state: OrderState = NEW_ORDER_STATE;
  const move = (to: OrderStatus, detail: Record<string, unknown>) => {
    const next = transitionOrder(state, to);
    if (!next.ok) throw new Error(next.reason);
    state = next.state;
    events.push({ type: to, detail });
  };
  if (fulfillments.length === 0) {
    move('backordered', { lines: plan.backordered });
  } else {
    move('allocated', {
      strategy: plan.strategy,
      warehouses: fulfillments.map((f) => f.warehouseCode),
      backordered: plan.backordered,
    });
    move('released', { fulfillments: fulfillments.map((f) => f.id) });
  }

  const shippingCostMinor = fulfillments.reduce((sum, f) => sum + f.shippingCostMinor, 0);
  const body: OrderPlaced = {
    orderId,
    channel: channelCode,
    channelOrderRef: order.channelOrderRef,
    status: state.status,
    currency: order.currency,
    ...placedMoney(priced),
    shippingCostMinor,
    fulfillments: fulfillments.map((f, i) => ({
      id: f.id,
      warehouseCode: f.warehouseCode,
      status: 'released',
      cancelRequested: false,
      distanceKm: f.distanceKm,
      carrier: f.carrier,
      service: f.service,
      shippingCostMinor: f.shippingCostMinor,
      shippingCurrency: f.shippingCurrency,
      transitDays: f.transitDays,
      shipBy: f.shipBy,
      lines: plan.fulfillments[i]!.lines,
    })),
    backordered: plan.backordered,
  };

  const lineOf = new Map<string, (typeof lines)[number]>(lines.map((line) => [line.id, line]));
  const byWalk = (a: { walkSequence: number; sku: string; id: string }, b: typeof a) =>
    a.walkSequence - b.walkSequence || compareCodes(a.sku, b.sku) || compareCodes(a.id, b.id);
  const stationDocs = fulfillments.map((f) => {
    const warehouse = warehouseOf.get(f.warehouseCode)!;
    return toFulfillmentDoc({
      id: f.id,
      orderId,
      orderNumber: order.channelOrderRef,
      warehouseCode: f.warehouseCode,
      status: f.status,
      cancelRequested: false,
      promisedDate: order.promisedDeliveryDate ?? null,
      transitDays: f.transitDays,
      releasedAt,
      channel: channelCode,
      poNumber: order.poNumber ?? null,
      locale: customer.locale,
      warehouseName: warehouse.name,
      warehouseAddress: warehouse.address,
      shipTo: order.shipTo,
      carrier: f.carrier,
      service: f.service,
      shippingCostMinor: f.shippingCostMinor,
      currency: f.shippingCurrency,
      lines: [...f.pickLines].sort(byWalk).map((pick) => ({
        lineId: pick.id,
        sku: pick.sku,
        name: lineOf.get(pick.orderLineId)!.name,
        quantity: pick.quantity,
        bin: pick.binCode,
        walkSequence: pick.walkSequence,
        unitWeightGrams: priced.products.get(pick.sku)!.weightGrams,
        unitPriceCents: lineOf.get(pick.orderLineId)!.unitPriceMinor,
        amountCents: pickLineAmount(lineOf.get(pick.orderLineId)!, pick.quantity),
        taxRatePercent: ratePercentOf(lineOf.get(pick.orderLineId)!.taxRatePpm),
      })),
      orderMoney: fulfillmentOrderMoney(order.currency, body, priced.vat?.decision.scheme),
    });
  });

  const graph: NewOrderGraph = {
    order: {
      id: orderId,
      channelCode,
      channelOrderRef: order.channelOrderRef,
      customerId: customer.customerId,
      buyerId: customer.buyerId,
      poNumber: order.poNumber ?? null,
      currency: order.currency,
      status: state.status,
      email: customer.email,
      shipTo: order.shipTo,
      billTo: order.billTo ?? null,
      promisedDeliveryDate: order.promisedDeliveryDate ?? null,
      subtotalMinor: priced.subtotalMinor,
      shippingChargedMinor: priced.shippingChargedMinor,
      totalMinor: priced.totalMinor,
      shippingCostMinor,
      pricesIncludeTax: priced.pricesIncludeTax,
      discountMinor: priced.discountMinor,
      taxMinor: priced.taxMinor,
      netMinor: priced.netMinor,
      shippingDiscountMinor: priced.shipping.discountMinor,
      shippingTaxMinor: priced.shipping.taxMinor,
      shippingTaxRatePpm: priced.shipping.taxRatePpm,
      shipToLocationSource: shipTo.source,
      placedAt,
      vat: priced.vat,
    },
    lines: lines.map((line) => ({
      id: line.id,
      lineNo: line.lineNo,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      lineTotalMinor: line.lineTotalMinor,
      discountMinor: line.discountMinor,
      taxMinor: line.taxMinor,
      taxRatePpm: line.taxRatePpm,
      netMinor: line.netMinor,
      grossMinor: line.grossMinor,
      backorderedQuantity: backorderedByLine.get(line.id) ?? 0,
    })),
    fulfillments,
    reservations,
    events,
    actor: command.actor,
    stationDocs,
  };
  const outbox: OutboxEvent[] = [
    { type: 'order.placed', aggregateType: 'order', aggregateId: orderId, payload: body },
    ...(fulfillments.length > 0
      ? [
          {
            type: 'order.allocated' as const,
            aggregateType: 'order' as const,
            aggregateId: orderId,
            payload: { orderId, fulfillments: body.fulfillments },
          },
        ]
      : []),
    ...(plan.backordered.length > 0
      ? [
          {
            type: 'order.backordered' as const,
            aggregateType: 'order' as const,
            aggregateId: orderId,
            payload: { orderId, lines: plan.backordered },
          },
        ]
      : []),
  ];
  return { graph, body, outbox };
}
