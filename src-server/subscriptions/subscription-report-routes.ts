// The subscription reports as JSON for staff (the back office draws them later).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptedDate } from '../../shared/validation/timestamps';
import { allow } from '../access/route-rules';
import { ApiError } from '../http/api-error';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { addDays } from './subscription-calendar';
import { monthlyRecurringRevenue, renewalRates, weeklyReport } from './subscription-reports';

const by = z.enum(['none', 'plan', 'channel']).default('none');

/** Recurring revenue and churn: finance and the admin. */
const reportReaders = allow('admin', 'finance', 'admin_token');

export function subscriptionReportRoutes(ctx: RenewalContext) {
  const { db } = ctx;
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/subscription-reports/weekly', {
      config: { access: reportReaders },
      schema: {
        tags: ['subscriptions'],
        summary:
          'Per ISO week: subscribed at week end, new, churned (cancelled or ended) and paused',
        security: adminSecurity,
        querystring: z.object({
          weeks: z.coerce.number().int().min(1).max(104).default(12),
          by,
          to: acceptedDate().optional(),
        }),
        response: {
          200: z.object({
            weeks: z.array(
              z.object({
                weekStart: z.string(),
                group: z.string(),
                subscribed: z.number().int(),
                new: z.number().int(),
                churned: z.number().int(),
                paused: z.number().int(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => ({
        weeks: await weeklyReport(db, {
          lastDay: request.query.to ?? todayOf(ctx),
          weeks: request.query.weeks,
          by: request.query.by,
        }),
      }),
    });

    app.get('/v1/subscription-reports/mrr', {
      config: { access: reportReaders },
      schema: {
        tags: ['subscriptions'],
        summary: 'Monthly recurring revenue of the active subscriptions, per currency',
        security: adminSecurity,
        querystring: z.object({ by }),
        response: {
          200: z.object({
            mrr: z.array(
              z.object({
                currency: z.string(),
                group: z.string(),
                activeSubscriptions: z.number().int(),
                mrrMinor: z.number().int(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => ({ mrr: await monthlyRecurringRevenue(db, request.query.by) }),
    });

    app.get('/v1/subscription-reports/renewals', {
      config: { access: reportReaders },
      schema: {
        tags: ['subscriptions'],
        summary: 'Renewal success rate and dunning recovery rate, by renewal date in [from, to]',
        security: adminSecurity,
        querystring: z.object({
          from: acceptedDate().optional(),
          to: acceptedDate().optional(),
          by,
        }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            renewals: z.array(
              z.object({
                group: z.string(),
                decided: z.number().int(),
                completed: z.number().int(),
                unpaid: z.number().int(),
                missedForStock: z.number().int(),
                inProgress: z.number().int(),
                successRate: z.number().nullable(),
                enteredDunning: z.number().int(),
                recovered: z.number().int(),
                dunningRecoveryRate: z.number().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const to = request.query.to ?? todayOf(ctx);
        const from = request.query.from ?? addDays(to, -89);
        if (from > to)
          throw new ApiError(400, 'invalid_range', '`from` must not be after `to`.', 'from');
        return { from, to, renewals: await renewalRates(db, { from, to, by: request.query.by }) };
      },
    });
  };
}
