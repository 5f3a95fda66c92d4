// GET /v1/orders/:id/shipments: what each of an order's fulfillments shipped, with its cartons
// (SSCC, tracking number and the carrier's tracking link), for the back office's order page and
// ERPs. Refused shipments are listed too: the order page shows why a station's attempt failed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { assertMayReadChannel } from '../access/access';
import { allow } from '../access/route-rules';
import type { Database, PostalAddress } from '../db/schema';
import { notFound } from '../http/api-error';
import { channelOrAdminSecurity, errorResponses } from '../http/route-schemas';
import { trackingUrl } from '../notifications/email/tracking-links';

const cartonSchema = z.object({
  sscc: z.string(),
  boxType: z.string(),
  weightGrams: z.number().int().nullable(),
  trackingNumber: z.string().nullable(),
  trackingUrl: z.string().nullable(),
});
const shipmentSchema = z.object({
  id: z.string(),
  fulfillmentId: z.string(),
  warehouseCode: z.string(),
  carrier: z.string(),
  service: z.string(),
  status: z.enum(['accepted', 'refused']),
  refusalReason: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  cartons: z.array(cartonSchema),
});
export const orderShipmentsSchema = z.object({ shipments: z.array(shipmentSchema) });
export type OrderShipments = z.infer<typeof orderShipmentsSchema>;

export async function orderShipments(
  db: Kysely<Database>,
  orderId: string,
  trackingUrlTemplate: string,
): Promise<OrderShipments | null> {
  const order = await db
    .selectFrom('orders')
    .select(['id', 'ship_to'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return null;
  const shipTo = order.ship_to as PostalAddress;
  const shipments = await db
    .selectFrom('shipments as s')
    .innerJoin('fulfillment_orders as f', 'f.id', 's.fulfillment_id')
    .select([
      's.id',
      's.fulfillment_id',
      'f.warehouse_code',
      's.carrier',
      's.service',
      's.status',
      's.refusal_reason',
      's.confirmed_at',
      's.created_at',
    ])
    .where('f.order_id', '=', orderId)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
  const cartons =
    shipments.length === 0
      ? []
      : await db
          .selectFrom('cartons')
          .select(['sscc', 'shipment_id', 'box_type', 'weight_grams', 'tracking_number'])
          .where(
            'shipment_id',
            'in',
            shipments.map((s) => s.id),
          )
          .orderBy('sscc')
          .execute();
  return {
    shipments: shipments.map((s) => ({
      id: s.id,
      fulfillmentId: s.fulfillment_id,
      warehouseCode: s.warehouse_code,
      carrier: s.carrier,
      service: s.service,
      status: s.status,
      refusalReason: s.refusal_reason,
      confirmedAt: s.confirmed_at === null ? null : new Date(s.confirmed_at).toISOString(),
      cartons: cartons
        .filter((c) => c.shipment_id === s.id)
        .map((c) => ({
          sscc: c.sscc,
          boxType: c.box_type,
          weightGrams: c.weight_grams,
          trackingNumber: c.tracking_number,
          trackingUrl:
            c.tracking_number === null
              ? null
              : trackingUrl(
                  {
                    carrier: s.carrier,
                    trackingNumber: c.tracking_number,
                    postalCode: shipTo.postalCode,
                    country: shipTo.country,
                  },
                  trackingUrlTemplate,
                ),
        })),
    })),
  };
}

export function orderShipmentRoutes(db: Kysely<Database>, trackingUrlTemplate: string) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/orders/:id/shipments', {
      config: {
        access: allow(
          'admin',
          'customer_service',
          'sales_rep',
          'finance',
          'channel',
          'admin_token',
        ),
      },
      schema: {
        tags: ['orders'],
        summary: "An order's shipments per fulfillment, with cartons, SSCCs and tracking links",
        security: channelOrAdminSecurity,
        params: z.object({ id: z.uuid('must be an order id (UUID)') }),
        response: { 200: orderShipmentsSchema, ...errorResponses },
      },
      handler: async (request) => {
        const channel = await db
          .selectFrom('orders')
          .select('channel_code')
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!channel) throw notFound(`Order ${request.params.id}`);
        assertMayReadChannel(request.principal, channel.channel_code);
        return (await orderShipments(db, request.params.id, trackingUrlTemplate))!;
      },
    });
  };
}
