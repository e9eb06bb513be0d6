import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import {
  type GoalTracking,
  type GoalTrackingList,
  type Mapping,
  type Measurement,
  mappingSchema,
  type recordMeasurementBodySchema,
  suggestedMeasure,
  type updateMeasurementSettingsBodySchema,
} from '../../shared/measurements.js';
import type { SnapshotGoalMeasurements } from '../../shared/revisions.js';
import { type ProjectAccess, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { customerTermDates } from '../customers/service.js';
import type { Database } from '../db/schema.js';
import { collectionDatesByGoal, nextCollectionDate } from './collection.js';
import { escalateChange } from './escalation.js';
import { type EffectGoalRow, type MeasurementRow, measurementRepository, type SettingsRow } from './repository.js';
import { toGoalPath, toMailGoal, toMeasurement } from './rows.js';
import { goalStatus, latestMeasurement, readableValue } from './status.js';

type RecordMeasurementBody = z.infer<typeof recordMeasurementBodySchema>;
type UpdateMeasurementSettingsBody = z.infer<typeof updateMeasurementSettingsBodySchema>;

const invalid = (message: string, field: string, problem: string) =>
  new AppError('VALIDATION_FAILED', message, { [field]: problem });

const auditOf = (user: CurrentUser, access: ProjectAccess) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
});

// ---- Who may measure ----

/**
 * Whether the user may record and delete measurements of the goal and compute them from files:
 * those who write the plan and the vendor admin (both `edit`), and the person named to measure
 * the goal. Only for a goal of the project.
 */
export async function mayMeasure(
  context: AppContext,
  access: ProjectAccess,
  user: CurrentUser,
  goalId: string,
): Promise<boolean> {
  if (access.rolePermissions.edit) return true;
  if (!user.personId) return false;
  return (await measurementRepository.measurerOf(context.db, access.project.id, goalId)) === user.personId;
}

/**
 * The effect goal the user is about to measure: 404 for no such goal in the project, 403 for
 * someone who may not measure it, 400 for a project goal (those are delivered, not measured).
 */
export async function requireMeasurableGoal(
  context: AppContext,
  access: ProjectAccess,
  user: CurrentUser,
  goalId: string,
): Promise<EffectGoalRow> {
  const goal = await measurementRepository.findGoal(context.db, access.project.id, goalId);
  if (!goal) throw notFound('Målet');
  if (!(await mayMeasure(context, access, user, goalId))) {
    throw new AppError(
      'FORBIDDEN',
      'Bara den som skriver planen eller den som är utsedd att mäta målet får registrera mätningar',
    );
  }
  if (goal.kind !== 'effect') {
    throw invalid('Bara effektmål följs upp med mätningar', 'goalId', 'Inte ett effektmål');
  }
  return goal;
}

// ---- Reading ----

/** The mapping stored with or without its method; null when there is none or it no longer reads. */
function storedMapping(settings: SettingsRow | undefined): Mapping | null {
  if (!settings?.mapping) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(settings.mapping);
  } catch {
    return null;
  }
  const whole = mappingSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const columnsOnly = mappingSchema.safeParse({ method: settings.method, columns: stored });
  return columnsOnly.success ? columnsOnly.data : null;
}

interface ProjectTracking {
  startDate: string;
  goals: GoalTracking[];
  settings: SettingsRow[];
  /** Measurement rows per goal, oldest first, for what needs their ids. */
  measurementRows: Map<string, MeasurementRow[]>;
}

/** Every effect goal of the project with its measurements and status on `today`: six queries, however many goals. */
async function loadProjectTracking(
  context: AppContext,
  access: ProjectAccess,
  today: string,
): Promise<ProjectTracking> {
  const { db } = context;
  const projectId = access.project.id;
  const [[project], goals, measurements, settings, items, links] = await Promise.all([
    measurementRepository.projects(db, [projectId]),
    measurementRepository.effectGoals(db, projectId),
    measurementRepository.measurementsOfProject(db, projectId),
    measurementRepository.settingsOfProject(db, projectId),
    measurementRepository.evaluationItemsOfProject(db, projectId),
    measurementRepository.evaluationLinksOfProject(db, projectId),
  ]);
  if (!project) throw notFound('Projektet');
  const datesByGoal = collectionDatesByGoal(
    items.map((item) => ({ id: item.id, collectionDates: JSON.parse(item.collection_dates) as string[] })),
    links.map((link) => ({ evaluationItemId: link.evaluation_item_id, goalId: link.goal_id })),
  );
  const settingsByGoal = new Map(settings.map((row) => [row.goal_id, row]));
  const measurementRows = new Map<string, MeasurementRow[]>();
  for (const row of measurements) measurementRows.set(row.goal_id, [...(measurementRows.get(row.goal_id) ?? []), row]);

  return {
    startDate: project.start_date,
    settings,
    measurementRows,
    goals: goals.map((goal): GoalTracking => {
      const goalSettings = settingsByGoal.get(goal.id);
      const goalMeasurements = (measurementRows.get(goal.id) ?? []).map(toMeasurement);
      const collectionDates = datesByGoal.get(goal.id) ?? [];
      const path = toGoalPath(goal, project.start_date);
      const mapping = storedMapping(goalSettings);
      return {
        goal: {
          id: goal.id,
          title: goal.title,
          measure: goal.measure,
          unit: goal.unit,
          unitLabel: goal.unit_label,
          baseline: path.baseline,
          target: path.target,
          targetDate: goal.target_date,
        },
        measurer:
          goalSettings?.measurer_person_id && goalSettings.measurer_name !== null
            ? { id: goalSettings.measurer_person_id, name: goalSettings.measurer_name }
            : null,
        settingsVersion: goalSettings?.version ?? 0,
        collectionDates,
        nextCollectionDate: nextCollectionDate(collectionDates, today),
        status: goalStatus(path, goalMeasurements, today),
        measurements: goalMeasurements,
        mapping,
        measure: mapping?.measure
          ? { value: mapping.measure, suggested: false }
          : { value: suggestedMeasure(goal.title, goal.measure), suggested: true },
      };
    }),
  };
}

