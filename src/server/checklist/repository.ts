import { type Insertable, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { precompiled } from '../db/precompiled.js';
import type { ActivitiesTable, ActivityCommentsTable, Database } from '../db/schema.js';

export type Side = 'customer' | 'vendor';

const activityColumns = [
  'activities.id',
  'activities.project_id',
  'activities.group_key',
  'activities.position',
  'activities.template_activity_key',
  'activities.title',
  'activities.template_title',
  'activities.description',
  'activities.customer_role_keys',
  'activities.vendor_role_keys',
  'activities.deadline',
  'activities.done_at',
  'activities.version',
  'users.id as done_by_id',
  'users.name as done_by_name',
  'customer_person.id as customer_person_id',
  'customer_person.name as customer_person_name',
  'vendor_person.id as vendor_person_id',
  'vendor_person.name as vendor_person_name',
] as const;

/**
 * An activity with everything the checklist shows of it in one row: who ticked it, the person named
 * on each side, how many comments it has and the ids of what it waits for (comma-separated:
 * `string_agg` exists in PostgreSQL and in SQLite since 3.44). One query per checklist, whatever its
 * size. The sides are written as literals so that the precompiled query's only parameters are the
 * caller's. `from` lets a caller start from fewer activities than the whole table (Mina uppgifter
 * starts from the person's own), joined before the details so the database narrows first.
 */
const selectActivities = (
  db: Kysely<Database>,
  from: SelectQueryBuilder<Database, 'activities', object> = db.selectFrom('activities'),
) =>
  from
    .leftJoin('users', 'users.id', 'activities.done_by_user_id')
    .leftJoin('activity_people as customer_side', (join) =>
      join.onRef('customer_side.activity_id', '=', 'activities.id').on('customer_side.side', '=', sql.lit('customer')),
    )
    .leftJoin('people as customer_person', 'customer_person.id', 'customer_side.person_id')
    .leftJoin('activity_people as vendor_side', (join) =>
      join.onRef('vendor_side.activity_id', '=', 'activities.id').on('vendor_side.side', '=', sql.lit('vendor')),
    )
    .leftJoin('people as vendor_person', 'vendor_person.id', 'vendor_side.person_id')
    .select(activityColumns)
    .select((eb) => [
      eb
        .selectFrom('activity_comments')
        .select((count) => count.fn.countAll().as('count'))
        .whereRef('activity_comments.activity_id', '=', 'activities.id')
        .as('comment_count'),
      eb
        .selectFrom('activity_dependencies')
        .select(sql<string>`string_agg(activity_dependencies.depends_on_id, ',')`.as('ids'))
        .whereRef('activity_dependencies.activity_id', '=', 'activities.id')
        .as('depends_on_ids'),
    ]);

type SelectedActivity = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

export type ActivityRow = Omit<SelectedActivity, 'comment_count' | 'depends_on_ids'> & {
  comment_count: number;
  depends_on_ids: string[];
};

/** PostgreSQL counts as text; a missing list of dependencies is an empty one. */
const toActivityRow = <Row extends SelectedActivity>(
  row: Row,
): Omit<Row, 'comment_count' | 'depends_on_ids'> & Pick<ActivityRow, 'comment_count' | 'depends_on_ids'> => ({
  ...row,
  comment_count: Number(row.comment_count ?? 0),
  depends_on_ids: row.depends_on_ids ? row.depends_on_ids.split(',') : [],
});

/** Columns a change of an activity may set; left out, a column keeps its value. */
export interface ActivityChange {
  title?: string;
  description?: string;
  groupKey?: string;
  customerRoleKeys?: string[];
  vendorRoleKeys?: string[];
  deadline?: string | null;
  done?: { at: string; byUserId: string } | null;
}

const changedColumns = (change: ActivityChange) => ({
  ...(change.title !== undefined ? { title: change.title } : {}),
  ...(change.description !== undefined ? { description: change.description } : {}),
  ...(change.groupKey !== undefined ? { group_key: change.groupKey } : {}),
  ...(change.customerRoleKeys !== undefined ? { customer_role_keys: JSON.stringify(change.customerRoleKeys) } : {}),
  ...(change.vendorRoleKeys !== undefined ? { vendor_role_keys: JSON.stringify(change.vendorRoleKeys) } : {}),
  ...(change.deadline !== undefined ? { deadline: change.deadline } : {}),
  ...(change.done !== undefined
    ? { done_at: change.done?.at ?? null, done_by_user_id: change.done?.byUserId ?? null }
    : {}),
});

const activitiesOfProject = precompiled(
  (db, projectId: string) =>
    selectActivities(db).where('activities.project_id', '=', projectId).orderBy('activities.position'),
  [''],
);

export const checklistRepository = {
  listByProject: async (db: Kysely<Database>, projectId: string): Promise<ActivityRow[]> =>
    (await activitiesOfProject(db, projectId)).map(toActivityRow),

  async findInProject(db: Kysely<Database>, projectId: string, activityId: string): Promise<ActivityRow | undefined> {
    const row = await selectActivities(db)
      .where('activities.project_id', '=', projectId)
      .where('activities.id', '=', activityId)
      .executeTakeFirst();
    return row && toActivityRow(row);
  },

  /**
   * The open activities of the projects where the person holds a role that the activity names, and
   * those naming the person wherever they are, with their project and customer: the candidates for the person's own tasks.
   * Closed projects are left out: nothing in them can be ticked any more.
   *
   * The query starts from the person's own role holdings and named activities (a union of the two
   * ways an activity concerns someone) and joins the activities to them, so its cost follows the
   * person's projects, not every customer's. The union comes first in the FROM clause on purpose:
   * with an `OR` of two `IN` subqueries PostgreSQL scanned every activity, and a union in the WHERE
   * clause is only joined after the activities' eight other relations (join_collapse_limit).
   */
  async openActivitiesConcerning(db: Kysely<Database>, personId: string) {
    // A role's key in the activity's JSON list of role keys, as `"key"`: a LIKE both databases run
    // alike. It only narrows the candidates; `isMine` decides.
    const namesRole = (column: 'activities.customer_role_keys' | 'activities.vendor_role_keys') =>
      sql<boolean>`${sql.ref(column)} like '%"' || role_assignments.role_key || '"%'`;
    const concerning = db
      .selectFrom('role_assignments')
      .innerJoin('activities', 'activities.project_id', 'role_assignments.project_id')
      .select('activities.id as activity_id')
      .where('role_assignments.person_id', '=', personId)
      .where('activities.done_at', 'is', null)
      .where((eb) => eb.or([namesRole('activities.customer_role_keys'), namesRole('activities.vendor_role_keys')]))
      .union(
        db
          .selectFrom('activity_people')
          .select('activity_people.activity_id')
          .where('activity_people.person_id', '=', personId),
      );
    const sidePerson = (side: Side) =>
      db
        .selectFrom('activity_people')
        .select('activity_people.person_id')
        .whereRef('activity_people.activity_id', '=', sql.ref('activities.id'))
        .where('activity_people.side', '=', sql.lit(side));
    return db
      .selectFrom(concerning.as('concerning'))
      .innerJoin('activities', 'activities.id', 'concerning.activity_id')
      .innerJoin('projects', 'projects.id', 'activities.project_id')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .select([
        'activities.id',
        'activities.project_id',
        'activities.position',
        'activities.title',
        'activities.deadline',
        'activities.version',
        'activities.customer_role_keys',
        'activities.vendor_role_keys',
        sidePerson('customer').as('customer_person_id'),
        sidePerson('vendor').as('vendor_person_id'),
        'projects.name as project_name',
        'projects.customer_id',
        'projects.template_id',
        'customers.name as customer_name',
      ])
      .where('projects.phase', '=', 'implementation')
      .where('activities.done_at', 'is', null)
      .execute();
  },

  async rolesOfPerson(db: Kysely<Database>, personId: string) {
    const rows = await db
      .selectFrom('role_assignments')
      .select(['project_id', 'role_key'])
      .where('person_id', '=', personId)
      .execute();
    return rows.map((row) => ({ projectId: row.project_id, roleKey: row.role_key }));
  },

  /** Title, deadline and whether done, of the given activities (what others wait for). */
  dependencyRefs(db: Kysely<Database>, activityIds: string[]) {
    if (activityIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('activities')
      .select(['id', 'title', 'deadline', 'done_at'])
      .where('id', 'in', activityIds)
      .execute();
  },

  /** Every "waits for" between the project's activities. */
  async dependencyEdges(db: Kysely<Database>, projectId: string) {
    const rows = await db
      .selectFrom('activity_dependencies')
      .innerJoin('activities', 'activities.id', 'activity_dependencies.activity_id')
      .select(['activity_dependencies.activity_id', 'activity_dependencies.depends_on_id'])
      .where('activities.project_id', '=', projectId)
      .execute();
    return rows.map((row) => ({ activityId: row.activity_id, dependsOnId: row.depends_on_id }));
  },

  /** Which of `activityIds` are activities of the project. */
  async idsInProject(db: Kysely<Database>, projectId: string, activityIds: string[]): Promise<string[]> {
    if (activityIds.length === 0) return [];
    const rows = await db
      .selectFrom('activities')
      .select('id')
      .where('project_id', '=', projectId)
      .where('id', 'in', activityIds)
      .execute();
    return rows.map((row) => row.id);
  },

  /** Id, group and place of every activity of the project, in order. */
  placesInProject: (db: Kysely<Database>, projectId: string) =>
    db
      .selectFrom('activities')
      .select(['id', 'group_key as groupKey', 'position'])
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute(),

  async nextPosition(db: Kysely<Database>, projectId: string): Promise<number> {
    const row = await db
      .selectFrom('activities')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  },

  async insert(db: Kysely<Database>, row: Insertable<ActivitiesTable>): Promise<void> {
    await db.insertInto('activities').values(row).execute();
  },

  /** Applies the change only if nobody saved since `version`; returns whether it did. */
  async updateIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; activityId: string; version: number; updatedAt: string },
    change: ActivityChange,
  ): Promise<boolean> {
    const result = await db
      .updateTable('activities')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: target.updatedAt, ...changedColumns(change) }))
      .where('id', '=', target.activityId)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Renumbers places without touching versions: moving one activity is not a change of the others. */
  async setPosition(db: Kysely<Database>, activityId: string, position: number): Promise<void> {
    await db.updateTable('activities').set({ position }).where('id', '=', activityId).execute();
  },

  /** Removes the activity (its people, dependencies either way and comments go with it) if still at `version`. */
  async deleteIfVersion(
    db: Kysely<Database>,
    target: { projectId: string; activityId: string; version: number },
  ): Promise<boolean> {
    const result = await db
      .deleteFrom('activities')
      .where('id', '=', target.activityId)
      .where('project_id', '=', target.projectId)
      .where('version', '=', target.version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  /** Names `personId` on the side, or no one when null. */
  async setPerson(db: Kysely<Database>, activityId: string, side: Side, personId: string | null): Promise<void> {
    await db.deleteFrom('activity_people').where('activity_id', '=', activityId).where('side', '=', side).execute();
    if (personId !== null) {
      await db.insertInto('activity_people').values({ activity_id: activityId, side, person_id: personId }).execute();
    }
  },

  async setDependencies(db: Kysely<Database>, activityId: string, dependsOnIds: string[]): Promise<void> {
    await db.deleteFrom('activity_dependencies').where('activity_id', '=', activityId).execute();
    if (dependsOnIds.length > 0) {
      await db
        .insertInto('activity_dependencies')
        .values(dependsOnIds.map((dependsOnId) => ({ activity_id: activityId, depends_on_id: dependsOnId })))
        .execute();
    }
  },

  customerNameOf: async (db: Kysely<Database>, projectId: string): Promise<string | undefined> =>
    (
      await db
        .selectFrom('projects')
        .innerJoin('customers', 'customers.id', 'projects.customer_id')
        .select('customers.name')
        .where('projects.id', '=', projectId)
        .executeTakeFirst()
    )?.name,

  /** The customer a person belongs to (null: the vendor's own), or undefined when there is no such person. */
  async personCustomerId(db: Kysely<Database>, personId: string): Promise<string | null | undefined> {
    const row = await db.selectFrom('people').select('customer_id').where('id', '=', personId).executeTakeFirst();
    return row?.customer_id;
  },

  comments: (db: Kysely<Database>, activityId: string) =>
    db
      .selectFrom('activity_comments')
      .selectAll()
      .where('activity_id', '=', activityId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  async insertComment(db: Kysely<Database>, row: ActivityCommentsTable): Promise<void> {
    await db.insertInto('activity_comments').values(row).execute();
  },
};

export type CommentRow = Awaited<ReturnType<typeof checklistRepository.comments>>[number];
