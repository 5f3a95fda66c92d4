// The central OMS HTTP application: Fastify with zod route schemas (validation, serialization and
// OpenAPI from one source), one error shape, channel-key/admin access, and the domain routes.
import Fastify from 'fastify';
import type { FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { createAccessResolver } from './access/access';
import { connectorRoutes } from './connectors/connector-routes';
import type { ServerConfig } from './config';
import type { Database } from './db/schema';
import { healthRoutes } from './health/health-routes';
import { replenishmentRoutes } from './notifications/alerts/replenishment-routes';
import { webhookRoutes } from './notifications/webhooks/webhook-routes';
import { installErrorHandler } from './http/error-handler';
import { registerOpenApi } from './http/openapi';
import { productRoutes } from './catalog/product-routes';
import { OrderIntake } from './orders/intake-queue';
import { orderRoutes } from './orders/order-routes';
import { refundLedgerRoutes } from './payments/refund-ledger';
import { returnAnalyticsRoutes } from './returns/analytics-routes';
import { installReturnsRuntime } from './returns/returns-runtime';
import { rmaRoutes } from './returns/rma-routes';
import { DEMO_SHIPPING_SERVICES } from './shipping/demo-rates';
import type { ShippingService } from './shipping/rate-table';
import { warehouseRoutes } from './warehouses/warehouse-routes';
import type { Clock } from './subscriptions/clock';
import type { RecurringProviders } from './payments/recurring-provider';
import { recurringChargeRoutes } from './payments/recurring-charges';
import { planRoutes } from './subscriptions/plan-routes';
import { selfServiceRoutes } from './subscriptions/self-service-routes';
import { subscriptionDemandRoutes } from './subscriptions/subscription-demand';
import { subscriptionReportRoutes } from './subscriptions/subscription-report-routes';
import { subscriptionRoutes } from './subscriptions/subscription-routes';
import { renewalContextFor } from './subscriptions/subscriptions-runtime';
import type { Listen } from './db/connect';
import { stationAuth } from './stations/station-auth';
import { stationRoutes } from './stations/station-routes';
import { SyncHub } from './sync/sync-hub';
import { syncRoutes } from './sync/sync-routes';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppDependencies {
  db: Kysely<Database>;
  /** LISTEN on the database, for live changes to stations across API instances. */
  listen: Listen;
  /** The carriers' services and rate tables; the demo catalogue by default. */
  shippingServices?: readonly ShippingService[];
  logger?: FastifyServerOptions['logger'];
  /** What subscriptions read as now (tests move it); the system clock by default. */
  clock?: Clock;
  /** Renewal payment providers; from the configuration (ledger, Mollie) by default. */
  recurringProviders?: RecurringProviders;
}

export async function createApp(config: ServerConfig, deps: AppDependencies) {
  const app = Fastify({
    logger: deps.logger ?? { level: process.env.LOG_LEVEL ?? 'info' },
    bodyLimit: BODY_LIMIT_BYTES,
    // While shutting down, new requests get 503 and in-flight ones finish.
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.decorateRequest('principal', null);
  app.decorate('resolvePrincipal', createAccessResolver(deps.db, config.adminToken));

  await registerOpenApi(app);
  const intake = new OrderIntake(deps.db, {
    shippingServices: deps.shippingServices ?? DEMO_SHIPPING_SERVICES,
    maxExtraKmForSingleWarehouse: config.maxExtraKmForSingleWarehouse,
  });
  await app.register(healthRoutes);
  await app.register(orderRoutes(deps.db, intake));
  await app.register(connectorRoutes(deps.db, intake));
  await app.register(warehouseRoutes(deps.db));
  await app.register(productRoutes(deps.db));
  await app.register(webhookRoutes(deps.db));
  await app.register(replenishmentRoutes(deps.db));
  installReturnsRuntime(config.returns);
  await app.register(rmaRoutes(deps.db));
  await app.register(refundLedgerRoutes(deps.db));
  await app.register(returnAnalyticsRoutes(deps.db));
  const renewals = renewalContextFor(config, {
    db: deps.db,
    clock: deps.clock,
    providers: deps.recurringProviders,
    shippingServices: deps.shippingServices,
  });
  await app.register(planRoutes(deps.db));
  await app.register(subscriptionDemandRoutes(renewals));
  await app.register(subscriptionReportRoutes(renewals));
  await app.register(subscriptionRoutes(renewals));
  await app.register(recurringChargeRoutes(deps.db));
  await app.register(selfServiceRoutes(renewals));

  const stations = stationAuth(deps.db);
  const hub = new SyncHub(deps.db, (msg, err) => app.log.warn({ err }, msg));
  await hub.start(deps.listen);
  // Open station streams would keep a graceful shutdown waiting forever: end them first.
  app.addHook('preClose', async () => hub.closeAll());
  app.addHook('onClose', async () => hub.stop());
  await app.register(stationRoutes(deps.db, stations, config.numbering));
  await app.register(syncRoutes(deps.db, stations, hub));
  return app;
}
