// The customer's self-service page at /s/<token>, served by the central OMS: a GET renders the
// subscription with one small form per change; each form POSTs (form-encoded) to
// /s/<token>/<action>, which applies the change exactly as the API does and answers 303 back to
// the page (post-redirect-get), or the page again with the problem. Strict CSP, no script,
// no referrer (the token is the credential), never cached.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../access/route-rules';
import { ApiError } from '../http/api-error';
import { emailLocale } from '../notifications/email/email-layout';
import { todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { errorText, pageCopy, pageLocaleOf } from './self-service-copy';
import type { PageLocale } from './self-service-copy';
import { readLink, verifyLink } from './self-service-links';
import { renderMessagePage, renderSelfServicePage, SELF_SERVICE_CSS } from './self-service-page';
import { addDays } from './subscription-calendar';
import { subscriptionChangeSchema } from './subscription-change-schema';
import type { SubscriptionChange } from './subscription-change-schema';
import { changeSubscription } from './subscription-changes';
import { getSubscriptionView } from './subscription-queries';
import { earliestOpenDate, leadDays } from './subscription-schedule';
import { loadPlans } from './subscription-store';

export const SELF_SERVICE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const ACTIONS = [
  'skip',
  'date',
  'pause',
  'resume',
  'quantity',
  'swap',
  'address',
  'cancel',
] as const;
type Action = (typeof ACTIONS)[number];

type Form = Record<string, string>;

const optional = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** The change a form asks for, before validation (the schema checks it like an API body). */
function changeFrom(action: Action, form: Form): unknown {
  const lineNo = Number(form.lineNo);
  switch (action) {
    case 'skip':
      return { type: 'skip_next' };
    case 'date':
      return { type: 'change_date', date: form.date ?? '' };
    case 'pause':
      return { type: 'pause', until: optional(form.until) };
    case 'resume':
      return { type: 'resume' };
    case 'quantity':
      return { type: 'change_quantity', lineNo, quantity: Number(form.quantity) };
    case 'swap':
      return { type: 'swap_product', lineNo, sku: form.sku ?? '' };
    case 'address':
      return {
        type: 'change_address',
        shipTo: {
          name: optional(form.name) ?? '',
          line1: optional(form.line1) ?? '',
          line2: optional(form.line2),
          postalCode: optional(form.postalCode) ?? '',
          city: optional(form.city) ?? '',
          country: (optional(form.country) ?? '').toUpperCase(),
        },
      };
    case 'cancel':
      return form.confirm === 'yes'
        ? { type: 'cancel', reason: optional(form.reason) }
        : { type: 'cancel', confirm: false };
  }
}

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', SELF_SERVICE_CSP)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store');
}

