import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Whose portfolio is loaded: every project (the vendor admin), or the projects where a person holds
 * a role, each as a subquery; or a bounded list of projects whose data changed since it was last
 * loaded (at most `MAX_LISTED_PROJECTS`, so that a query's text does not grow with the portfolio).
 */
export type PortfolioScope =
  | { kind: 'all' }
  | { kind: 'person'; personId: string }
  | { kind: 'projects'; projectIds: readonly string[] };

export const MAX_LISTED_PROJECTS = 100;

/** The ids of the scope's projects, as a subquery or a list. */
const projectIdsOf = (db: Kysely<Database>, scope: PortfolioScope) => {
  if (scope.kind === 'projects') {
    if (scope.projectIds.length > MAX_LISTED_PROJECTS) throw new Error('too many projects listed');
    return scope.projectIds;
  }
  return scope.kind === 'all'
    ? db.selectFrom('projects').select('projects.id as project_id')
    : db
        .selectFrom('role_assignments')
        .select('role_assignments.project_id')
        .where('role_assignments.person_id', '=', scope.personId);
};

// PostgreSQL hands counts and some numbers back as text.
const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));

/**
 * Every query of the portfolio page: each loads one kind of data for all projects of the scope at
 * once, so the page takes the same number of queries for 3 projects as for 300.
 */
