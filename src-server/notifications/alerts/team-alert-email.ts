// Internal alerts by email: low stock (to the team, purchasing and the product's supplier
// contact), products not selling, late shipments and the weekly return-rate digest.
import type { z } from 'zod';
import { DeliveryFailure } from '../../outbox/consumer';
import type { DispatchedEvent, OutboxConsumer } from '../../outbox/consumer';
import { sendNotificationEmail } from '../email/compose-email';
import type { Brand, EmailBody, EmailLocale } from '../email/email-layout';
import type { Mailer } from '../email/mailer';
import {
  productNotSellingSchema,
  returnRateDigestSchema,
  shipmentLateSchema,
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

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/** The email body and extra recipients of an alert event. */
export function teamAlertEmail(
  event: DispatchedEvent,
  locale: EmailLocale,
): { body: EmailBody; extraTo: string[]; toPurchasing: boolean } {
  const nl = locale === 'nl';
  const closing = nl ? 'Automatisch bericht van het OMS.' : 'Automatic message from the OMS.';
  switch (event.type) {
    case 'stock.low': {
      const p = parse(stockLowSchema, event);
      return {
        toPurchasing: true,
        extraTo: p.supplierEmail ? [p.supplierEmail] : [],
        body: {
          closing,
          subject: nl
            ? `Lage voorraad: ${p.sku} in ${p.warehouseCode}`
            : `Low stock: ${p.sku} in ${p.warehouseCode}`,
          heading: nl ? `${p.productName} is bijna op` : `${p.productName} is running low`,
          paragraphs: [
            nl
              ? `Beschikbaar ${p.available}, bestelpunt ${p.reorderPoint}. Voorgestelde bestelling: ${p.suggestedReorderQuantity} stuks.`
              : `Available ${p.available}, reorder point ${p.reorderPoint}. Suggested reorder: ${p.suggestedReorderQuantity} units.`,
          ],
          facts: [
            { label: nl ? 'Magazijn' : 'Warehouse', value: p.warehouseCode },
            { label: 'SKU', value: p.sku },
            { label: nl ? 'Op voorraad' : 'On hand', value: String(p.onHand) },
            { label: nl ? 'Gereserveerd' : 'Reserved', value: String(p.reserved) },
            {
              label: nl ? 'Voorgestelde bestelling' : 'Suggested reorder quantity',
              value: String(p.suggestedReorderQuantity),
            },
            ...(p.supplierName
              ? [{ label: nl ? 'Leverancier' : 'Supplier', value: p.supplierName }]
              : []),
          ],
        },
      };
    }
    case 'product.not_selling': {
      const p = parse(productNotSellingSchema, event);
      const last = p.lastSoldAt ? p.lastSoldAt.slice(0, 10) : nl ? 'nooit' : 'never';
      return {
        toPurchasing: true,
        extraTo: [],
        body: {
          closing,
          subject: nl ? `Verkoopt niet: ${p.sku}` : `Not selling: ${p.sku}`,
          heading: nl
            ? `${p.productName} is in ${p.days} dagen niet verkocht`
            : `${p.productName} has not sold in ${p.days} days`,
          paragraphs: [
            nl
              ? `Er liggen ${p.onHand} stuks op voorraad. Laatst verkocht: ${last}.`
              : `${p.onHand} units are in stock. Last sold: ${last}.`,
          ],
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
          subject: nl
            ? `Te laat: bestelling ${p.orderReference} (${p.warehouseCode})`
            : `Late: order ${p.orderReference} (${p.warehouseCode})`,
          heading: nl
            ? 'Beloofde datum verstreken, nog niet verzonden'
            : 'Promised date passed, not shipped',
          paragraphs: [
            nl
              ? `Beloofd voor ${p.promisedDeliveryDate}; status ${p.status}.`
              : `Promised for ${p.promisedDeliveryDate}; status ${p.status}.`,
          ],
          facts: [
            { label: nl ? 'Bestelling' : 'Order', value: p.orderReference },
            { label: 'Fulfillment', value: p.fulfillmentId },
          ],
          lines: p.lines.map((l) => ({ name: `${l.name} (${l.sku})`, quantity: l.quantity })),
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
          subject: nl ? `Retouroverzicht ${p.week}` : `Return rate digest ${p.week}`,
          heading: nl
            ? `Producten met de meeste retouren (${p.windowDays} dagen)`
            : `Products with the highest return rate (${p.windowDays} days)`,
          paragraphs: [
            p.products.length === 0
              ? nl
                ? 'Er zijn in deze periode geen retouren ontvangen.'
                : 'No returns were received in this period.'
              : nl
                ? `${p.unitsReturned} stuks retour ontvangen.`
                : `${p.unitsReturned} units received back.`,
          ],
          lines: p.products.map((x) => ({
            name: `${x.name} (${x.sku})`,
            quantity: x.unitsReturned,
            amount: `${percent(x.returnRate)} ${nl ? 'van' : 'of'} ${x.unitsSold}`,
          })),
        },
      };
    }
    case 'subscription.stock_short': {
      const p = parse(subscriptionStockShortSchema, event);
      const where = p.warehouseCode ?? (nl ? 'het netwerk' : 'the network');
      return {
        toPurchasing: true,
        extraTo: [],
        body: {
          closing,
          subject: nl
            ? `Abonnement zonder voorraad: ${p.reference} (${where})`
            : `Subscription renewal short of stock: ${p.reference} (${where})`,
          heading: nl
            ? 'Een abonnementslevering kan niet worden verstuurd'
            : 'A subscription renewal cannot be placed',
          paragraphs: [
            nl
              ? `Levering ${p.cycleNo} van ${p.reference} (gepland ${p.renewalDate}) is niet geplaatst en niet afgeschreven. De klant verwacht hem uiterlijk ${p.promisedDate}.`
              : `Delivery ${p.cycleNo} of ${p.reference} (due ${p.renewalDate}) was not placed and not charged. The customer expects it by ${p.promisedDate}.`,
            ...(p.shortage.message ? [p.shortage.message] : []),
          ],
          facts: [{ label: nl ? 'Magazijn' : 'Warehouse', value: where }],
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
