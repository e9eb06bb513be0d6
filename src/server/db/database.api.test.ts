import { type Kysely, Migrator, NO_MIGRATIONS, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDatabaseUrl } from '../config/config.js';
import { readDefaultTemplateFile } from '../templates/service.js';
import { type FreshDatabase, freshDatabase, testDatabaseKind } from '../test-support/app.js';
import { createDatabase, type DatabaseHandle, migrateToLatest } from './database.js';
import { migrationProvider, migrations } from './migrations/index.js';
import type { Database } from './schema.js';

const appTables = [
  'activities',
  'activity_attachments',
  'activity_comments',
  'activity_dependencies',
  'activity_people',
  'audit_events',
  'auth_tokens',
  'budget_lines',
  'calendar_feeds',
  'change_requests',
  'communication_items',
  'customers',
  'decision_links',
  'decisions',
  'delivery_steps',
  'evaluation_item_goals',
  'evaluation_items',
  'follow_on_projects',
  'goal_measurement_settings',
  'goal_measurements',
  'goals',
  'identity_providers',
  'job_leases',
  'key_activities',
  'login_throttles',
  'measurement_computations',
  'passkey_registrations',
  'passkeys',
  'pending_sign_ins',
  'people',
  'plan_revision_reads',
  'plan_revisions',
  'plan_sections',
  'process_guide_goals',
  'process_guides',
  'project_budgets',
  'project_closures',
  'project_step_decisions',
  'project_trainings',
  'projects',
  'recovery_codes',
  'reminder_deliveries',
  'reminder_preferences',
  'risks',
  'role_acknowledgements',
  'role_assignments',
  'role_texts',
  'schools',
  'sessions',
  'settings',
  'sso_identities',
  'sso_sign_ins',
  'staff_workshops',
  'steering_meetings',
  'success_factors',
  'templates',
  'totp_factors',
  'training_participants',
  'training_proposals',
  'training_sessions',
  'two_factor_customers',
  'users',
];
const migrationNames = Object.keys(migrations).sort();

let database: FreshDatabase;
let handle: DatabaseHandle;
beforeEach(async () => {
  database = await freshDatabase();
  handle = createDatabase(parseDatabaseUrl(database.url));
  expect(handle.kind).toBe(testDatabaseKind);
});
afterEach(async () => {
  await handle.close();
  await database.drop();
});

