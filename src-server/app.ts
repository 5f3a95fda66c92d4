// The central OMS HTTP application: Fastify with zod route schemas (validation, serialization and
// OpenAPI from one source), one error shape, one access check for every route (people, channel
// keys, station tokens, the admin token), the domain routes and the back office at `/`.
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { ChannelKeyCache, credentialResolver } from './access/credentials';
import { channelRoutes } from './channels/channel-routes';
import { installRouteAccess } from './access/route-access';
import { auditRoutes } from './audit/audit-routes';
import { b2bRoutes } from './b2b/b2b-routes';
import { invoiceRoutes } from './b2b/invoices/invoice-routes';
import { bankPaymentRoutes } from './b2b/payments/bank-payment-routes';
import { startQuoteExpiry } from './b2b/quotes/quote-expiry';
import { quoteLinkPages } from './b2b/quotes/quote-link-page';
import { startQuoteReminders } from './b2b/quotes/quote-reminders';
import { backofficeFiles } from './backoffice/backoffice-files';
import { connectorRoutes } from './connectors/connector-routes';
import type { ServerConfig } from './config';
import type { Database } from './db/schema';
import { forecastRoutes } from './forecasting/forecast-routes';
import { healthRoutes } from './health/health-routes';
import { replenishmentRoutes } from './notifications/alerts/replenishment-routes';
import { createMailer, mailDirFor } from './notifications/email/mailer';
import type { Mailer } from './notifications/email/mailer';
import { webhookRoutes } from './notifications/webhooks/webhook-routes';
import { sessionRoutes } from './people/session-routes';
import { userRoutes } from './people/user-routes';
import { frameworkErrors, installErrorHandler } from './http/error-handler';
import { registerOpenApi } from './http/openapi';
import { productRoutes } from './catalog/product-routes';
import { MAX_BATCH, OrderIntake } from './orders/intake-queue';
import { orderShipmentRoutes } from './orders/order-shipments';
import { primaryReads } from './db/read-replica';
import { startReservationArchive } from './inventory/reservation-archive';
import type { BackOfficeReads } from './db/read-replica';
import { orderRoutes } from './orders/order-routes';
import { cancelLinesRoutes } from './orders/cancel-lines-route';
import { resendEmailRoutes } from './orders/resend-email-route';
import { refundLedgerRoutes } from './payments/refund-ledger';
import { purchasingRoutes } from './replenishment/replenishment-routes';
import { inventoryRoutes } from './inventory/inventory-routes';
import { reportRoutes } from './reports/report-routes';
import { returnAnalyticsRoutes } from './returns/analytics-routes';
import { startRmaExpiry } from './returns/rma-expiry';
import { installReturnsRuntime } from './returns/returns-runtime';
import { rmaRoutes } from './returns/rma-routes';
import { DEMO_SHIPPING_SERVICES } from './shipping/demo-rates';
import type { ShippingService } from './shipping/rate-table';
import { heldWorkRoutes } from './warehouses/held-work-routes';
import { warehouseCalendarRoutes } from './warehouses/warehouse-calendar-routes';
import { warehouseRoutes } from './warehouses/warehouse-routes';
import type { Clock } from './subscriptions/clock';
import type { RecurringProviders } from './payments/recurring-provider';
import { recurringChargeRoutes } from './payments/recurring-charges';
import { planRoutes } from './subscriptions/plan-routes';
import { selfServiceRoutes } from './subscriptions/self-service-routes';
import { subscriptionDemandRoutes } from './subscriptions/subscription-demand';
import { subscriptionReportRoutes } from './subscriptions/subscription-report-routes';
import { signupLookupRoutes } from './subscriptions/signup-lookup-routes';
import { subscriptionRoutes } from './subscriptions/subscription-routes';
import { renewalContextFor } from './subscriptions/subscriptions-runtime';
import type { Listen } from './db/connect';
import { stationAuth } from './stations/station-auth';
import { stationRoutes } from './stations/station-routes';
import { carrierRoutes } from './carriers/carrier-routes';
import { CarrierSecrets } from './carriers/carrier-secrets';
import { startTrackingPoller } from './tracking/tracking-poller';
import { trackingRoutes } from './tracking/tracking-routes';
import { SyncHub } from './sync/sync-hub';
import { syncRoutes } from './sync/sync-routes';
import { startWorkHoldSweeper } from './sync/held-work';
import { exchangeRateRoutes } from './currencies/exchange-rate-routes';
import { ecbRateSource } from './currencies/rate-source';
import { viesRoutes } from './tax/vies-routes';

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
  /** Where back-office searches and reports read (a replica); the primary when absent. */
  backOfficeReads?: BackOfficeReads;
  /** A logger made before the app (main.ts shares it with the database layer); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger;
  /** Sends password reset e-mails; by default SMTP_URL's server, or .eml files. */
  mailer?: Mailer;
}

