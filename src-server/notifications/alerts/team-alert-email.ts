// Internal alerts by email: low stock (to the team, purchasing and the product's supplier
// contact), products not selling, late shipments, parcels not delivered in time and the weekly
// return-rate digest.
import type { z } from 'zod';
import { carrierName } from '../../../shared/carriers/carrier-names';
import type { TrackingState } from '../../../shared/carriers/tracking-state';
import { DeliveryFailure } from '../../outbox/consumer';
import type { DispatchedEvent, OutboxConsumer } from '../../outbox/consumer';
import { sendNotificationEmail } from '../email/compose-email';
import type { Brand, EmailBody, EmailLocale } from '../email/email-layout';
import type { Mailer } from '../email/mailer';
import { TEAM_ALERT_WORDS } from './team-alert-words';
import {
  productNotSellingSchema,
  returnRateDigestSchema,
  shipmentLateSchema,
  shipmentUndeliveredSchema,
  stockLowSchema,
  subscriptionStockShortSchema,
} from './alert-payloads';

export interface TeamAlertSettings {
  brand: Brand;
  locale: EmailLocale;
  teamEmails: string[];
  purchasingEmails: string[];
}

export const TEAM_ALERT_EVENTS = [
  'stock.low',
  'product.not_selling',
  'shipment.late',
  'shipment.delivery_overdue',
  'report.return_rate_digest',
  'subscription.stock_short',
] as const;

function parse<S extends z.ZodType>(schema: S, event: DispatchedEvent): z.infer<S> {
  const parsed = schema.safeParse(event.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DeliveryFailure(`${event.type} payload.${issue.path.join('.')}: ${issue.message}`, {
      permanent: true,
    });
  }
  return parsed.data;
}

/** 0.125 → "12.5 %" (en), "12,5 %" (nl, de, fr). */
const percent = (rate: number, locale: EmailLocale) =>
  `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate * 100)} %`;

