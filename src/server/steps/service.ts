import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ProjectStep, ProjectSteps, SetStepBody, StepDecision } from '../../shared/steps.js';
import type { ProjectAccess } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { stockholmDay } from '../core/days.js';
import { AppError } from '../core/errors.js';
import { newOrderedId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { PROJECT_SUPPORTER_ROLE } from '../organisation/service.js';
import { getVendorName } from '../settings/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { type StepDecisionRow, stepRepository } from './repository.js';
import { type DerivedSteps, decisionDirection, deriveSteps, stepInForce } from './rules.js';

/** A closed project has passed every step: there is nothing left to hold or move. */
const mayDecide = (access: ProjectAccess): boolean =>
  !access.closed && (access.permissions.edit || access.heldRoleKeys.includes(PROJECT_SUPPORTER_ROLE));

/** The newest decision, unless it let the data decide again. */
const decisionInForce = (newestFirst: readonly StepDecisionRow[]) => {
  const newest = newestFirst[0];
  return newest && newest.step_number !== null ? newest : null;
};

const asDecision = (row: StepDecisionRow) => ({
  stepNumber: row.step_number,
  derivedStepNumber: row.derived_step_number,
});

const toDecision = (row: StepDecisionRow): StepDecision => ({
  id: row.id,
  stepNumber: row.step_number,
  derivedStepNumber: row.derived_step_number,
  direction: decisionDirection(asDecision(row)),
  reason: row.reason,
  decidedBy: { name: row.decided_by_name },
  createdAt: row.created_at,
});

/** The steps as the data gives them on `today`, with the vendor's name in the template's texts. */
async function deriveProjectSteps(
  db: Kysely<Database>,
  access: ProjectAccess,
  vendorName: string,
  today: string,
): Promise<DerivedSteps> {
  const projectId = access.project.id;
  const [activities, keyActivities] = await Promise.all([
    stepRepository.templateActivities(db, projectId),
    stepRepository.templateKeyActivities(db, projectId),
  ]);
  return deriveSteps(
    withVendorName(access.template.implementationSteps, vendorName),
    activities.map((row) => ({
      id: row.id,
      templateKey: row.template_activity_key,
      title: row.title,
      deadline: row.deadline,
      done: row.done_at !== null,
    })),
    keyActivities.map((row) => ({ id: row.id, templateKey: row.template_key, title: row.title, date: row.date })),
    today,
  );
}

// A closed project has passed every step, the last one included.
const stateOf = (number: number, current: number, closed: boolean): ProjectStep['state'] =>
  number < current || closed ? 'done' : number === current ? 'current' : 'upcoming';

function projectSteps(
  access: ProjectAccess,
  derivation: DerivedSteps,
  decisionsNewestFirst: readonly StepDecisionRow[],
): ProjectSteps {
  const decision = decisionInForce(decisionsNewestFirst);
  const current = stepInForce(derivation.derived, decision && asDecision(decision), access.closed);
  const steps = derivation.steps.map((step) => ({
    number: step.number,
    key: step.key,
    title: step.title,
    description: step.description,
    state: stateOf(step.number, current, access.closed),
    requirements: step.requirements,
  }));
  const currentStep = steps.find((step) => step.number === current);
  return {
    current,
    derived: derivation.derived,
    allDone: derivation.allDone,
    closed: access.closed,
    decision: decision && toDecision(decision),
    steps,
    missingToMoveOn: access.closed ? [] : (currentStep?.requirements.filter((requirement) => !requirement.done) ?? []),
    history: decisionsNewestFirst.map(toDecision),
    may: { decide: mayDecide(access) },
  };
}

/** The project's ten steps: where it is, what each step requires, and every hold or move on it. */
export async function getProjectSteps(context: AppContext, access: ProjectAccess): Promise<ProjectSteps> {
  const vendorName = await getVendorName(context);
  const [derivation, decisions] = await Promise.all([
    deriveProjectSteps(context.db, access, vendorName, stockholmDay(context.clock.now())),
    stepRepository.decisions(context.db, access.project.id),
  ]);
  return projectSteps(access, derivation, decisions);
}

const auditActions = { hold: 'step.held', advance: 'step.advanced', follow_data: 'step.released' } as const;

function decisionSummary(row: StepDecisionRow, derivation: DerivedSteps): string {
  if (row.step_number === null) return `Steget följer underlaget igen: ${row.reason}`;
  const step = `${row.step_number} (${derivation.steps.find((candidate) => candidate.number === row.step_number)?.title})`;
  return decisionDirection(asDecision(row)) === 'advance'
    ? `Steget flyttas fram till ${step}: ${row.reason}`
    : `Steget hålls kvar på ${step}: ${row.reason}`;
}

/**
 * Holds the project at a step, moves it on to one, or lets its data decide again, with a reason.
 * `version` is the number of decisions the client saw, so that two people steering the same
 * project at once do not overrule each other unseen.
 */
export async function setProjectStep(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  body: SetStepBody,
): Promise<ProjectSteps> {
  if (!mayDecide(access)) {
    throw new AppError(
      'FORBIDDEN',
      'Bara projektledningen (beställare, projektledare, projektgrupp) och leverantörens projektstödjare får hålla kvar eller flytta fram steget',
    );
  }
  const projectId = access.project.id;
  const at = context.clock.now();
  const vendorName = await getVendorName(context);
  return context.db.transaction().execute(async (trx) => {
    await stepRepository.lockProject(trx, context.databaseKind, projectId);
    const [derivation, decisions] = await Promise.all([
      deriveProjectSteps(trx, access, vendorName, stockholmDay(at)),
      stepRepository.decisions(trx, projectId),
    ]);
    if (body.version !== undefined && body.version !== decisions.length) {
      throw new AppError(
        'VERSION_CONFLICT',
        'Någon annan har ändrat steget sedan du öppnade det. Ladda om och gör ändringen igen.',
      );
    }
    const before = decisionInForce(decisions);
    if (body.stepNumber === null && !before) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Steget följer redan underlaget: välj ett steg att hålla kvar eller flytta fram projektet till',
        {
          stepNumber: 'Välj ett steg',
        },
      );
    }
    const row: StepDecisionRow = {
      id: newOrderedId(),
      project_id: projectId,
      step_number: body.stepNumber,
      derived_step_number: derivation.derived,
      reason: body.reason,
      decided_by_user_id: user.id,
      decided_by_name: user.name,
      created_at: at.toISOString(),
    };
    await stepRepository.insertDecision(trx, row);
    const result = projectSteps(access, derivation, [row, ...decisions]);
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId,
      action: auditActions[decisionDirection(asDecision(row))],
      entityType: 'project_step',
      entityId: row.id,
      summary: decisionSummary(row, derivation),
      before: {
        step: stepInForce(derivation.derived, before && asDecision(before), false),
        decision: before && { stepNumber: before.step_number, reason: before.reason },
      },
      after: {
        step: result.current,
        derivedStep: derivation.derived,
        decision: body.stepNumber === null ? null : { stepNumber: body.stepNumber, reason: body.reason },
      },
    });
    return result;
  });
}
