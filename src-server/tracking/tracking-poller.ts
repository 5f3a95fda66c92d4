// Polls the carriers that do not push (PostNL) for shipments not yet delivered or returned. Each
// poll claims a batch (FOR UPDATE SKIP LOCKED, stamping tracking_polled_at) so instances never ask
// for the same shipment at once, and asks outside that transaction. A carrier failure is logged
// and the shipment asked again after the usual pause; nothing is half-written.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { postnlCredentialsSchema } from '../../shared/carriers/carrier-credentials';
import type { CarrierSecrets } from '../carriers/carrier-secrets';
import type { Database } from '../db/schema';
import { fetchPostnlStatus } from './postnl-status';
import type { TrackingConfig } from './tracking-config';
import { recordTrackingEvent } from './tracking-events';
import type { TrackingOutcome } from './tracking-events';

export interface TrackingPollOutcome {
  asked: number;
  recorded: number;
  failed: { trackingNumber: string; message: string }[];
}

export interface TrackingPollDeps {
  db: Kysely<Database>;
  secrets: CarrierSecrets;
  config: TrackingConfig;
  trackingUrlTemplate: string;
}

/** The carriers polled here; the others push (Sendcloud, the signed endpoint). */
export const POLLED_CARRIERS = ['postnl'] as const;

export async function pollTracking(
  deps: TrackingPollDeps,
  now: Date = new Date(),
): Promise<TrackingPollOutcome> {
  const { db, config } = deps;
  const askedBefore = new Date(now.getTime() - config.pollMinAgeMs);
  const claimed = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; warehouseCode: string }>`
      select s.id, f.warehouse_code as "warehouseCode"
      from shipments s join fulfillment_orders f on f.id = s.fulfillment_id
      where s.status = 'accepted' and s.carrier in (${sql.join([...POLLED_CARRIERS])})
        and (s.tracking_state is null or s.tracking_state not in ('delivered', 'returned_to_sender'))
        and (s.tracking_polled_at is null or s.tracking_polled_at <= ${askedBefore.toISOString()}::timestamptz)
      order by s.tracking_polled_at nulls first, s.id
      limit ${config.pollBatchSize}
      for update of s skip locked`.execute(trx);
    if (rows.length === 0) return [];
    await trx
      .updateTable('shipments')
      .set({ tracking_polled_at: now })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows;
  });
  const outcome: TrackingPollOutcome = { asked: 0, recorded: 0, failed: [] };
  if (claimed.length === 0) return outcome;
  const cartons = await db
    .selectFrom('cartons')
    .select(['shipment_id', 'tracking_number'])
    .where(
      'shipment_id',
      'in',
      claimed.map((c) => c.id),
    )
    .where('tracking_number', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('tracking_state', 'is', null),
        eb('tracking_state', 'not in', ['delivered', 'returned_to_sender']),
      ]),
    )
    .execute();
  const clients = new Map<string, Awaited<ReturnType<typeof postnlClient>>>();
  for (const shipment of claimed) {
    if (!clients.has(shipment.warehouseCode))
      clients.set(shipment.warehouseCode, await postnlClient(deps, shipment.warehouseCode));
    const client = clients.get(shipment.warehouseCode);
    for (const carton of cartons.filter((c) => c.shipment_id === shipment.id)) {
      const trackingNumber = carton.tracking_number!;
      if (!client) {
        outcome.failed.push({
          trackingNumber,
          message: `No PostNL credentials for warehouse ${shipment.warehouseCode}`,
        });
        continue;
      }
      outcome.asked += 1;
      try {
        const event = await fetchPostnlStatus(client, trackingNumber);
        const result: TrackingOutcome = await recordTrackingEvent(
          db,
          'postnl-poll',
          event,
          deps.trackingUrlTemplate,
        );
        if (result === 'recorded') outcome.recorded += 1;
      } catch (error) {
        outcome.failed.push({ trackingNumber, message: (error as Error).message });
      }
    }
  }
  return outcome;
}

async function postnlClient(deps: TrackingPollDeps, warehouseCode: string) {
  const row = await deps.db
    .selectFrom('carrier_credentials')
    .select('sealed')
    .where('warehouse_code', '=', warehouseCode)
    .where('carrier', '=', 'postnl')
    .executeTakeFirst();
  if (!row?.sealed) return undefined;
  const credentials = postnlCredentialsSchema.parse(
    JSON.parse(deps.secrets.open(row.sealed, `${warehouseCode}/postnl`)),
  );
  return {
    baseUrl: credentials.baseUrl,
    apiKey: credentials.apiKey,
    timeoutMs: credentials.timeoutMs,
  };
}

export interface TrackingPollerLog {
  warn(detail: object, message: string): void;
}

/** Polls every `pollIntervalMs` (none when 0); stop() waits for a running poll. */
export function startTrackingPoller(deps: TrackingPollDeps, log?: TrackingPollerLog) {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = pollTracking(deps)
      .then((outcome) => {
        if (outcome.failed.length > 0)
          log?.warn({ failed: outcome.failed.slice(0, 10) }, 'tracking poll: carriers failed');
      })
      .catch((err: unknown) => log?.warn({ err }, 'tracking poll failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer =
    deps.config.pollIntervalMs > 0 ? setInterval(tick, deps.config.pollIntervalMs) : undefined;
  timer?.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
