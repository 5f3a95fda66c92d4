// The back office in Chromium against the bundled central OMS: the demo admin signs in, creates
// a customer-service user, who signs in in Dutch and sees only their areas; the audit log shows
// the creation; a person saved in German gets German at sign-in on a new device; a password is
// reset through the e-mailed link (read from a real SMTP server); axe finds no WCAG 2.2 AA
// violation on any screen, in English, Dutch, German and French.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE, demoPassword } from '../../src-server/people/demo-people';
import { startSmtpSink } from '../integration/notifications-support';
import { centralOms, type ManagedProcess } from './support/processes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ADMIN = { email: DEMO_PEOPLE[0]!.email, password: demoPassword('packing-oms-demo') };
const SERVICE = {
  email: 'cas.service@shop.example',
  password: 'cas first password 1',
  name: 'Cas Service',
};

let central: ManagedProcess;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  smtp = await startSmtpSink();
  central = await centralOms({ env: { SMTP_URL: smtp.url } });
  await central.start();
});
test.afterAll(async () => {
  await central?.stop();
  await smtp?.close();
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${screen} (${await page.locator('html').getAttribute('lang')})`).toEqual(
    [],
  );
}

const LANGUAGE_TAGS = { English: 'en', Nederlands: 'nl', Deutsch: 'de', Français: 'fr' } as const;

async function pickLanguage(page: Page, language: keyof typeof LANGUAGE_TAGS) {
  await page.getByLabel(/^(Language|Taal|Sprache|Langue)$/).selectOption({ label: language });
  await expect(page.locator('html')).toHaveAttribute('lang', LANGUAGE_TAGS[language]);
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page
    .getByLabel(/^(E-mail address|E-mailadres|E-Mail-Adresse|Adresse e-mail)$/)
    .fill(who.email);
  await page.getByLabel(/^(Password|Wachtwoord|Passwort|Mot de passe)$/).fill(who.password);
  await page.getByRole('button', { name: /^(Sign in|Aanmelden|Anmelden|Se connecter)$/ }).click();
}

test('an admin creates a customer-service user, who signs in in Dutch and sees only their areas', async ({
  page,
}) => {
  await page.goto(central.url);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign-in');

  await signIn(page, { ...ADMIN, password: 'not the password' });
  await expect(page.getByRole('alert')).toContainText(
    'The e-mail address or the password is wrong.',
  );
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Welcome, Demo Admin' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    'Start',
    'Orders',
    'Subscriptions',
    'Quotes',
    'Invoices',
    'Stock',
    'Purchasing',
    'Reports',
    'Channels',
    'Warehouses',
    'Carriers',
    'Users',
    'Audit log',
  ]);

  await nav.getByRole('link', { name: 'Users' }).click();
  await expect(
    page.getByRole('table', { name: 'People who sign in to the back office' }),
  ).toContainText('lead.tilburg@oms.example');
  await page.getByRole('link', { name: 'New user' }).click();
  await page.getByLabel('E-mail address').fill(SERVICE.email);
  await page.getByLabel('Name').fill(SERVICE.name);
  await page.getByLabel('Language').last().selectOption('nl');
  await page.getByLabel('First password').fill(SERVICE.password);
  await page.getByRole('checkbox', { name: 'Customer service' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/users$/);
  await page.getByLabel('Name or e-mail contains').fill('cas');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page).toHaveURL(/q=cas/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Customer service');

  await nav.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Object type (e.g. user, order)').fill('user');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const entry = page.getByRole('row').filter({ hasText: 'created' }).first();
  await expect(entry).toContainText(ADMIN.email);
  await entry.getByText('Before and after').click();
  await expect(entry).toContainText(SERVICE.email);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await pickLanguage(page, 'Nederlands');
  await signIn(page, SERVICE);
  await expect(page.getByRole('heading', { name: 'Welkom, Cas Service' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')).toHaveText([
    'Start',
    'Orders',
    'Abonnementen',
    'Offertes',
    'Facturen',
    'Voorraad',
    'Magazijnen',
    'Auditlog',
  ]);
  await page.goto(`${central.url}/users`);
  await expect(page.getByRole('alert')).toHaveText('Je rollen geven geen toegang tot deze pagina.');
  await expectAccessible(page, 'home, refused area');
});

test('a password is reset through the e-mailed one-time link', async ({ page }) => {
  await page.goto(`${central.url}/sign-in`);
  await pickLanguage(page, 'Nederlands');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await page.getByLabel('E-mailadres').fill(SERVICE.email);
  await page.getByRole('button', { name: 'Link versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Als dit adres een account heeft');
  await expect
    .poll(() => smtp.messages.filter((m) => JSON.stringify(m.to).includes(SERVICE.email)).length)
    .toBe(1);
  const mail = smtp.messages.find((m) => JSON.stringify(m.to).includes(SERVICE.email))!;
  expect(mail.subject).toBe('Stel je back-office-wachtwoord opnieuw in');
  const link = /(http:\/\/127\.0\.0\.1:\d+\/reset-password#token=[\w-]+)/.exec(
    mail.text ?? '',
  )![1]!;

  await page.goto(link);
  await page.getByLabel('Nieuw wachtwoord').fill('cas second password 2');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('cas second password 2');
  await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Je wachtwoord is ingesteld. Meld je ermee aan.',
  );
  // The same link again: a fresh load (a fragment-only navigation would keep the page as it is).
  await page.goto('about:blank');
  await page.goto(link);
  await page.getByLabel('Nieuw wachtwoord').fill('cas third password 33');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('cas third password 33');
  await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Deze link is onbekend, gebruikt of verlopen. Vraag een nieuwe aan.',
  );

  await page.getByRole('link', { name: 'Terug naar aanmelden' }).click();
  await signIn(page, { email: SERVICE.email, password: 'cas second password 2' });
  await expect(page.getByRole('heading', { name: 'Welkom, Cas Service' })).toBeVisible();
});

test('every screen passes axe (WCAG 2.2 AA) in English, Dutch, German and French', async ({
  page,
}) => {
  test.slow(); // four languages × fourteen screens, each with an axe run
  const publicScreens = ['/sign-in', '/forgot-password', '/reset-password#token=x'];
  const adminScreens = [
    '/',
    '/orders',
    '/stock',
    '/purchasing',
    '/reports',
    '/channels',
    '/users',
    '/users/new',
    '/audit',
    '/account',
  ];
  for (const language of ['English', 'Nederlands', 'Deutsch', 'Français'] as const) {
    await page.goto(`${central.url}/sign-in`);
    await pickLanguage(page, language);
    for (const path of publicScreens) {
      await page.goto(central.url + path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, path);
    }
  }
  await page.goto(`${central.url}/sign-in`);
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const language of ['English', 'Nederlands', 'Deutsch', 'Français'] as const) {
    await pickLanguage(page, language);
    for (const path of adminScreens) {
      await page.goto(central.url + path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, path);
    }
    await page.goto(`${central.url}/audit`);
    await page
      .getByText(/^(Before and after|Voor en na|Vorher und nachher|Avant et après)$/)
      .first()
      .click();
    await expectAccessible(page, '/audit with a change open');
  }
});

test('a person saved in German gets the back office in German at sign-in, on a new device', async ({
  page,
  browser,
}) => {
  const greta = {
    email: 'greta.finance@shop.example',
    password: 'greta first password',
    name: 'Greta',
  };
  await page.goto(`${central.url}/sign-in`);
  await signIn(page, ADMIN);
  await page.goto(`${central.url}/users/new`);
  await page.getByLabel('E-mail address').fill(greta.email);
  await page.getByLabel('Name').fill(greta.name);
  await page.getByLabel('Language').last().selectOption({ label: 'Deutsch' });
  await page.getByLabel('First password').fill(greta.password);
  await page.getByRole('checkbox', { name: 'Finance' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/users$/);

  const device = await browser.newContext();
  const other = await device.newPage();
  await other.goto(`${central.url}/sign-in`);
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');
  await signIn(other, greta);
  await expect(other.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'de');
  await device.close();
});
