// Turns an outbox event into a customer email model: the payload names the order (and the RMA);
// the order, its lines, the recipient and their language are read from the database by id.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { DeliveryFailure } from '../../outbox/consumer';
import type { DispatchedEvent } from '../../outbox/consumer';
import type { CustomerEmailModel, ReturnItem } from './customer-email-copy';
import { loadOrder } from './customer-email-order';
import type { EmailLocale } from './email-layout';
import { emailLocale } from './email-layout';
import { carrierDisplayName, trackingUrl } from './tracking-links';

/** Event types that send the customer an email. */
export const CUSTOMER_EMAIL_EVENTS = [
  'order.placed',
  'order.shipped',
  'order.backordered',
  'shipment.late',
  'shipment.out_for_delivery',
  'shipment.delivered',
  'shipment.delivery_failed',
  'return.authorized',
  'return.received',
  'refund.issued',
] as const;

const itemSchema = z.object({
  sku: z.string(),
  quantity: z.number().int().positive(),
  name: z.string().optional(),
});
const returnTarget = {
  orderId: z.string(),
  rmaId: z.string(),
  /** The customer-facing RMA number; the id is shown when absent. */
  rmaCode: z.string().optional(),
  lines: z.array(itemSchema).optional(),
  items: z.array(itemSchema).optional(),
  /** Override the order's email address and the customer's language. */
  customerEmail: z.email().optional(),
  locale: z.string().optional(),
};
const orderRef = z.object({ orderId: z.string() });
/** What the carrier's tracking said (src-server/tracking/tracking-events.ts). */
const trackedShipment = z.object({
  orderId: z.string(),
  carrier: z.string(),
  cartons: z.array(z.object({ trackingNumber: z.string().nullable().optional() })),
});
const TRACKED_STATES = {
  'shipment.out_for_delivery': 'outForDelivery',
  'shipment.delivered': 'delivered',
  'shipment.delivery_failed': 'deliveryFailed',
} as const;
const payloads = {
  'order.placed': orderRef,
  'order.shipped': z.object({
    orderId: z.string(),
    carrier: z.string(),
    cartons: z.array(z.object({ trackingNumber: z.string().nullable().optional() })),
  }),
  'order.backordered': z.object({ orderId: z.string(), lines: z.array(itemSchema) }),
  'shipment.late': z.object({ orderId: z.string(), lines: z.array(itemSchema).default([]) }),
  'shipment.out_for_delivery': trackedShipment,
  'shipment.delivered': trackedShipment,
  'shipment.delivery_failed': trackedShipment,
  'return.authorized': z.object({
    ...returnTarget,
    returnLabelPdfBase64: z.base64().optional(),
    returnLabelZpl: z.string().optional(),
  }),
  'return.received': z.object(returnTarget),
  'refund.issued': z.object({
    orderId: z.string(),
    rmaId: z.string().optional(),
    rmaCode: z.string().optional(),
    amountMinor: z.number().int().nonnegative(),
    currency: z.string().length(3),
    customerEmail: z.email().optional(),
    locale: z.string().optional(),
  }),
};
export type CustomerEmailEvent = keyof typeof payloads;

export interface CustomerEmailPlan {
  to: string | null;
  locale: EmailLocale;
  model: CustomerEmailModel;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

function parseWith<S extends z.ZodType>(schema: S, type: string, payload: unknown): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DeliveryFailure(`${type} payload.${issue.path.join('.')}: ${issue.message}`, {
      permanent: true,
    });
  }
  return parsed.data;
}

export interface CustomerEmailContext {
  retailerName: string;
  trackingUrlTemplate: string;
  /** The RMA's printable return label (PDF), when the returns module can render one. */
  returnLabelPdf?: ((rmaId: string) => Promise<Uint8Array | undefined>) | undefined;
}

