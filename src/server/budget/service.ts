import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  Budget,
  BudgetLine,
  budgetLineInputSchema,
  budgetLineUpdateBodySchema,
  budgetSettingsBodySchema,
} from '../../shared/budget.js';
import { type ProjectAccess, requireEdit } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { planRepository } from '../plan/repository.js';
import { toRisk } from '../plan/service.js';
import { riskStatusLabels } from '../revisions/readable.js';
import { budgetTotals, type Overrun, overrunOf, overrunReason, roundedPercent, wentOverThreshold } from './overrun.js';
import { type BudgetLineRow, budgetRepository } from './repository.js';

type BudgetLineInput = z.output<typeof budgetLineInputSchema>;
type BudgetLineUpdate = z.output<typeof budgetLineUpdateBodySchema>;
type BudgetSettingsBody = z.output<typeof budgetSettingsBodySchema>;

/** Until a project sets its own, actuals more than 10 % above plan count as a cost overrun. */
export const DEFAULT_OVERRUN_THRESHOLD_PERCENT = 10;
const COST_OVERRUN_CAUSE = 'kostnadsoverdrag';
const COST_OVERRUN_TITLE = 'Kostnadsöverdrag';

const toBudgetLine = (row: BudgetLineRow): BudgetLine => ({
  id: row.id,
  position: row.position,
  title: row.title,
  plannedSek: row.planned_sek,
  actualSek: row.actual_sek,
  version: row.version,
});

const auditView = (line: BudgetLine) => ({
  title: line.title,
  plannedSek: line.plannedSek,
  actualSek: line.actualSek,
});

const auditOf = (user: CurrentUser, access: ProjectAccess) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
});

const staleVersion = (what: string) =>
  new AppError(
    'VERSION_CONFLICT',
    `Någon annan har ändrat ${what} sedan du öppnade budgeten. Ladda om och gör ändringen igen.`,
  );

interface BudgetState {
  lines: BudgetLineRow[];
  plannedSek: number;
  actualSek: number;
  thresholdPercent: number;
  settingsVersion: number;
  overrun: Overrun;
}

async function budgetState(db: Kysely<Database>, projectId: string): Promise<BudgetState> {
  const [lines, settings] = await Promise.all([
    budgetRepository.lines(db, projectId),
    budgetRepository.settings(db, projectId),
  ]);
  const totals = budgetTotals(lines.map((line) => ({ plannedSek: line.planned_sek, actualSek: line.actual_sek })));
  const thresholdPercent = settings?.overrun_threshold_percent ?? DEFAULT_OVERRUN_THRESHOLD_PERCENT;
  return {
    lines,
    ...totals,
    thresholdPercent,
    settingsVersion: settings?.version ?? 0,
    overrun: overrunOf(totals, thresholdPercent),
  };
}

const costOverrunRisk = async (db: Kysely<Database>, projectId: string) =>
  (await planRepository.risks(db, projectId)).find((risk) => risk.cause_key === COST_OVERRUN_CAUSE);

/**
 * Marks the plan's cost-overrun risk as occurred, saying why in the history; adds the risk, as the
 * template describes the cause, when the plan has none. An occurred risk is left as it is: the
 * budget only ever raises the risk, lowering it is a person's call.
 */
async function raiseCostOverrunRisk(
  context: AppContext,
  trx: Kysely<Database>,
  user: CurrentUser,
  access: ProjectAccess,
  state: BudgetState,
): Promise<void> {
  const projectId = access.project.id;
  const reason = overrunReason(state, state.thresholdPercent);
  const now = context.clock.now().toISOString();
  const existing = await costOverrunRisk(trx, projectId);
  if (existing?.status === 'occurred') return;
  if (existing) {
    const saved = await planRepository.updateRiskIfVersion(
      trx,
      { projectId, id: existing.id, version: existing.version },
      {
        title: existing.title,
        leadership_issue: existing.leadership_issue,
        likelihood: existing.likelihood,
        impact: existing.impact,
        mitigation: existing.mitigation,
        owner_person_id: existing.owner_person_id,
        status: 'occurred',
        updated_at: now,
      },
    );
    if (!saved) throw staleVersion('risken Kostnadsöverdrag');
  } else {
    const cause = access.template.riskCauses.find((candidate) => candidate.key === COST_OVERRUN_CAUSE);
    await planRepository.insertRisk(trx, {
      id: newId(),
      project_id: projectId,
      position: await planRepository.nextRiskPosition(trx, projectId),
      cause_key: COST_OVERRUN_CAUSE,
      title: cause?.title ?? COST_OVERRUN_TITLE,
      leadership_issue: cause?.leadershipIssue ? 1 : 0,
      likelihood: null,
      impact: null,
      mitigation: '',
      owner_person_id: null,
      status: 'occurred',
      created_at: now,
      updated_at: now,
    });
  }
  const after = await costOverrunRisk(trx, projectId);
  if (!after) throw notFound('Risken');
  await recordAudit(context, trx, {
    ...auditOf(user, access),
    action: existing ? 'risk.raised' : 'risk.created',
    entityType: 'risk',
    entityId: after.id,
    summary: `Risken ${after.title} ${existing ? 'sattes till' : 'lades till med status'} ”${riskStatusLabels.occurred}”: ${reason}`,
    before: existing ? toRisk(existing) : null,
    after: toRisk(after),
  });
}

