// The demo's back-office people: an admin and one person per role, with one password derived
// from DEMO_SEED (like the demo channel keys), printed in the log at every start of a demo
// database, so "sign in as the demo admin printed in the log" works on a fresh clone.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Locale, Role } from '../../shared/people/roles';
import type { Database } from '../db/schema';
import { verifyPassword } from './passwords';
import { createUser } from './users';

export interface DemoPerson {
  email: string;
  name: string;
  locale: Locale;
  roles: Role[];
  leadWarehouses: string[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    email: 'admin@oms.example',
    name: 'Demo Admin',
    locale: 'en',
    roles: ['admin'],
    leadWarehouses: [],
  },
  {
    email: 'service@oms.example',
    name: 'Sanne Klantenservice',
    locale: 'nl',
    roles: ['customer_service'],
    leadWarehouses: [],
  },
  {
    email: 'sales@oms.example',
    name: 'Sam Sales',
    locale: 'en',
    roles: ['sales_rep'],
    leadWarehouses: [],
  },
  {
    email: 'purchasing@oms.example',
    name: 'Pieter Inkoop',
    locale: 'nl',
    roles: ['purchasing'],
    leadWarehouses: [],
  },
  {
    email: 'finance@oms.example',
    name: 'Fiona Finance',
    locale: 'en',
    roles: ['finance'],
    leadWarehouses: [],
  },
  {
    email: 'lead.tilburg@oms.example',
    name: 'Lotte Teamleider',
    locale: 'nl',
    roles: ['warehouse_lead'],
    leadWarehouses: ['NL-TIL'],
  },
];

/** The demo people's password: reproducible from the seed, so the log and scripts can name it. */
export function demoPassword(seed: string): string {
  return `demo-${createHmac('sha256', seed).update('people').digest('base64url').slice(0, 16)}`;
}

export interface DemoPeopleLog {
  info(detail: object, message: string): void;
}

/**
 * Creates the demo people in a demo database that has none (also one seeded before people
 * existed), then logs their e-mails and password while the admin still has the demo password.
 */
export async function seedDemoPeople(
  db: Kysely<Database>,
  seed: string,
  log: DemoPeopleLog,
): Promise<void> {
  const password = demoPassword(seed);
  const demo = await db.selectFrom('demo_seed').select('seed').executeTakeFirst();
  if (!demo) return;
  const anyone = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!anyone) {
    const known = await db.selectFrom('warehouses').select('code').execute();
    await db.transaction().execute(async (trx) => {
      for (const person of DEMO_PEOPLE) {
        const leadWarehouses = person.leadWarehouses.filter((w) => known.some((k) => k.code === w));
        if (person.roles.includes('warehouse_lead') && leadWarehouses.length === 0) continue;
        await createUser(trx, { ...person, leadWarehouses, password });
      }
    });
  }
  const admin = await db
    .selectFrom('users')
    .select('password_hash')
    .where('email', '=', DEMO_PEOPLE[0]!.email)
    .executeTakeFirst();
  if (admin && (await verifyPassword(password, admin.password_hash))) {
    log.info(
      { people: DEMO_PEOPLE.map((p) => `${p.email} (${p.roles.join(', ')})`), password },
      'demo back-office people: sign in at / (development only; password derived from DEMO_SEED)',
    );
  }
}