export const portfolioRepository = {
  /** The projects with their customer and, once approved, their closure. */
  projects: (db: Kysely<Database>, scope: PortfolioScope) =>
    db
      .selectFrom('projects')
      .innerJoin('customers', 'customers.id', 'projects.customer_id')
      .leftJoin('project_closures', 'project_closures.project_id', 'projects.id')
      .select([
        'projects.id',
        'projects.name',
        'projects.customer_id',
        'customers.name as customer_name',
        'projects.template_id',
        'projects.phase',
        'projects.start_date',
        'project_closures.approved_at as closed_at',
        'projects.change_count',
      ])
      .where('projects.id', 'in', projectIdsOf(db, scope))
      .execute(),

  /**
   * How many projects the scope holds and the sum of their change counts: each change raises one,
   * so two equal tallies mean nothing in the scope has changed in between (decision 013).
   */
  async changeTally(db: Kysely<Database>, scope: PortfolioScope): Promise<{ projects: number; changes: number }> {
    const row = await db
      .selectFrom('projects')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('projects'),
        eb.fn.sum<number | string | null>('projects.change_count').as('changes'),
      ])
      .where('projects.id', 'in', projectIdsOf(db, scope))
      .executeTakeFirstOrThrow();
    return { projects: Number(row.projects), changes: Number(row.changes ?? 0) };
  },

  /** The roles the viewer's person holds, per project: what decides which projects they see. */
  heldRoles: (db: Kysely<Database>, personId: string) =>
    db
      .selectFrom('role_assignments')
      .select(['role_assignments.project_id', 'role_assignments.role_key'])
      .where('role_assignments.person_id', '=', personId)
      .execute(),

  activities: (db: Kysely<Database>, scope: PortfolioScope) =>
    db
      .selectFrom('activities')
      .select([
        'activities.id',
        'activities.project_id',
        'activities.template_activity_key',
        'activities.title',
        'activities.customer_role_keys',
        'activities.vendor_role_keys',
        'activities.deadline',
        'activities.done_at',
      ])
      .where('activities.project_id', 'in', projectIdsOf(db, scope))
      .execute(),

  keyActivities: (db: Kysely<Database>, scope: PortfolioScope) =>
    db
      .selectFrom('key_activities')
      .select([
        'key_activities.id',
        'key_activities.project_id',
        'key_activities.template_key',
        'key_activities.title',
        'key_activities.date',
        'key_activities.position',
      ])
      .where('key_activities.project_id', 'in', projectIdsOf(db, scope))
      .execute(),

  /** Each project's newest step decision: the one in force. */
  newestStepDecisions: (db: Kysely<Database>, scope: PortfolioScope) =>
    db
      .selectFrom('project_step_decisions as decision')
      .select(['decision.project_id', 'decision.step_number', 'decision.derived_step_number'])
      .where('decision.project_id', 'in', projectIdsOf(db, scope))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('project_step_decisions as newer')
              .select('newer.id')
              .whereRef('newer.project_id', '=', 'decision.project_id')
              .where((eb) =>
                eb.or([
                  eb('newer.created_at', '>', eb.ref('decision.created_at')),
                  eb.and([
                    eb('newer.created_at', '=', eb.ref('decision.created_at')),
                    eb('newer.id', '>', eb.ref('decision.id')),
                  ]),
                ]),
              ),
          ),
        ),
      )
      .execute(),

  /** Every role holding with the holder's name and customer (null: one of the vendor's people). */
  roleHoldings: (db: Kysely<Database>, scope: PortfolioScope) =>
    db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select([
        'role_assignments.project_id',
        'role_assignments.role_key',
        'role_assignments.school_id',
        'role_assignments.person_id',
        'people.name as person_name',
        'people.customer_id as person_customer_id',
      ])
      .where('role_assignments.project_id', 'in', projectIdsOf(db, scope))
      .execute(),

  /** The schools of every customer with a project in the scope. */
  schools: (db: Kysely<Database>, scope: PortfolioScope) =>
    db
      .selectFrom('schools')
      .select(['schools.id', 'schools.customer_id'])
      .where((eb) =>
        eb(
          'schools.customer_id',
          'in',
          eb.selectFrom('projects').select('projects.customer_id').where('projects.id', 'in', projectIdsOf(db, scope)),
        ),
      )
      .execute(),

  /** The participant ranges projects have set instead of the template's, and how they chose to split. */
  trainingRanges: (db: Kysely<Database>, scope: PortfolioScope) =>
    db
      .selectFrom('project_trainings')
      .select([
        'project_trainings.project_id',
        'project_trainings.training_key',
        'project_trainings.min_participants',
        'project_trainings.max_participants',
        'project_trainings.split_choice',
      ])
      .where('project_trainings.project_id', 'in', projectIdsOf(db, scope))
      .execute(),

  /** Confirmed sessions per project and training. */
  async sessionCounts(db: Kysely<Database>, scope: PortfolioScope) {
    const rows = await db
      .selectFrom('training_sessions')
      .select((eb) => [
        'training_sessions.project_id',
        'training_sessions.training_key',
        eb.fn.countAll<number | string>().as('sessions'),
      ])
      .where('training_sessions.project_id', 'in', projectIdsOf(db, scope))
      .groupBy(['training_sessions.project_id', 'training_sessions.training_key'])
      .execute();
    return rows.map((row) => ({ ...row, sessions: Number(row.sessions) }));
  },

  async effectGoals(db: Kysely<Database>, scope: PortfolioScope) {
    const rows = await db
      .selectFrom('goals')
      .select(['goals.id', 'goals.project_id', 'goals.baseline', 'goals.target', 'goals.target_date'])
      .where('goals.kind', '=', 'effect')
      .where('goals.project_id', 'in', projectIdsOf(db, scope))
      .execute();
    return rows.map((row) => ({ ...row, baseline: numberOrNull(row.baseline), target: numberOrNull(row.target) }));
  },

  /**
   * Each goal's latest measurement: the latest day, and of several that day the one recorded last
   * (as `latestMeasurement` chooses), so the page does not load every measurement ever taken.
   */
  async latestMeasurements(db: Kysely<Database>, scope: PortfolioScope) {
    const rows = await db
      .selectFrom('goal_measurements as measurement')
      .select(['measurement.goal_id', 'measurement.value', 'measurement.measured_on', 'measurement.created_at'])
      .where('measurement.project_id', 'in', projectIdsOf(db, scope))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('goal_measurements as later')
              .select('later.id')
              .whereRef('later.goal_id', '=', 'measurement.goal_id')
              .where((eb) =>
                eb.or([
                  eb('later.measured_on', '>', eb.ref('measurement.measured_on')),
                  eb.and([
                    eb('later.measured_on', '=', eb.ref('measurement.measured_on')),
                    eb.or([
                      eb('later.created_at', '>', eb.ref('measurement.created_at')),
                      eb.and([
                        eb('later.created_at', '=', eb.ref('measurement.created_at')),
                        eb('later.id', '>', eb.ref('measurement.id')),
                      ]),
                    ]),
                  ]),
                ]),
              ),
          ),
        ),
      )
      .execute();
    return rows.map((row) => ({ ...row, value: Number(row.value) }));
  },

  /** When someone of the customer last changed something in each project. */
  lastCustomerChanges: (db: Kysely<Database>, scope: PortfolioScope) =>
    db
      .selectFrom('audit_events')
      .innerJoin('users', 'users.id', 'audit_events.actor_user_id')
      .select((eb) => ['audit_events.project_id', eb.fn.max('audit_events.created_at').as('changed_at')])
      .where('users.role', '=', 'customer')
      .where('audit_events.project_id', 'in', projectIdsOf(db, scope))
      .groupBy('audit_events.project_id')
      .execute(),
};