/**
 * Runs a change of the budget and, in the same transaction, raises the cost-overrun risk when the
 * change takes the budget over the project's threshold.
 */
async function changeBudget<Result>(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  change: (trx: Kysely<Database>) => Promise<Result>,
): Promise<Result> {
  requireEdit(access);
  const projectId = access.project.id;
  return context.db.transaction().execute(async (trx) => {
    const before = await budgetState(trx, projectId);
    const result = await change(trx);
    const after = await budgetState(trx, projectId);
    if (wentOverThreshold(before.overrun, after.overrun)) {
      await raiseCostOverrunRisk(context, trx, user, access, after);
    }
    return result;
  });
}

export async function getBudget(context: AppContext, access: ProjectAccess): Promise<Budget> {
  const projectId = access.project.id;
  const db = context.db;
  const [state, goalsBudgetSek, risk] = await Promise.all([
    budgetState(db, projectId),
    budgetRepository.goalsBudgetSek(db, projectId),
    costOverrunRisk(db, projectId),
  ]);
  return {
    lines: state.lines.map(toBudgetLine),
    plannedSek: state.plannedSek,
    actualSek: state.actualSek,
    goalsBudgetSek,
    overrunThresholdPercent: state.thresholdPercent,
    overrunPercent: state.overrun.percent === null ? null : roundedPercent(state.overrun.percent),
    overThreshold: state.overrun.overThreshold,
    risk: risk ? { id: risk.id, title: risk.title, status: risk.status } : null,
    settingsVersion: state.settingsVersion,
    may: { edit: access.permissions.edit },
  };
}

async function requireLine(db: Kysely<Database>, projectId: string, lineId: string): Promise<BudgetLine> {
  const row = await budgetRepository.findLine(db, projectId, lineId);
  if (!row) throw notFound('Budgetposten');
  return toBudgetLine(row);
}

/** Adds a line last in the budget. */
export async function createBudgetLine(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  input: BudgetLineInput,
): Promise<BudgetLine> {
  const projectId = access.project.id;
  return changeBudget(context, user, access, async (trx) => {
    const now = context.clock.now().toISOString();
    const id = newId();
    await budgetRepository.insertLine(trx, {
      id,
      project_id: projectId,
      position: await budgetRepository.nextLinePosition(trx, projectId),
      title: input.title,
      planned_sek: input.plannedSek,
      actual_sek: input.actualSek,
      created_at: now,
      version: 1,
      updated_at: now,
    });
    const line = await requireLine(trx, projectId, id);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'budget_line.created',
      entityType: 'budget_line',
      entityId: id,
      summary: `Lade till budgetposten ${line.title}`,
      after: auditView(line),
    });
    return line;
  });
}

export async function updateBudgetLine(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  lineId: string,
  body: BudgetLineUpdate,
): Promise<BudgetLine> {
  const projectId = access.project.id;
  return changeBudget(context, user, access, async (trx) => {
    const before = await requireLine(trx, projectId, lineId);
    const saved = await budgetRepository.updateLineIfVersion(
      trx,
      { projectId, id: lineId, version: body.version },
      {
        title: body.title,
        planned_sek: body.plannedSek,
        actual_sek: body.actualSek,
        updated_at: context.clock.now().toISOString(),
      },
    );
    if (!saved) throw staleVersion('budgetposten');
    const after = await requireLine(trx, projectId, lineId);
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'budget_line.updated',
      entityType: 'budget_line',
      entityId: lineId,
      summary: `Ändrade budgetposten ${after.title}`,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function deleteBudgetLine(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  lineId: string,
  version: number,
): Promise<void> {
  const projectId = access.project.id;
  await changeBudget(context, user, access, async (trx) => {
    const before = await requireLine(trx, projectId, lineId);
    if (!(await budgetRepository.deleteLineIfVersion(trx, { projectId, id: lineId, version }))) {
      throw staleVersion('budgetposten');
    }
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'budget_line.deleted',
      entityType: 'budget_line',
      entityId: lineId,
      summary: `Tog bort budgetposten ${before.title}`,
      before: auditView(before),
    });
  });
}

/** Sets the threshold; version 0 saves the project's first own threshold in place of the default. */
export async function updateBudgetSettings(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: BudgetSettingsBody,
): Promise<Budget> {
  const projectId = access.project.id;
  await changeBudget(context, user, access, async (trx) => {
    const previous =
      (await budgetRepository.settings(trx, projectId))?.overrun_threshold_percent ?? DEFAULT_OVERRUN_THRESHOLD_PERCENT;
    const now = context.clock.now().toISOString();
    const threshold = body.overrunThresholdPercent;
    const saved =
      body.version === 0
        ? await budgetRepository.insertSettings(trx, {
            project_id: projectId,
            overrun_threshold_percent: threshold,
            version: 1,
            updated_at: now,
          })
        : await budgetRepository.updateSettingsIfVersion(
            trx,
            { projectId, version: body.version },
            { overrun_threshold_percent: threshold, updated_at: now },
          );
    if (!saved) throw staleVersion('gränsen för kostnadsöverdrag');
    await recordAudit(context, trx, {
      ...auditOf(user, access),
      action: 'budget_settings.updated',
      entityType: 'budget_settings',
      entityId: projectId,
      summary: `Ändrade gränsen för kostnadsöverdrag från ${previous} % till ${threshold} %`,
      before: { overrunThresholdPercent: previous },
      after: { overrunThresholdPercent: threshold },
    });
  });
  return getBudget(context, access);
}
