// German and French become saved languages for packers (operators) and back-office people
// (users), next to English and Dutch. The list matches LOCALES in shared/people/roles.ts.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const TABLES = ['operators', 'users'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.ref(`${table}_locale_check`)}`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_locale_check`)}
      check (locale in ('en', 'nl', 'de', 'fr'))`.execute(db);
  }
}

// The older check refuses de and fr, so those people fall back to English.
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.ref(`${table}_locale_check`)}`.execute(
      db,
    );
    await sql`update ${sql.table(table)} set locale = 'en' where locale not in ('en', 'nl')`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_locale_check`)}
      check (locale in ('en', 'nl'))`.execute(db);
  }
}
