// Customer service in the back office, in Chromium against the bundled central OMS with its demo
// subscriptions and the renewal scheduler running: finds a subscriber's subscription by e-mail,
// pauses it and resumes it with a reason (kept in its history), and opens a renewal's order.
// axe finds no WCAG 2.2 AA violation on the subscription screens.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE, demoPassword } from '../../src-server/people/demo-people';
import { centralOms, E2E_ADMIN_TOKEN, type ManagedProcess } from './support/processes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SERVICE = DEMO_PEOPLE.find((p) => p.roles.includes('customer_service'))!;
const PASSWORD = demoPassword('packing-oms-demo');
// The demo's first subscriber signed up a week ago: their first renewal is placed at once.
const SUBSCRIBER = 'subscriber1@example.com';

let central: ManagedProcess;

test.beforeAll(async () => {
  central = await centralOms({
    env: { SUBSCRIPTION_SCHEDULER: 'on', SUBSCRIPTION_POLL_MS: '500' },
  });
  await central.start();
});
test.afterAll(async () => {
  await central?.stop();
});

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${central.url}${path}`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** The subscriber's subscription once the scheduler has placed its first renewal's order. */
async function renewedSubscription(): Promise<{ id: string; reference: string }> {
  const { subscriptions } = await api<{ subscriptions: { id: string; reference: string }[] }>(
    `/v1/subscriptions?q=${encodeURIComponent(SUBSCRIBER)}`,
  );
  expect(subscriptions).toHaveLength(1);
  const found = subscriptions[0]!;
  await expect
    .poll(
      async () =>
        (
          await api<{ renewals: { cycleNo: number; orderId: string | null }[] }>(
            `/v1/subscriptions/${found.id}`,
          )
        ).renewals.some((r) => r.cycleNo === 1 && r.orderId !== null),
      { timeout: 30_000 },
    )
    .toBe(true);
  return found;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${screen}`).toEqual([]);
}

async function changeWithReason(page: Page, action: string, reason: string) {
  await page.getByRole('radio', { name: action, exact: true }).check();
  await page.getByLabel('Reason', { exact: true }).fill(reason);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
}

test('customer service finds a subscription, pauses and resumes it with a reason, and opens a renewal order', async ({
  page,
}) => {
  const subscription = await renewedSubscription();

  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(SERVICE.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Subscriptions', exact: true }).click();
  const table = page.getByRole('table', { name: 'Subscriptions, newest first' });
  await expect(table.getByRole('row')).not.toHaveCount(1);

  await page.getByLabel('Customer, e-mail or reference contains', { exact: true }).fill(SUBSCRIBER);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page).toHaveURL(/q=subscriber1/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'subscriptions');
  await table.getByRole('link', { name: subscription.reference, exact: true }).click();

  await expect(
    page.getByRole('heading', { name: `Subscription ${subscription.reference}`, level: 1 }),
  ).toBeVisible();
  await expect(page.getByTestId('subscription-state')).toHaveText('Active');
  await expectAccessible(page, 'subscription page');

  await changeWithReason(page, 'Pause', 'Customer is on holiday');
  await expect(page.getByTestId('subscription-state')).toHaveText('Paused');
  await expect(page.getByRole('status')).toHaveText('The subscription is paused.');
  await expect(page.getByTestId('subscription-history')).toContainText(
    'Paused — Customer is on holiday',
  );

  await changeWithReason(page, 'Resume', 'Customer is back home');
  await expect(page.getByTestId('subscription-state')).toHaveText('Active');
  await expect(page.getByTestId('subscription-history')).toContainText(
    'Resumed — Customer is back home',
  );
  await expectAccessible(page, 'subscription page after changes');

  const renewals = page.getByRole('table', { name: 'Renewals, latest first' });
  await renewals
    .getByRole('link', { name: `Order ${subscription.reference}-1`, exact: true })
    .click();
  await expect(
    page.getByRole('heading', { name: `Order ${subscription.reference}-1`, level: 1 }),
  ).toBeVisible();
  await expect(page.getByTestId('order-status')).toBeVisible();

  await page.goBack();
  await page.getByRole('link', { name: 'Back to the subscriptions', exact: true }).click();
  await page.getByRole('link', { name: 'Subscription plans', exact: true }).click();
  const plans = page.getByRole('table', { name: 'Active plans by code' });
  await expect(plans.getByRole('row', { name: /DEMO-WEEKLY/ })).toContainText('Every week');
  await expectAccessible(page, 'subscription plans');
});

