import { type Kysely, sql } from 'kysely';

// The plan document: free-text sections, goals, evaluation, risks and success factors, the key
// activities of the timeline, and the frozen revisions sent to the vendor.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_sections')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('section_key', 'text', (c) => c.notNull())
    // JSON: field key → formatted text document.
    .addColumn('texts', 'text', (c) => c.notNull())
    // JSON: what a section holds besides its texts (the person informed, the meeting's date and form).
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_name', 'text')
    .addPrimaryKeyConstraint('plan_sections_pk', ['project_id', 'section_key'])
    .execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // Effect goals: what is measured, in which unit, from which baseline to which target by when.
    .addColumn('measure', 'text')
    .addColumn('unit', 'text')
    .addColumn('unit_label', 'text')
    .addColumn('baseline', 'double precision')
    .addColumn('target', 'double precision')
    .addColumn('target_date', 'text')
    // Project goals: what kind of deliverable, by when, with which budget.
    .addColumn('deliverable', 'text')
    .addColumn('due_date', 'text')
    .addColumn('budget_sek', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_project_idx').on('goals').columns(['project_id', 'position']).execute();

  await db.schema
    .createTable('evaluation_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    // JSON array of `YYYY-MM-DD` dates when data is collected.
    .addColumn('collection_dates', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evaluation_items_project_idx')
    .on('evaluation_items')
    .columns(['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('evaluation_item_goals')
    .addColumn('evaluation_item_id', 'text', (c) => c.notNull().references('evaluation_items.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('evaluation_item_goals_pk', ['evaluation_item_id', 'goal_id'])
    .execute();
  await db.schema.createIndex('evaluation_item_goals_goal_idx').on('evaluation_item_goals').column('goal_id').execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // The template's risk cause this risk was preloaded from; null for risks the project added.
    .addColumn('cause_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('leadership_issue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('likelihood', 'text')
    .addColumn('impact', 'text')
    .addColumn('mitigation', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risks_project_idx').on('risks').columns(['project_id', 'position']).execute();

  await db.schema
    .createTable('success_factors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('keyword_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('approach', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('success_factors_project_idx')
    .on('success_factors')
    .columns(['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('key_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('key_activities_project_idx')
    .on('key_activities')
    .columns(['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('plan_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sender_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    // JSON: the whole plan as it was sent; never updated.
    .addColumn('snapshot', 'text', (c) => c.notNull())
    // Two senders at once cannot both take the same number: the second insert fails and is retried.
    .addUniqueConstraint('plan_revisions_number_unique', ['project_id', 'number'])
    .execute();

  await db.schema
    .createTable('plan_revision_reads')
    .addColumn('revision_id', 'text', (c) => c.notNull().references('plan_revisions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_revision_reads_pk', ['revision_id', 'user_id'])
    .execute();

  await backfillExistingProjects(db);
}

interface TemplateParts {
  planSections: { key: string }[];
  riskCauses: { key: string; title: string; leadershipIssue: boolean }[];
  successKeywords: { key: string; title: string }[];
  keyActivities: { key: string; title: string; description?: string; suggestedWeeksAfterStart?: number }[];
}

/**
 * Projects made before the plan existed get what a new project gets from its template. Written
 * out here rather than calling the app's seeding, so this migration stays as it ran.
 */
async function backfillExistingProjects(db: Kysely<unknown>): Promise<void> {
  const { rows: projects } = await sql<{ id: string; start_date: string; content: string }>`
    select p.id, p.start_date, t.content from projects p join templates t on t.id = p.template_id`.execute(db);
  if (projects.length === 0) return;
  const { rows: vendorRows } = await sql<{ value: string }>`
    select value from settings where key = 'vendor_name'`.execute(db);
  const vendorName = vendorRows[0]?.value ?? 'Leverantören';
  const now = new Date().toISOString();
  const withVendor = (text: string) => text.replaceAll('{vendor}', vendorName);
  for (const project of projects) {
    const content = JSON.parse(project.content) as TemplateParts;
    for (const section of content.planSections) {
      await sql`insert into plan_sections (project_id, section_key, texts, details, version, updated_at)
        values (${project.id}, ${section.key}, '{}', '{}', 1, ${now})`.execute(db);
    }
    for (const [position, cause] of content.riskCauses.entries()) {
      await sql`insert into risks (id, project_id, position, cause_key, title, leadership_issue, mitigation, status, version, created_at, updated_at)
        values (${crypto.randomUUID()}, ${project.id}, ${position}, ${cause.key}, ${cause.title}, ${cause.leadershipIssue ? 1 : 0}, '', 'open', 1, ${now}, ${now})`.execute(
        db,
      );
    }
    for (const [position, keyword] of content.successKeywords.entries()) {
      await sql`insert into success_factors (id, project_id, position, keyword_key, title, approach, version, updated_at)
        values (${crypto.randomUUID()}, ${project.id}, ${position}, ${keyword.key}, ${keyword.title}, '', 1, ${now})`.execute(
        db,
      );
    }
    for (const [position, activity] of content.keyActivities.entries()) {
      const date =
        activity.suggestedWeeksAfterStart === undefined
          ? null
          : addDays(project.start_date, activity.suggestedWeeksAfterStart * 7);
      await sql`insert into key_activities (id, project_id, position, template_key, title, description, date, version, updated_at)
        values (${crypto.randomUUID()}, ${project.id}, ${position}, ${activity.key}, ${withVendor(activity.title)}, ${withVendor(activity.description ?? '')}, ${date}, 1, ${now})`.execute(
        db,
      );
    }
  }
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'plan_revision_reads',
    'plan_revisions',
    'key_activities',
    'success_factors',
    'risks',
    'evaluation_item_goals',
    'evaluation_items',
    'goals',
    'plan_sections',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
