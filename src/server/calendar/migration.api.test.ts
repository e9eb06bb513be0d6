import { type Kysely, Migrator } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../config/config.js';
import { createDatabase, type DatabaseHandle, migrateToLatest } from '../db/database.js';
import { migrationProvider, migrations } from '../db/migrations/index.js';
import { type FreshDatabase, freshDatabase } from '../test-support/app.js';

const MIGRATION = '015_personal_calendar_feeds';

let database: FreshDatabase | undefined;
let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  await database?.drop();
});

/** The tables as they were before the migration: feeds of a person or of a whole project. */
interface Before {
  users: { id: string; email: string; name: string; password_hash: string; role: string; created_at: string };
  people: {
    id: string;
    customer_id: string | null;
    name: string;
    email: string | null;
    user_id: string | null;
    created_at: string;
    updated_at: string;
  };
  calendar_feeds: {
    id: string;
    scope: string;
    project_id: string | null;
    person_id: string | null;
    created_at: string;
  };
}

it('moves a personal feed to its person’s login and ends the shared project feeds', async () => {
  database = await freshDatabase();
  handle = createDatabase(parseDatabaseUrl(database.url));
  const names = Object.keys(migrations).sort();
  const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
  const { error } = await migrator.migrateTo(names[names.indexOf(MIGRATION) - 1]);
  expect(error).toBeUndefined();

  const db = handle.db as unknown as Kysely<Before>;
  const at = '2027-01-01T00:00:00.000Z';
  await db
    .insertInto('users')
    .values({ id: 'u1', email: 'bo@exempel.se', name: 'Bo', password_hash: 'x', role: 'customer', created_at: at })
    .execute();
  await db
    .insertInto('people')
    .values([
      {
        id: 'p1',
        customer_id: null,
        name: 'Bo',
        email: 'bo@exempel.se',
        user_id: 'u1',
        created_at: at,
        updated_at: at,
      },
      {
        id: 'p2',
        customer_id: null,
        name: 'Utan inloggning',
        email: null,
        user_id: null,
        created_at: at,
        updated_at: at,
      },
    ])
    .execute();
  await db
    .insertInto('calendar_feeds')
    .values([
      { id: 'hash-bo', scope: 'person', project_id: null, person_id: 'p1', created_at: at },
      { id: 'hash-utan', scope: 'person', project_id: null, person_id: 'p2', created_at: at },
      // A project's one shared secret: whose subscription it was nobody knows.
      { id: 'hash-delad', scope: 'project', project_id: null, person_id: null, created_at: at },
    ])
    .execute();

  expect(await migrateToLatest(handle.db)).toContain(MIGRATION);
  expect(await handle.db.selectFrom('calendar_feeds').selectAll().execute()).toEqual([
    { id: 'hash-bo', scope: 'person', user_id: 'u1', project_id: null, created_at: at },
  ]);
});