export function selfServiceRoutes(ctx: RenewalContext) {
  const { db, settings } = ctx;

  /** The subscription a token opens, or the page that says why it does not. */
  async function open(token: string, lang: string | undefined) {
    const claims = readLink(token);
    const row = claims
      ? await db
          .selectFrom('subscriptions')
          .select(['id', 'link_epoch', 'locale'])
          .where('id', '=', claims.subscriptionId)
          .executeTakeFirst()
      : undefined;
    const locale: PageLocale = pageLocaleOf(lang) ?? emailLocale(row?.locale);
    const copy = pageCopy(locale);
    if (!claims || !row)
      return { ok: false as const, status: 404, html: renderMessagePage(locale, copy.invalidLink) };
    const verdict = verifyLink(settings.links.secret, claims, row.link_epoch, todayOf(ctx));
    if (verdict !== 'valid')
      return {
        ok: false as const,
        status: verdict === 'expired' ? 410 : 404,
        html: renderMessagePage(
          locale,
          verdict === 'expired' ? copy.expiredLink : copy.invalidLink,
        ),
      };
    return { ok: true as const, id: row.id, locale, expiresOn: claims.expiresOn };
  }

  async function page(
    token: string,
    opened: { id: string; locale: PageLocale; expiresOn: string },
    extra: { done?: string; problem?: string },
  ) {
    const view = (await getSubscriptionView(db, opened.id, settings.reserveAheadDays))!;
    const planRow = await db
      .selectFrom('subscription_plans')
      .select('id')
      .where('code', '=', view.plan.code)
      .executeTakeFirstOrThrow();
    const plan = (await loadPlans(db, [planRow.id])).get(planRow.id)!;
    const names = await db
      .selectFrom('products')
      .select(['sku', 'name'])
      .where('sku', 'in', [...plan.rules.skus])
      .execute();
    const today = todayOf(ctx);
    return renderSelfServicePage({
      view,
      token,
      locale: opened.locale,
      planProducts: names.map((p) => ({ sku: p.sku, name: p.name })),
      earliestDate: earliestOpenDate(today, leadDays(plan.rules, settings.reserveAheadDays)),
      tomorrow: addDays(today, 1),
      expiresOn: opened.expiresOn,
      ...extra,
    });
  }

  return async (app: FastifyInstance) => {
    // Forms post application/x-www-form-urlencoded; only inside this plugin.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    const tokenParams = z.object({ token: z.string().max(100) });
    const query = z.object({
      lang: z.string().max(5).optional(),
      done: z.string().max(40).optional(),
    });

    app.get(
      '/s/assets/self-service.css',
      { config: { access: PUBLIC }, schema: { hide: true } },
      async (_request, reply) =>
        secure(reply)
          .type('text/css; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .send(SELF_SERVICE_CSS),
    );

    app.get(
      '/s/:token',
      { config: { access: PUBLIC }, schema: { hide: true } },
      async (request, reply) => {
        const q = query.safeParse(request.query);
        const lang = q.success ? q.data.lang : undefined;
        secure(reply).type('text/html; charset=utf-8');
        const params = tokenParams.safeParse(request.params);
        // Whatever was pasted into the address bar: the invalid-link page, never a 500.
        const token = params.success ? params.data.token : '';
        const opened = await open(token, lang);
        if (!opened.ok) return reply.status(opened.status).send(opened.html);
        return reply.send(await page(token, opened, { done: q.success ? q.data.done : undefined }));
      },
    );

    app.post(
      '/s/:token/:action',
      { config: { access: PUBLIC }, schema: { hide: true } },
      async (request, reply) => {
        const params = z
          .object({ token: z.string().max(100), action: z.enum(ACTIONS) })
          .safeParse(request.params);
        const q = query.safeParse(request.query);
        const lang = q.success ? q.data.lang : undefined;
        secure(reply).type('text/html; charset=utf-8');
        if (!params.success)
          return reply
            .status(404)
            .send(
              renderMessagePage(
                pageLocaleOf(lang) ?? 'en',
                pageCopy(pageLocaleOf(lang) ?? 'en').invalidLink,
              ),
            );
        const { token, action } = params.data;
        const opened = await open(token, lang);
        if (!opened.ok) return reply.status(opened.status).send(opened.html);
        const copy = pageCopy(opened.locale);
        const form: Form =
          typeof request.body === 'object' && request.body !== null ? (request.body as Form) : {};
        const parsed = subscriptionChangeSchema.safeParse(changeFrom(action, form));
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = issue.path.filter((p) => p !== 'shipTo').join('.') || action;
          return reply.status(422).send(
            await page(token, opened, {
              problem: errorText(copy, 'invalid', field, issue.message),
            }),
          );
        }
        const change: SubscriptionChange = parsed.data;
        try {
          await changeSubscription(ctx, {
            subscriptionId: opened.id,
            change,
            actor: 'customer',
            actorLabel: 'customer',
            channelScope: null,
          });
        } catch (error) {
          if (!(error instanceof ApiError) || error.statusCode >= 500) throw error;
          return reply.status(error.statusCode).send(
            await page(token, opened, {
              problem: errorText(copy, error.code, error.field, error.message),
            }),
          );
        }
        const done = {
          skip: 'skipped',
          date: 'date_changed',
          pause: 'paused',
          resume: 'resumed',
          quantity: 'quantity_changed',
          swap: 'product_swapped',
          address: 'address_changed',
          cancel: 'cancelled',
        }[action];
        return reply
          .status(303)
          .header('location', `/s/${token}?lang=${opened.locale}&done=${done}`)
          .send('');
      },
    );
  };
}