/** The email an event sends, or undefined when the event type sends none. */
export async function planCustomerEmail(
  db: Kysely<Database>,
  event: DispatchedEvent,
  context: CustomerEmailContext,
): Promise<CustomerEmailPlan | undefined> {
  if (!(event.type in payloads)) return undefined;
  const type = event.type as CustomerEmailEvent;
  // A return received without an RMA (unexpected parcel) names no order: nobody to tell.
  if (typeof event.payload.orderId !== 'string') return undefined;
  const { orderId } = parseWith(orderRef, type, event.payload);
  const order = await loadOrder(db, orderId);
  if (!order)
    throw new DeliveryFailure(`Order ${orderId} of ${type} was not found.`, { permanent: true });
  const items = (lines: z.infer<typeof itemSchema>[]): ReturnItem[] =>
    lines.map((l) => ({ name: l.name ?? order.nameOf(l.sku), quantity: l.quantity }));
  const plan = (
    model: CustomerEmailModel,
    overrides: { customerEmail?: string | undefined; locale?: string | undefined } = {},
    attachments: CustomerEmailPlan['attachments'] = [],
  ): CustomerEmailPlan => ({
    to: overrides.customerEmail ?? order.email,
    locale: overrides.locale ? emailLocale(overrides.locale) : order.locale,
    model,
    attachments,
  });
  const summary = order.summary;
  const parcelLinks = (carrier: string, cartons: { trackingNumber?: string | null }[]) =>
    cartons
      .map((c) => c.trackingNumber)
      .filter((t): t is string => !!t)
      .map((t) => ({
        trackingNumber: t,
        url: trackingUrl(
          { carrier, trackingNumber: t, ...order.shipTo },
          context.trackingUrlTemplate,
        ),
      }));

  switch (type) {
    case 'order.placed':
      return plan({ template: 'order_confirmation', order: summary });
    case 'shipment.out_for_delivery':
    case 'shipment.delivered':
    case 'shipment.delivery_failed': {
      const p = parseWith(payloads[type], type, event.payload);
      return plan({
        template: 'parcel_tracking',
        state: TRACKED_STATES[type],
        order: summary,
        carrierName: carrierDisplayName(p.carrier, context.retailerName),
        parcels: parcelLinks(p.carrier, p.cartons),
      });
    }
    case 'order.shipped': {
      const p = parseWith(payloads[type], type, event.payload);
      const parcels = p.cartons
        .map((c) => c.trackingNumber)
        .filter((t): t is string => !!t)
        .map((t) => ({
          trackingNumber: t,
          url: trackingUrl(
            { carrier: p.carrier, trackingNumber: t, ...order.shipTo },
            context.trackingUrlTemplate,
          ),
        }));
      return plan({
        template: 'shipped',
        order: summary,
        carrierName: carrierDisplayName(p.carrier, context.retailerName),
        parcels,
      });
    }
    case 'order.backordered':
      return plan({
        template: 'delayed',
        order: summary,
        reason: 'backordered',
        items: items(parseWith(payloads[type], type, event.payload).lines),
      });
    case 'shipment.late':
      return plan({
        template: 'delayed',
        order: summary,
        reason: 'late',
        items: items(parseWith(payloads[type], type, event.payload).lines),
      });
    case 'return.authorized': {
      const p = parseWith(payloads[type], type, event.payload);
      const rma = p.rmaCode ?? p.rmaId;
      const pdf = p.returnLabelPdfBase64
        ? Buffer.from(p.returnLabelPdfBase64, 'base64')
        : await context.returnLabelPdf?.(p.rmaId);
      const attachments: CustomerEmailPlan['attachments'] = [];
      if (pdf)
        attachments.push({
          filename: `return-label-${rma}.pdf`,
          content: Buffer.from(pdf),
          contentType: 'application/pdf',
        });
      if (p.returnLabelZpl)
        attachments.push({
          filename: `return-label-${rma}.zpl`,
          content: Buffer.from(p.returnLabelZpl, 'utf8'),
          contentType: 'text/plain',
        });
      return plan(
        {
          template: 'return_authorized',
          order: summary,
          rmaId: rma,
          items: items(p.items ?? p.lines ?? []),
          labelAttached: attachments.length > 0,
        },
        p,
        attachments,
      );
    }
    case 'return.received': {
      const p = parseWith(payloads[type], type, event.payload);
      return plan(
        {
          template: 'return_received',
          order: summary,
          rmaId: p.rmaCode ?? p.rmaId,
          items: items(p.items ?? p.lines ?? []),
        },
        p,
      );
    }
    case 'refund.issued': {
      const p = parseWith(payloads[type], type, event.payload);
      return plan(
        {
          template: 'refund_issued',
          order: summary,
          rmaId: p.rmaCode ?? p.rmaId ?? null,
          amountMinor: p.amountMinor,
          currency: p.currency,
        },
        p,
      );
    }
  }
}