/** How often each instance moves released reservations to the archive. */
const RESERVATION_ARCHIVE_SWEEP_MS = 60_000;
/** How often each instance expires quotes past their validity. */
const QUOTE_EXPIRY_SWEEP_MS = 60_000;

export async function createApp(config: ServerConfig, deps: AppDependencies) {
  const app = Fastify({
    ...(deps.loggerInstance
      ? { loggerInstance: deps.loggerInstance }
      : { logger: deps.logger ?? { level: process.env.LOG_LEVEL ?? 'info' } }),
    bodyLimit: BODY_LIMIT_BYTES,
    // While shutting down, new requests get 503 and in-flight ones finish.
    return503OnClosing: true,
    frameworkErrors,
    // Behind a reverse proxy: the client's IP (sign-in throttling) and HTTPS (Secure cookies).
    trustProxy: config.people.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(cookie);
  // Before any route: every route must declare its access rule (route-rules.ts).
  const stations = stationAuth(deps.db);
  const channelKeys = new ChannelKeyCache();
  installRouteAccess(app, {
    resolve: credentialResolver(deps.db, config.adminToken, stations, config.people, channelKeys),
    adminTokenScope: config.people.adminTokenScope,
  });

  await registerOpenApi(app);
  const reads = deps.backOfficeReads ?? primaryReads(deps.db);
  const intake = new OrderIntake(
    deps.db,
    {
      shippingServices: deps.shippingServices ?? DEMO_SHIPPING_SERVICES,
      maxExtraKmForSingleWarehouse: config.maxExtraKmForSingleWarehouse,
      vat: config.vat,
      currencies: config.currencies,
    },
    MAX_BATCH,
    config.intakeBatchesInFlight,
  );
  await app.register(healthRoutes(deps.db, reads));
  await app.register(orderRoutes(deps.db, intake, reads));
  await app.register(cancelLinesRoutes(deps.db));
  await app.register(resendEmailRoutes(deps.db));
  await app.register(orderShipmentRoutes(deps.db, config.notifications.trackingUrlTemplate));
  await app.register(connectorRoutes(deps.db, intake));
  await app.register(warehouseRoutes(deps.db));
  await app.register(warehouseCalendarRoutes(deps.db));
  await app.register(heldWorkRoutes(deps.db, config.workHolds));
  await app.register(productRoutes(deps.db));
  await app.register(webhookRoutes(deps.db));
  await app.register(replenishmentRoutes(deps.db));
  installReturnsRuntime(config.returns);
  await app.register(rmaRoutes(deps.db));
  // Every instance sweeps; SKIP LOCKED keeps two from expiring one RMA, and receipts check expiry themselves.
  const expiry = startRmaExpiry(deps.db, config.returns.expirySweepMs, (msg, err) =>
    app.log.warn({ err }, msg),
  );
  app.addHook('onClose', async () => expiry.stop());
  const archive = startReservationArchive(deps.db, RESERVATION_ARCHIVE_SWEEP_MS, (msg, err) =>
    app.log.warn({ err }, msg),
  );
  app.addHook('onClose', async () => archive.stop());
  await app.register(
    b2bRoutes(deps.db, intake, config.vat, config.seller, config.subscriptions.links),
  );
  await app.register(invoiceRoutes(deps.db, config.seller));
  await app.register(bankPaymentRoutes(deps.db));
  await app.register(quoteLinkPages(deps.db, intake, config.vat, config.subscriptions.links));
  const quoteExpiry = startQuoteExpiry(deps.db, QUOTE_EXPIRY_SWEEP_MS, (msg, err) =>
    app.log.warn({ err }, msg),
  );
  app.addHook('onClose', async () => quoteExpiry.stop());
  const quoteReminders = startQuoteReminders(deps.db, QUOTE_EXPIRY_SWEEP_MS, (msg, err) =>
    app.log.warn({ err }, msg),
  );
  app.addHook('onClose', async () => quoteReminders.stop());
  await app.register(refundLedgerRoutes(reads));
  await app.register(returnAnalyticsRoutes(reads));
  await app.register(reportRoutes(reads, config.currencies));
  await app.register(viesRoutes(deps.db, config.vies));
  await app.register(
    exchangeRateRoutes(
      deps.db,
      config.currencies,
      config.currencies.ratesUrl === null ? null : ecbRateSource(config.currencies.ratesUrl),
    ),
  );
  await app.register(forecastRoutes(deps.db));
  await app.register(purchasingRoutes(deps.db));
  await app.register(inventoryRoutes(deps.db));
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
  await app.register(signupLookupRoutes(deps.db));
  await app.register(recurringChargeRoutes(deps.db));
  await app.register(selfServiceRoutes(renewals));

  const hub = new SyncHub(deps.db, (msg, err) => app.log.warn({ err }, msg));
  await hub.start(deps.listen);
  // Open station streams would keep a graceful shutdown waiting forever: end them first.
  app.addHook('preClose', async () => hub.closeAll());
  app.addHook('onClose', async () => hub.stop());
  await app.register(stationRoutes(deps.db, stations, config.numbering));
  await app.register(syncRoutes(deps.db, hub));
  const services = deps.shippingServices ?? DEMO_SHIPPING_SERVICES;
  const carrierSecrets = CarrierSecrets.fromSetting(config.carrierSecretKey, config.adminToken);
  await app.register(
    carrierRoutes(
      deps.db,
      carrierSecrets,
      services.map((service) => service.carrier),
    ),
  );
  const trackingDeps = {
    db: deps.db,
    secrets: carrierSecrets,
    config: config.tracking,
    trackingUrlTemplate: config.notifications.trackingUrlTemplate,
  };
  await app.register(
    trackingRoutes(deps.db, carrierSecrets, config.tracking, trackingDeps.trackingUrlTemplate),
  );
  const trackingPoller = startTrackingPoller(trackingDeps, app.log);
  app.addHook('onClose', async () => trackingPoller.stop());
  const stopSweeper = startWorkHoldSweeper(deps.db, config.workHolds, (msg, err) =>
    app.log.warn({ err }, msg),
  );
  app.addHook('onClose', async () => stopSweeper());

  const mailer =
    deps.mailer ??
    createMailer({
      smtpUrl: config.notifications.smtpUrl,
      from: config.notifications.mailFrom,
      mailDir: mailDirFor(config.dataDir),
    });
  if (!deps.mailer) app.addHook('onClose', async () => mailer.close());
  const brand = {
    retailerName: config.notifications.retailerName,
    logoUrl: config.notifications.retailerLogoUrl,
  };
  await app.register(sessionRoutes(deps.db, config.people, { mailer, brand }));
  await app.register(userRoutes(deps.db));
  await app.register(auditRoutes(deps.db));
  await app.register(channelRoutes(deps.db, channelKeys));
  await app.register(backofficeFiles(config.backofficeDir));
  return app;
}
