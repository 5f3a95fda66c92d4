// A real second instance (its own process, on the same PostgreSQL database) killed with SIGKILL in
// the middle of a renewal charge: Mollie receives the payment after the process is gone. Another
// instance racing it charges nothing while the dead one's lease holds, then takes the renewal over
// and finds the payment by looking it up, so the customer is charged once and the order ships.
// PostgreSQL only: an embedded PGlite database belongs to one process.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { chargeDueBatch } from '../../src-server/subscriptions/renewal-charge';
import { prepareDueBatch } from '../../src-server/subscriptions/renewal-prepare';
import { waitUntil } from './notifications-support';
import {
  createPlan,
  createSubscription,
  MOLLIE_KEY,
  renewalOrders,
  renewalsOf,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const WORKER = fileURLToPath(new URL('../support/renewal-worker.ts', import.meta.url));
const MANDATE = { provider: 'mollie', customerId: 'cst_crash1234', mandateId: 'mdt_crash1234' };
const LEASE_MS = 1500;

/** The second instance, as its own node process (tsx as a loader, so SIGKILL ends it). */
function startWorker(world: SubscriptionWorld, batchSize = 64) {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...process.env,
      DATABASE_URL: world.databaseUrl,
      MOLLIE_API_URL: world.mollie.url,
      MOLLIE_API_KEY: MOLLIE_KEY,
      RENEWAL_DAY: world.clock.today(),
      SUBSCRIPTION_LEASE_MS: String(LEASE_MS),
      SUBSCRIPTION_POLL_MS: '50',
      SUBSCRIPTION_BATCH_SIZE: String(batchSize),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

async function kill(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('a renewal instance killed mid-charge (PostgreSQL)', () => {
  let world: SubscriptionWorld | undefined;
  let worker: ReturnType<typeof startWorker> | undefined;
  afterEach(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await world?.close();
  });

  it('is charged once and its order released, by the instance that survives', async () => {
    world = await startSubscriptionWorld('postgres', 'renew_sigkill', {
      env: { SUBSCRIPTION_LEASE_MS: String(LEASE_MS) },
    });
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code, { payment: MANDATE });
    world.mollie.mandates.set(MANDATE.mandateId, { customerId: MANDATE.customerId, outcomes: [] });
    world.clock.setDay('2026-03-09');
    expect((await prepareDueBatch(world.context())).placed).toBe(1);
    // Mollie holds its answer: the worker is caught between asking and recording.
    world.mollie.delayMs = 3000;

    worker = startWorker(world);
    await waitUntil(
      () => world!.mollie.recurringRequests >= 1,
      30_000,
      `the worker's charge (${worker.output()})`,
    );

    // The survivor races it while the charge is in flight: the lease keeps it off.
    expect((await chargeDueBatch(world.context())).claimed).toBe(0);
    await kill(worker);
    // Mollie finishes the payment the dead process asked for; its answer goes nowhere.
    await waitUntil(() => world!.mollie.recurring.length === 1, 10_000, 'the payment at Mollie');
    world.mollie.delayMs = 0;
    world.mollie.forgetIdempotencyKeys();
    const stranded = (await renewalsOf(world.db, sub.id))[0]!;
    expect(stranded.status).toBe('awaiting_payment');
    const open = await world.db.selectFrom('recurring_charges').selectAll().execute();
    expect(open).toEqual([expect.objectContaining({ attempt: 1, status: 'sending' })]);

    // Once the dead instance's lease ends, the survivor takes the renewal over.
    let taken = { claimed: 0, paid: 0 };
    await waitUntil(
      async () => {
        taken = await chargeDueBatch(world!.context());
        return taken.claimed > 0;
      },
      10_000,
      'the lease to end',
    );
    expect(taken).toMatchObject({ claimed: 1, paid: 1 });
    expect(world.mollie.recurring).toHaveLength(1);
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({ status: 'completed' });
    const [order] = await renewalOrders(world.db, sub.reference);
    expect(order!.status).not.toMatch(/on_hold|cancelled/);
    const charges = await world.db.selectFrom('recurring_charges').selectAll().execute();
    expect(charges).toEqual([
      expect.objectContaining({ attempt: 1, status: 'paid', provider_reference: 'tr_rec1' }),
    ]);
  }, 90_000);

  it('killed while placing a batch of renewals: every cycle is placed once, by it or by the survivor', async () => {
    world = await startSubscriptionWorld('postgres', 'renew_sigkill_place', {
      stock: { 'SKU-1': { 'NL-TIL': 10_000 } },
      env: { SUBSCRIPTION_LEASE_MS: String(LEASE_MS) },
    });
    const plan = await createPlan(world);
    const subs = [];
    for (let i = 0; i < 40; i++) subs.push(await createSubscription(world, plan.code));
    world.clock.setDay('2026-03-09');
    worker = startWorker(world, 3);
    const placed = () =>
      world!.db
        .selectFrom('subscription_renewals')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    await waitUntil(async () => (await placed()) >= 6, 30_000, `placements (${worker.output()})`);
    const survivor = world.scheduler();
    // Racing it for a moment, then it dies wherever it is.
    await Promise.all([survivor.runOnce(), kill(worker)]);
    for (let i = 0; i < 10; i++) await survivor.runOnce();
    for (const sub of subs) {
      const orders = await renewalOrders(world.db, sub.reference);
      expect(orders.map((o) => o.channel_order_ref)).toEqual([`${sub.reference}-1`]);
      expect((await renewalsOf(world.db, sub.id)).map((r) => r.status)).toEqual(['completed']);
    }
    const charges = await world.db.selectFrom('recurring_charges').select('id').execute();
    expect(charges).toHaveLength(40);
  }, 90_000);
});
