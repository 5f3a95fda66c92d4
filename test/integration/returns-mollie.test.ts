// The Mollie refund adapter against a local server speaking Mollie's API shape, and the whole
// refund path through it: idempotency key honoured, a refused refund left retryable.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src-server/app';
import { loadServerConfig } from '../../src-server/config';
import { mollieProvider } from '../../src-server/payments/mollie-provider';
import { PaymentProviderError } from '../../src-server/payments/payment-provider';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, openTestDatabase } from '../support/server-harness';
import { enrolTestStation, type EnrolledTestStation } from '../support/sync-fixtures';
import { createRma, makeItem, makeReceipt, pushReceipt, shipOrder } from './returns-helpers';
import { startFakeMollie, type FakeMollie } from './returns-mollie-server';

const API_KEY = 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM';

describe('Mollie refund adapter', () => {
  let mollie: FakeMollie;
  beforeAll(async () => {
    mollie = await startFakeMollie(API_KEY);
  });
  afterAll(() => mollie.close());

  const request = (over = {}) => ({
    idempotencyKey: `refund:${randomUUID()}`,
    orderId: 'o-1',
    paymentReference: 'tr_adapter',
    amountMinor: 1250,
    currency: 'EUR',
    description: 'Refund for return R-2025-00001',
    ...over,
  });

  it('sends the amount as a decimal string and gets the same refund back for a repeated idempotency key', async () => {
    mollie.payments.set('tr_adapter', 10_000);
    const provider = mollieProvider({ apiKey: API_KEY, apiUrl: mollie.url });
    const once = request();
    const first = await provider.issueRefund(once);
    const again = await provider.issueRefund(once);
    expect(first).toEqual({ reference: expect.stringMatching(/^re_/), providerStatus: 'pending' });
    expect(again.reference).toBe(first.reference);
    expect(mollie.refunds.filter((r) => r.idempotencyKey === once.idempotencyKey)).toEqual([
      expect.objectContaining({ value: '12.50', currency: 'EUR', paymentId: 'tr_adapter' }),
    ]);
  });

  it("reports Mollie's refusal with its detail, not retryable, and an unreachable Mollie as retryable", async () => {
    const provider = mollieProvider({ apiKey: API_KEY, apiUrl: mollie.url });
    const refused = await provider
      .issueRefund(request({ paymentReference: 'tr_unknown' }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PaymentProviderError);
    expect(refused).toMatchObject({
      retryable: false,
      message: expect.stringContaining('No payment exists with token tr_unknown'),
    });
    const down = await mollieProvider({ apiKey: API_KEY, apiUrl: 'http://127.0.0.1:9/v2' })
      .issueRefund(request())
      .catch((e: unknown) => e);
    expect(down).toMatchObject({
      retryable: true,
      message: expect.stringContaining('could not be reached'),
    });
  });
});

describe.each(BACKENDS)('refunds through Mollie on %s', (backend) => {
  let mollie: FakeMollie;
  let close: () => Promise<void>;
  let app: Awaited<ReturnType<typeof createApp>>;
  let db: Awaited<ReturnType<typeof openTestDatabase>>['db'];
  let station: EnrolledTestStation;

  beforeAll(async () => {
    mollie = await startFakeMollie(API_KEY);
    const handle = await openTestDatabase(backend, 'mollie');
    db = handle.db;
    const config = {
      ...loadServerConfig({
        ADMIN_TOKEN,
        ADMIN_TOKEN_SCOPE: 'system',
        PAYMENT_PROVIDER: 'mollie',
        MOLLIE_API_KEY: API_KEY,
        MOLLIE_API_URL: mollie.url,
      }),
      databaseUrl: undefined,
    };
    app = await createApp(config, { db, listen: handle.listen, logger: false });
    await app.ready();
    close = async () => {
      await app.close();
      await handle.close();
      await mollie.close();
    };
    await seedChannels(db);
    await seedCatalog(db, { 'SKU-1': { 'NL-TIL': 20 } });
    station = await enrolTestStation(app, 'NL-TIL');
  });
  afterAll(() => close());

  it('refunds the original payment once through Mollie, keyed by parcel', async () => {
    const order = await shipOrder(app, station, { 'SKU-1': 1 });
    await db
      .insertInto('order_payments')
      .values({ order_id: order.orderId, provider: 'mollie', payment_reference: 'tr_paid' })
      .execute();
    mollie.payments.set('tr_paid', 1495);
    const rma = (await createRma(app, order, { 'SKU-1': 1 }, { reason: 'changed_mind' })).json();
    const receipt = makeReceipt(station, rma.id, [makeItem('SKU-1')]);
    expect((await pushReceipt(app, station, receipt)).json()[0]).toMatchObject({
      status: 'accepted',
      refundMinor: 1000,
    });
    const view = (
      await app.inject({ method: 'GET', url: `/v1/rmas/${rma.id}`, headers: bearer(ADMIN_TOKEN) })
    ).json();
    expect(view).toMatchObject({
      status: 'refunded',
      refunds: [
        {
          receiptId: receipt.id,
          provider: 'mollie',
          status: 'issued',
          providerReference: expect.stringMatching(/^re_/),
        },
      ],
    });
    expect(mollie.refunds.filter((r) => r.paymentId === 'tr_paid')).toEqual([
      expect.objectContaining({ value: '10.00', idempotencyKey: `refund:receipt:${receipt.id}` }),
    ]);
  });

  it('keeps a refund Mollie refused as failed with the reason, the RMA inspected, and issues it on retry', async () => {
    const order = await shipOrder(app, station, { 'SKU-1': 1 });
    const rma = (await createRma(app, order, { 'SKU-1': 1 }, { reason: 'changed_mind' })).json();
    const receipt = makeReceipt(station, rma.id, [makeItem('SKU-1')]);
    expect((await pushReceipt(app, station, receipt)).json()[0]).toMatchObject({
      status: 'accepted',
    });
    const failed = (
      await app.inject({ method: 'GET', url: `/v1/rmas/${rma.id}`, headers: bearer(ADMIN_TOKEN) })
    ).json();
    expect(failed).toMatchObject({
      status: 'inspected',
      refunds: [{ status: 'failed', lastError: expect.stringContaining('no Mollie payment id') }],
    });
    expect(
      await db
        .selectFrom('outbox_events')
        .select('id')
        .where('type', '=', 'refund.issued')
        .where('aggregate_id', '=', order.orderId)
        .execute(),
    ).toEqual([]);

    await db
      .insertInto('order_payments')
      .values({ order_id: order.orderId, provider: 'mollie', payment_reference: 'tr_late' })
      .execute();
    mollie.payments.set('tr_late', 1495);
    const retried = await app.inject({
      method: 'POST',
      url: `/v1/rmas/${rma.id}/refund`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(retried.json()).toMatchObject({
      status: 'refunded',
      refunds: [{ status: 'issued', lastError: null }],
    });
    const again = await app.inject({
      method: 'POST',
      url: `/v1/rmas/${rma.id}/refund`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(again.statusCode).toBe(409);
    expect(mollie.refunds.filter((r) => r.paymentId === 'tr_late')).toHaveLength(1);
  });
});
