// What customer service needs to sign a customer up in the back office: the customers already
// known (by name or e-mail, with the address their last subscription or order shipped to) and
// the channels a subscription may belong to. The subscription itself is then created through
// POST /v1/subscriptions, the same path as a channel's checkout.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allow } from '../access/route-rules';
import type { Database, PostalAddress } from '../db/schema';
import { adminSecurity, errorResponses } from '../http/route-schemas';

/** The people who sign customers up by phone (channels sign up through their own checkout). */
const staffSigners = allow('admin', 'customer_service', 'sales_rep', 'admin_token');

const addressView = z.object({
  name: z.string(),
  company: z.string().optional(),
  line1: z.string(),
  line2: z.string().optional(),
  postalCode: z.string(),
  city: z.string(),
  region: z.string().optional(),
  country: z.string(),
});

const customerView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  locale: z.string(),
  /** Where their latest subscription (else order) ships to; null when nothing shipped yet. */
  lastShipTo: addressView.nullable(),
});

/** `%`, `_` and `\` match themselves in the search. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The postal parts the signup form fills in (not the phone, e-mail or coordinates). */
function addressOf(raw: PostalAddress | null): z.infer<typeof addressView> | null {
  if (!raw) return null;
  const { name, company, line1, line2, postalCode, city, region, country } = raw;
  return {
    name,
    line1,
    postalCode,
    city,
    country,
    ...(company ? { company } : {}),
    ...(line2 ? { line2 } : {}),
    ...(region ? { region } : {}),
  };
}

export async function findSignupCustomers(db: Kysely<Database>, q: string, limit: number) {
  const { rows } = await sql<{
    id: string;
    name: string;
    email: string;
    locale: string;
    ship_to: PostalAddress | null;
  }>`
    select c.id, c.name, c.email, c.locale,
      coalesce(
        (select s.ship_to from subscriptions s where s.customer_id = c.id
          order by s.created_at desc limit 1),
        (select o.ship_to from orders o where o.customer_id = c.id
          order by o.placed_at desc limit 1)
      ) as ship_to
    from customers c
    where c.kind = 'person' and c.email is not null
      and (c.name ilike ${likePattern(q)} or c.email ilike ${likePattern(q)})
    order by lower(c.name), c.email
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    locale: r.locale,
    lastShipTo: addressOf(r.ship_to),
  }));
}

export function signupLookupRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/v1/subscription-customers', {
      config: { access: staffSigners },
      schema: {
        tags: ['subscriptions'],
        summary: 'Customers (people) whose name or e-mail contains the text, to sign them up',
        security: adminSecurity,
        querystring: z.object({
          q: z.string().trim().min(2, 'type at least 2 characters').max(200),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ customers: z.array(customerView) }), ...errorResponses },
      },
      handler: async (request) => ({
        customers: await findSignupCustomers(db, request.query.q, request.query.limit),
      }),
    });

    app.get('/v1/subscription-channels', {
      config: { access: staffSigners },
      schema: {
        tags: ['subscriptions'],
        summary: 'The channels a subscription entered by staff may belong to, by code',
        security: adminSecurity,
        response: {
          200: z.object({ channels: z.array(z.object({ code: z.string(), name: z.string() })) }),
          ...errorResponses,
        },
      },
      handler: async () => ({
        channels: await db
          .selectFrom('channels')
          .select(['code', 'name'])
          .orderBy('code')
          .limit(500)
          .execute(),
      }),
    });
  };
}