/** The email body and extra recipients of an alert event. */
export function teamAlertEmail(
  event: DispatchedEvent,
  locale: EmailLocale,
): { body: EmailBody; extraTo: string[]; toPurchasing: boolean } {
  const w = TEAM_ALERT_WORDS[locale];
  const closing = w.closing;
  switch (event.type) {
    case 'stock.low': {
      const p = parse(stockLowSchema, event);
      return {
        toPurchasing: true,
        extraTo: p.supplierEmail ? [p.supplierEmail] : [],
        body: {
          closing,
          subject: w.stockLow.subject(p.sku, p.warehouseCode),
          heading: w.stockLow.heading(p.productName),
          paragraphs: [
            w.stockLow.summary(
              String(p.available),
              String(p.reorderPoint),
              String(p.suggestedReorderQuantity),
            ),
          ],
          facts: [
            { label: w.warehouse, value: p.warehouseCode },
            { label: 'SKU', value: p.sku },
            { label: w.stockLow.onHand, value: String(p.onHand) },
            { label: w.stockLow.reserved, value: String(p.reserved) },
            { label: w.stockLow.suggested, value: String(p.suggestedReorderQuantity) },
            ...(p.supplierName ? [{ label: w.supplier, value: p.supplierName }] : []),
          ],
        },
      };
    }
    case 'product.not_selling': {
      const p = parse(productNotSellingSchema, event);
      const last = p.lastSoldAt ? p.lastSoldAt.slice(0, 10) : w.notSelling.never;
      return {
        toPurchasing: true,
        extraTo: [],
        body: {
          closing,
          subject: w.notSelling.subject(p.sku),
          heading: w.notSelling.heading(p.productName, String(p.days)),
          paragraphs: [w.notSelling.summary(String(p.onHand), last)],
        },
      };
    }
    case 'shipment.late': {
      const p = parse(shipmentLateSchema, event);
      return {
        toPurchasing: false,
        extraTo: [],
        body: {
          closing,
          subject: w.late.subject(p.orderReference, p.warehouseCode),
          heading: w.late.heading,
          paragraphs: [w.late.summary(p.promisedDeliveryDate, p.status)],
          facts: [
            { label: w.late.order, value: p.orderReference },
            { label: 'Fulfillment', value: p.fulfillmentId },
          ],
          lines: p.lines.map((l) => ({ name: `${l.name} (${l.sku})`, quantity: l.quantity })),
        },
      };
    }
    case 'shipment.delivery_overdue': {
      const p = parse(shipmentUndeliveredSchema, event);
      const carrier = carrierName(p.carrier);
      return {
        toPurchasing: false,
        extraTo: [],
        body: {
          closing,
          subject: w.undelivered.subject(p.orderReference, carrier),
          heading: w.undelivered.heading,
          paragraphs: [
            w.undelivered.summary(
              p.promisedDeliveryDate,
              p.trackingState
                ? (w.undelivered.states[p.trackingState as TrackingState] ?? p.trackingState)
                : w.undelivered.noTracking,
            ),
          ],
          facts: [
            { label: w.late.order, value: p.orderReference },
            { label: w.warehouse, value: p.warehouseCode },
            ...p.trackingNumbers.map((t) => ({ label: w.undelivered.trackingNumber, value: t })),
          ],
        },
      };
    }
    case 'report.return_rate_digest': {
      const p = parse(returnRateDigestSchema, event);
      return {
        toPurchasing: false,
        extraTo: [],
        body: {
          closing,
          subject: w.returnDigest.subject(p.week),
          heading: w.returnDigest.heading(String(p.windowDays)),
          paragraphs: [
            p.products.length === 0
              ? w.returnDigest.none
              : w.returnDigest.returned(String(p.unitsReturned)),
          ],
          lines: p.products.map((x) => ({
            name: `${x.name} (${x.sku})`,
            quantity: x.unitsReturned,
            amount: w.returnDigest.rateOf(percent(x.returnRate, locale), String(x.unitsSold)),
          })),
        },
      };
    }
    case 'subscription.stock_short': {
      const p = parse(subscriptionStockShortSchema, event);
      const where = p.warehouseCode ?? w.subscriptionShort.network;
      return {
        toPurchasing: true,
        extraTo: [],
        body: {
          closing,
          subject: w.subscriptionShort.subject(p.reference, where),
          heading: w.subscriptionShort.heading,
          paragraphs: [
            w.subscriptionShort.summary(
              String(p.cycleNo),
              p.reference,
              p.renewalDate,
              p.promisedDate,
            ),
            ...(p.shortage.message ? [p.shortage.message] : []),
          ],
          facts: [{ label: w.warehouse, value: where }],
          lines: p.shortage.lines.map((l) => ({ name: l.sku, quantity: l.quantity })),
        },
      };
    }
    default:
      throw new DeliveryFailure(`No team alert for ${event.type}.`, { permanent: true });
  }
}

export function teamAlertConsumer(mailer: Mailer, settings: TeamAlertSettings): OutboxConsumer {
  const sends = new Set<string>(TEAM_ALERT_EVENTS);
  const target = [{ consumer: 'team-alerts', subscriptionId: null }];
  return {
    kind: 'team-alerts',
    targets: async () => (type) => (sends.has(type) ? target : []),
    async deliver(job) {
      const { body, extraTo, toPurchasing } = teamAlertEmail(job.event, settings.locale);
      const to = [
        ...new Set([
          ...settings.teamEmails,
          ...(toPurchasing ? settings.purchasingEmails : []),
          ...extraTo,
        ]),
      ];
      if (to.length === 0)
        return { outcome: 'skipped', responseExcerpt: 'No team addresses are configured.' };
      return sendNotificationEmail(mailer, settings.brand, job, {
        to,
        locale: settings.locale,
        body,
      });
    },
  };
}
