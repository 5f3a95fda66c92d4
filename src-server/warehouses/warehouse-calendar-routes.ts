// A warehouse's working calendar over HTTP: its time zone, daily cut-off and holiday region, with
// what they mean right now (the local time, the ship date of work released now, the next public
// holidays). Sourcing reads the same columns (src-server/shipping/warehouse-calendar.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allow, warehouseInParams } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import { rowSnapshot } from '../audit/snapshots';
import type { Database } from '../db/schema';
import { warehouseOrThrow } from './warehouse-lookup';
import { ApiError, notFound } from '../http/api-error';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import {
  CUTOFF_TIME,
  holidayRegionsOf,
  isTimeZone,
  localDateTime,
  shipDateFor,
  upcomingHolidays,
  type WarehouseCalendar,
} from '../shipping/warehouse-calendar';

const calendarSchema = z.object({
  code: z.string(),
  country: z.string(),
  timeZone: z.string(),
  cutoffTime: z.string(),
  holidayRegion: z.string().nullable(),
  /** The subdivisions of the country with holidays of their own, code → name. */
  holidayRegions: z.record(z.string(), z.string()),
  /** The warehouse's wall clock now, YYYY-MM-DDTHH:MM. */
  localNow: z.string(),
  /** The day work released now leaves the warehouse. */
  shipDateNow: z.string(),
  upcomingHolidays: z.array(z.object({ date: z.string(), name: z.string() })),
});

const params = z.object({ code: z.string().min(1).max(64) });
const LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;

export function warehouseCalendarRoutes(db: Kysely<Database>) {
  const read = async (code: string, language: string, now = new Date()) => {
    const row = await db
      .selectFrom('warehouses')
      .select(['code', 'country', 'time_zone', 'cutoff_time', 'holiday_region'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) throw notFound(`Warehouse ${code}`);
    const calendar: WarehouseCalendar = {
      timeZone: row.time_zone,
      cutoffTime: row.cutoff_time,
      country: row.country,
      holidayRegion: row.holiday_region,
    };
    const local = localDateTime(calendar.timeZone, now);
    const hh = String(Math.floor(local.minutes / 60)).padStart(2, '0');
    const mm = String(local.minutes % 60).padStart(2, '0');
    return {
      code: row.code,
      ...calendar,
      holidayRegions: holidayRegionsOf(row.country),
      localNow: `${local.date}T${hh}:${mm}`,
      shipDateNow: shipDateFor(calendar, now),
      upcomingHolidays: upcomingHolidays(calendar, local.date, 5, language),
    };
  };

  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/v1/warehouses/:code/calendar', {
      config: {
        access: {
          ...allow('admin', 'customer_service', 'purchasing', 'warehouse_lead', 'admin_token'),
          warehouseOf: warehouseInParams(),
        },
      },
      schema: {
        tags: ['warehouses'],
        summary:
          "A warehouse's time zone, daily cut-off and holiday region, with its local time, the ship date of work released now and its next public holidays",
        params,
        querystring: z.object({ language: z.enum(LANGUAGES).default('en') }),
        response: { 200: calendarSchema, ...errorResponses },
      },
      handler: async (request) => read(request.params.code, request.query.language),
    });

    app.put('/v1/warehouses/:code/calendar', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        tags: ['warehouses'],
        summary:
          "Set a warehouse's time zone, daily cut-off (HH:MM local) and holiday region; sourcing uses them within seconds",
        security: adminSecurity,
        params,
        body: z
          .object({
            timeZone: z.string().min(1).max(64).describe('IANA time zone, e.g. Europe/Amsterdam'),
            cutoffTime: z
              .string()
              .regex(CUTOFF_TIME, 'cutoffTime must be HH:MM (00:00–23:59)')
              .describe(
                'Local time of day; work released at or after it ships the next business day',
              ),
            holidayRegion: z.string().min(1).max(16).nullable().default(null),
          })
          .strict(),
        response: { 200: calendarSchema, ...errorResponses },
      },
      handler: async (request) => {
        const { code } = request.params;
        const { timeZone, cutoffTime, holidayRegion } = request.body;
        const warehouse = await warehouseOrThrow(db, code);
        if (!isTimeZone(timeZone)) {
          throw new ApiError(
            400,
            'invalid_time_zone',
            `timeZone: "${timeZone}" is not an IANA time zone (e.g. Europe/Amsterdam)`,
            'timeZone',
          );
        }
        const regions = holidayRegionsOf(warehouse.country);
        if (holidayRegion !== null && !(holidayRegion in regions)) {
          const known = Object.keys(regions);
          throw new ApiError(
            400,
            'invalid_holiday_region',
            known.length === 0
              ? `holidayRegion: ${warehouse.country} has no regional holidays; send null`
              : `holidayRegion: "${holidayRegion}" is not a region of ${warehouse.country} (one of ${known.join(', ')})`,
            'holidayRegion',
          );
        }
        await auditedBy(request, db)(
          {
            objectType: 'warehouse',
            objectId: code,
            action: 'set_calendar',
            snapshot: rowSnapshot('warehouses', 'code'),
          },
          (trx) =>
            trx
              .updateTable('warehouses')
              .set({ time_zone: timeZone, cutoff_time: cutoffTime, holiday_region: holidayRegion })
              .where('code', '=', code)
              .execute(),
        );
        return read(code, 'en');
      },
    });
  };
}