/** The Måluppföljning page: every effect goal with its measurements, status and schedule, and what the user may do. */
export async function getGoalTracking(
  context: AppContext,
  access: ProjectAccess,
  user: CurrentUser,
): Promise<GoalTrackingList> {
  const today = stockholmDay(context.clock.now());
  const [tracking, people, termDates] = await Promise.all([
    loadProjectTracking(context, access, today),
    measurementRepository.customerPeople(context.db, access.project.customerId),
    customerTermDates(context, access.project.customerId),
  ]);
  const measuresSome =
    user.personId !== null && tracking.settings.some((row) => row.measurer_person_id === user.personId);
  return {
    startDate: tracking.startDate,
    goals: tracking.goals,
    people,
    termDates,
    may: { measure: access.rolePermissions.edit || measuresSome, configure: access.rolePermissions.edit },
  };
}

/** Each effect goal's measurements and status as they stand, for a revision of the plan. */
export async function measurementSnapshot(
  context: AppContext,
  access: ProjectAccess,
): Promise<{ goalMeasurements: SnapshotGoalMeasurements[] }> {
  const tracking = await loadProjectTracking(context, access, stockholmDay(context.clock.now()));
  return {
    goalMeasurements: tracking.goals.map((entry) => ({
      goalId: entry.goal.id,
      status: entry.status,
      measurements: entry.measurements,
    })),
  };
}

// ---- Recording and deleting ----

const computationFilesSchema = z.object({ fileNames: z.array(z.string()) });

/** The files a computation was made from, as the measurement's source. */
function filesOf(result: string): string {
  try {
    const parsed = computationFilesSchema.safeParse(JSON.parse(result));
    return parsed.success ? parsed.data.fileNames.join(', ') : '';
  } catch {
    return '';
  }
}

async function projectOf(db: Kysely<Database>, projectId: string) {
  const [project] = await measurementRepository.projects(db, [projectId]);
  if (!project) throw notFound('Projektet');
  return project;
}

type ProjectRow = Awaited<ReturnType<typeof projectOf>>;

/** "72 %" or "340 elever", in the goal's unit. */
const figureOf = (goal: EffectGoalRow, value: number) =>
  readableValue({ unit: goal.unit, unitLabel: goal.unit_label }, value);

const auditView = (goal: EffectGoalRow, measurement: Measurement) => ({
  goal: goal.title,
  measuredOn: measurement.measuredOn,
  value: measurement.value,
  method: measurement.method,
  source: measurement.source,
  comment: measurement.comment,
});

/**
 * After a measurement is recorded or deleted: mails the person informed about the goals when the
 * change made the goal fall behind or miss its target.
 */
async function escalateIfWorse(
  context: AppContext,
  project: ProjectRow,
  goal: EffectGoalRow,
  change: { before: MeasurementRow[]; after: MeasurementRow[] },
): Promise<void> {
  const today = stockholmDay(context.clock.now());
  const path = toGoalPath(goal, project.start_date);
  const after = change.after.map(toMeasurement);
  await escalateChange(context, goalStatus(path, change.before.map(toMeasurement), today), {
    project: { id: project.id, name: project.name, customerName: project.customer_name },
    goal: toMailGoal(goal),
    status: goalStatus(path, after, today),
    latestMeasurementId: latestMeasurement(after)?.id ?? null,
  });
}

/**
 * Records a measurement of an effect goal: entered by hand, or taken from a computation of the
 * same goal (its value, method and files). Percentages lie between 0 and 100, and nothing is
 * measured on a day that has not come yet.
 */