async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .map((table) => table.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

describe(`migrations on ${testDatabaseKind}`, () => {
  it('run every migration up on an empty database and create every table', async () => {
    expect(await tableNames(handle.db)).toEqual([]);
    expect(migrationNames.length).toBeGreaterThan(0);

    expect(await migrateToLatest(handle.db)).toEqual(migrationNames);
    expect(await tableNames(handle.db)).toEqual(appTables);

    const applied = await new Migrator({ db: handle.db, provider: migrationProvider }).getMigrations();
    expect(applied.map((migration) => [migration.name, migration.executedAt instanceof Date])).toEqual(
      migrationNames.map((name) => [name, true]),
    );
  });

  it('do nothing when run again', async () => {
    await migrateToLatest(handle.db);
    await handle.db.insertInto('settings').values({ key: 'vendor_name', value: 'Kvar efteråt' }).execute();

    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(await tableNames(handle.db)).toEqual(appTables);
    expect(await handle.db.selectFrom('settings').selectAll().execute()).toEqual([
      { key: 'vendor_name', value: 'Kvar efteråt' },
    ]);
  });

  it('migrate down to nothing and up again', async () => {
    await migrateToLatest(handle.db);
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });

    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(down.results?.map((result) => [result.migrationName, result.direction, result.status])).toEqual(
      [...migrationNames].reverse().map((name) => [name, 'Down', 'Success']),
    );
    expect(await tableNames(handle.db)).toEqual([]);

    expect(await migrateToLatest(handle.db)).toEqual(migrationNames);
    expect(await tableNames(handle.db)).toEqual(appTables);
    // The schema is usable again, foreign keys and all.
    await handle.db
      .insertInto('users')
      .values({
        id: 'u1',
        email: 'a@exempel.se',
        name: 'A',
        password_hash: 'x',
        role: 'vendor_admin',
        created_at: '2027-01-01T00:00:00.000Z',
      })
      .execute();
    await expect(
      handle.db
        .insertInto('sessions')
        .values({
          id: 's1',
          user_id: 'saknas',
          csrf_token: 't',
          created_at: '2027-01-01T00:00:00.000Z',
          expires_at: '2027-01-02T00:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('give projects made before the plan existed what a new project gets from its template', async () => {
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    expect((await migrator.migrateTo('002_organisation')).error).toBeUndefined();
    const at = '2027-01-01T00:00:00.000Z';
    const template = readDefaultTemplateFile();
    await handle.db.insertInto('settings').values({ key: 'vendor_name', value: 'Skolplattformen AB' }).execute();
    await handle.db
      .insertInto('templates')
      .values({
        id: 't1',
        key: template.key,
        version: template.version,
        name: template.name,
        content: JSON.stringify(template.content),
        is_default: 1,
        created_at: at,
      })
      .execute();
    await handle.db
      .insertInto('customers')
      .values({ id: 'c1', name: 'Åkerby kommun', organisation_number: '212000-0142', created_at: at })
      .execute();
    await handle.db
      .insertInto('projects')
      .values({
        id: 'p1',
        customer_id: 'c1',
        template_id: 't1',
        name: 'Införande',
        phase: 'implementation',
        start_date: '2027-01-11',
        created_at: at,
      })
      .execute();

    await migrateToLatest(handle.db);

    const sections = await handle.db
      .selectFrom('plan_sections')
      .select('section_key')
      .where('project_id', '=', 'p1')
      .execute();
    expect(sections).toHaveLength(template.content.planSections.length);
    const risks = await handle.db
      .selectFrom('risks')
      .select(['title', 'leadership_issue'])
      .orderBy('position')
      .execute();
    expect(risks[0]).toEqual({ title: 'Bristande förankring', leadership_issue: 1 });
    expect(risks).toHaveLength(8);
    expect(await handle.db.selectFrom('success_factors').select('title').execute()).toHaveLength(9);
    const followUp = await handle.db
      .selectFrom('key_activities')
      .select(['title', 'date'])
      .where('template_key', '=', 'uppfoljningsmote')
      .executeTakeFirstOrThrow();
    expect(followUp).toEqual({ title: 'Uppföljningsmöte med Skolplattformen AB', date: '2027-07-12' });

    const communication = await handle.db
      .selectFrom('communication_items as c')
      .innerJoin('key_activities as k', 'k.id', 'c.key_activity_id')
      .select(['c.title', 'c.audience_keys', 'k.template_key'])
      .where('c.project_id', '=', 'p1')
      .orderBy('c.position')
      .execute();
    expect(communication.map((item) => [item.template_key, JSON.parse(item.audience_keys)])).toEqual([
      ['informationsmote', ['vardnadshavare', 'elever']],
      ['uppstartsmote', ['skolledare', 'pedagoger', 'administratorer']],
    ]);
  });

  it('keep an attached file byte for byte', async () => {
    await migrateToLatest(handle.db);
    const at = '2027-01-01T00:00:00.000Z';
    const template = readDefaultTemplateFile();
    await handle.db
      .insertInto('templates')
      .values({
        id: 't1',
        key: 'k',
        version: 1,
        name: 'M',
        content: JSON.stringify(template.content),
        is_default: 1,
        created_at: at,
      })
      .execute();
    await handle.db
      .insertInto('customers')
      .values({ id: 'c1', name: 'Åkerby kommun', organisation_number: '212000-0142', created_at: at })
      .execute();
    await handle.db
      .insertInto('projects')
      .values({
        id: 'p1',
        customer_id: 'c1',
        template_id: 't1',
        name: 'Införande',
        phase: 'implementation',
        start_date: '2027-01-11',
        created_at: at,
      })
      .execute();
    await handle.db
      .insertInto('activities')
      .values({
        id: 'a1',
        project_id: 'p1',
        group_key: 'g',
        position: 0,
        template_activity_key: null,
        title: 'Import',
        customer_role_keys: '[]',
        vendor_role_keys: '[]',
        deadline: null,
        done_at: null,
        done_by_user_id: null,
        updated_at: at,
      })
      .execute();
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0a, 0x0d, 0x00]);
    await handle.db
      .insertInto('activity_attachments')
      .values({
        id: 'f1',
        activity_id: 'a1',
        project_id: 'p1',
        file_name: 'elever.xlsx',
        content_type: 'application/octet-stream',
        size_bytes: bytes.length,
        sha256: 'x',
        content: bytes,
        uploaded_by_user_id: null,
        uploaded_by_name: 'A',
        created_at: at,
      })
      .execute();

    const stored = await handle.db.selectFrom('activity_attachments').select('content').executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).equals(bytes)).toBe(true);
  });
});

// Only PostgreSQL keeps a pool of connections that its server can end.
if (testDatabaseKind === 'postgres') {
  describe('connections to PostgreSQL', () => {
    it('outlive the server ending idle ones: the error is reported and the next query opens a new one', async () => {
      await handle.close();
      const idleConnectionErrors: Error[] = [];
      handle = createDatabase(parseDatabaseUrl(database.url), {
        onIdleConnectionError: (error) => idleConnectionErrors.push(error),
      });
      const { db } = handle;
      await Promise.all([1, 2, 3].map(() => sql`SELECT pg_sleep(0.05)`.execute(db)));

      const administrator = new pg.Client({ connectionString: database.url });
      await administrator.connect();
      const terminated = await administrator.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      await administrator.end();
      expect(terminated.rowCount).toBe(3);

      await vi.waitFor(() => expect(idleConnectionErrors).toHaveLength(3));
      expect(idleConnectionErrors[0].message).toMatch(/terminat/i);
      const { rows } = await sql<{ answer: number }>`SELECT 42 AS answer`.execute(db);
      expect(rows).toEqual([{ answer: 42 }]);
    });
  });
}