test('customer service signs a customer up by phone and changes a quantity, with axe on each screen', async ({
  page,
}) => {
  const { plans } = await api<{ plans: { code: string; skus: string[] }[] }>(
    '/v1/subscription-plans',
  );
  const plan = plans.find((p) => p.code === 'DEMO-WEEKLY')!;
  const { channels } = await api<{ channels: { code: string }[] }>('/v1/subscription-channels');
  const email = `signup.${Date.now()}@example.com`;

  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(SERVICE.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Subscriptions', exact: true }).click();
  await page.getByRole('link', { name: 'New subscription', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New subscription', level: 1 })).toBeVisible();

  // The known customer's address comes with them; the e-mail is the new subscriber's own.
  await page.getByLabel('Name or e-mail contains', { exact: true }).fill(SUBSCRIBER);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page
    .getByRole('list', { name: 'Customers found' })
    .getByRole('button', { name: new RegExp(SUBSCRIBER) })
    .click();
  await expect(page.getByLabel('Street and number', { exact: true })).not.toHaveValue('');
  await page.getByLabel('Customer’s name', { exact: true }).fill('Sanne Bakker');
  await page.getByLabel('Customer’s e-mail address', { exact: true }).fill(email);
  await page
    .getByLabel('Language of the e-mails', { exact: true })
    .selectOption({ label: 'German' });
  await page.getByLabel('Plan', { exact: true }).selectOption(plan.code);
  await page.getByLabel('Product 1: SKU', { exact: true }).fill(plan.skus[0]!);
  await page.getByLabel('Product 1: quantity', { exact: true }).fill('2');
  await page.getByLabel('Channel', { exact: true }).selectOption(channels[0]!.code);
  await expectAccessible(page, 'new subscription');
  await page.getByRole('button', { name: 'Create the subscription', exact: true }).click();

  await expect(page.getByRole('heading', { name: /^Subscription SUB-/, level: 1 })).toBeVisible();
  await expect(page.getByTestId('subscription-state')).toHaveText('Active');
  await expect(page.getByTestId('subscription-history')).toContainText(
    `Created (user:${SERVICE.email})`,
  );
  await expect(page.getByRole('region', { name: 'Products' })).toContainText(`2 × `);

  await page.getByRole('radio', { name: 'Quantity of a product', exact: true }).check();
  await page.getByLabel('Quantity', { exact: true }).fill('3');
  await page.getByLabel('Reason for the change', { exact: true }).fill('Customer wants more');
  await page.getByRole('button', { name: 'Apply the change', exact: true }).click();
  await expect(page.getByText('The quantity is changed.')).toBeVisible();
  await expect(page.getByTestId('subscription-history')).toContainText(
    `Quantity changed — Customer wants more (user:${SERVICE.email})`,
  );
  await expect(page.getByRole('region', { name: 'Products' })).toContainText('3 × ');
  await expectAccessible(page, 'subscription page after a change by customer service');

  const { subscriptions } = await api<{ subscriptions: { id: string }[] }>(
    `/v1/subscriptions?q=${encodeURIComponent(email)}`,
  );
  expect(subscriptions).toHaveLength(1);
  const created = await api<{ customer: { locale: string }; lines: { quantity: number }[] }>(
    `/v1/subscriptions/${subscriptions[0]!.id}`,
  );
  expect(created.customer.locale).toBe('de');
  expect(created.lines.map((l) => l.quantity)).toEqual([3]);
});