export async function recordMeasurement(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  goalId: string,
  body: RecordMeasurementBody,
): Promise<Measurement> {
  const goal = await requireMeasurableGoal(context, access, user, goalId);
  const today = stockholmDay(context.clock.now());
  if (body.measuredOn > today) {
    throw invalid('Mätdatumet kan inte ligga i framtiden', 'measuredOn', 'Datumet har inte kommit än');
  }
  let figures: Pick<MeasurementRow, 'value' | 'method' | 'source' | 'computation_id'>;
  if ('computationId' in body) {
    const computation = await measurementRepository.findComputation(context.db, goalId, body.computationId);
    if (!computation) throw notFound('Beräkningen');
    figures = {
      value: Number(computation.value),
      method: computation.method,
      source: filesOf(computation.result),
      computation_id: computation.id,
    };
  } else {
    if (goal.unit === 'percent' && body.value > 100) {
      throw invalid('En procentsats ligger mellan 0 och 100', 'value', 'Högst 100 %');
    }
    figures = { value: body.value, method: 'manual', source: body.source, computation_id: null };
  }
  const row: MeasurementRow = {
    id: newId(),
    goal_id: goalId,
    project_id: access.project.id,
    measured_on: body.measuredOn,
    ...figures,
    comment: body.comment,
    recorded_by_user_id: user.id,
    recorded_by_name: user.name,
    created_at: context.clock.now().toISOString(),
  };
  const measurement = toMeasurement(row);
  const project = await projectOf(context.db, access.project.id);
  const before = await context.db.transaction().execute(async (trx) => {
    const earlier = await measurementRepository.measurementsOfGoals(trx, [goalId]);
    await measurementRepository.insertMeasurement(trx, row);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'measurement.recorded',
      entityType: 'measurement',
      entityId: row.id,
      summary: `Registrerade mätningen ${figureOf(goal, measurement.value)} (${row.measured_on}) för ”${goal.title}”`,
      after: auditView(goal, measurement),
    });
    return earlier;
  });
  await escalateIfWorse(context, project, goal, { before, after: [...before, row] });
  return measurement;
}

/** Removes a measurement of an effect goal. */
export async function deleteMeasurement(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  goalId: string,
  measurementId: string,
): Promise<void> {
  const goal = await requireMeasurableGoal(context, access, user, goalId);
  const project = await projectOf(context.db, access.project.id);
  const before = await context.db.transaction().execute(async (trx) => {
    const earlier = await measurementRepository.measurementsOfGoals(trx, [goalId]);
    const row = earlier.find((candidate) => candidate.id === measurementId);
    if (!row || !(await measurementRepository.deleteMeasurement(trx, measurementId))) throw notFound('Mätningen');
    const measurement = toMeasurement(row);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'measurement.deleted',
      entityType: 'measurement',
      entityId: row.id,
      summary: `Tog bort mätningen ${figureOf(goal, measurement.value)} (${row.measured_on}) för ”${goal.title}”`,
      before: auditView(goal, measurement),
    });
    return earlier;
  });
  await escalateIfWorse(context, project, goal, {
    before,
    after: before.filter((row) => row.id !== measurementId),
  });
}

// ---- Settings ----

const staleSettings = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat vem som mäter målet sedan du öppnade sidan. Ladda om och gör ändringen igen.',
  );

/**
 * Names who measures an effect goal (and is reminded on its collection dates), on the settings'
 * version: 0 when none were saved, so that two people saving the first settings at once cannot
 * both succeed.
 */
export async function updateMeasurementSettings(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  goalId: string,
  body: UpdateMeasurementSettingsBody,
): Promise<GoalTracking> {
  requireEdit(access);
  const { db } = context;
  const goal = await measurementRepository.findGoal(db, access.project.id, goalId);
  if (!goal) throw notFound('Målet');
  if (goal.kind !== 'effect') throw invalid('Bara effektmål följs upp med mätningar', 'goalId', 'Inte ett effektmål');
  const personId = body.measurerPersonId;
  if (personId && (await measurementRepository.personCustomerId(db, personId)) !== access.project.customerId) {
    throw invalid('Välj en person hos kunden', 'measurerPersonId', 'Personen hör inte till kunden');
  }
  const now = context.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const current = await measurementRepository.findSettings(trx, goalId);
    const saved =
      body.version === 0
        ? await measurementRepository.insertSettings(trx, {
            goal_id: goalId,
            project_id: access.project.id,
            measurer_person_id: personId,
            updated_at: now,
          })
        : await measurementRepository.updateMeasurerIfVersion(
            trx,
            { goalId, version: body.version },
            { measurer_person_id: personId, updated_at: now },
          );
    if (!saved) throw staleSettings();
    const nameOf = async (id: string | null | undefined) => (id ? measurementRepository.personName(trx, id) : null);
    const beforeName = await nameOf(current?.measurer_person_id);
    const afterName = await nameOf(personId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'goal.measurer_changed',
      entityType: 'goal',
      entityId: goalId,
      summary: afterName ? `Utsåg ${afterName} att mäta ”${goal.title}”` : `Tog bort vem som mäter ”${goal.title}”`,
      before: { measurer: beforeName },
      after: { measurer: afterName },
    });
  });
  const tracking = await loadProjectTracking(context, access, stockholmDay(context.clock.now()));
  const saved = tracking.goals.find((entry) => entry.goal.id === goalId);
  if (!saved) throw notFound('Målet');
  return saved;
}
