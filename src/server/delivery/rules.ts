import type { UserRole } from '../../shared/auth.js';
import {
  type DeliveryActivityKey,
  type DeliveryStepKey,
  deliveryActivityKeys,
  schoolStepKeys,
} from '../../shared/delivery.js';

/**
 * The rules of the delivery, school by school. The main administrator account is a chain of one
 * step of its own: the schools' accounts do not wait for it, nor it for them.
 */
export const chainOf = (schoolId: string | null): readonly DeliveryStepKey[] =>
  schoolId === null ? ['huvudkonto'] : schoolStepKeys;

export type StepSide = 'vendor' | 'customer';

export const sideOf = (stepKey: DeliveryStepKey): StepSide =>
  stepKey === 'huvudkonto' || stepKey === 'skolkonto-levererat' ? 'vendor' : 'customer';

/** The role whose holder is proposed as the one who did the step, and whether it is held per school. */
export const suggestedRoleOf: Record<DeliveryStepKey, { roleKey: string; atSchool: boolean }> = {
  huvudkonto: { roleKey: 'leveransansvarig', atSchool: false },
  'skolkonto-levererat': { roleKey: 'leveransansvarig', atSchool: false },
  overlamnat: { roleKey: 'bestallare', atSchool: false },
  'eget-adminkonto': { roleKey: 'kontaktperson', atSchool: true },
  anvandarkonton: { roleKey: 'kontaktperson', atSchool: true },
};

/** The first step of the chain not yet done; null when the chain is through. */
export const nextStepOf = (chain: readonly DeliveryStepKey[], done: ReadonlySet<DeliveryStepKey>) =>
  chain.find((key) => !done.has(key)) ?? null;

/** The last step of the chain done; only it may be undone. */
export const latestStepOf = (chain: readonly DeliveryStepKey[], done: ReadonlySet<DeliveryStepKey>) =>
  chain.findLast((key) => done.has(key)) ?? null;

export type MarkProblem =
  | { kind: 'wrongChain' }
  | { kind: 'alreadyDone' }
  | { kind: 'waitsFor'; stepKey: DeliveryStepKey }
  | { kind: 'beforePrevious'; previousOn: string }
  | { kind: 'inFuture' };

/**
 * Why the step may not be marked done on `doneOn`, or null when it may: it must belong to the chain,
 * not be done yet, come right after the last step done, and fall between that step's day and today.
 */
export function markProblem(input: {
  schoolId: string | null;
  stepKey: DeliveryStepKey;
  doneOn: string;
  today: string;
  /** The chain's steps done so far, with the day each was done. */
  doneOnByStep: ReadonlyMap<DeliveryStepKey, string>;
}): MarkProblem | null {
  const chain = chainOf(input.schoolId);
  if (!chain.includes(input.stepKey)) return { kind: 'wrongChain' };
  if (input.doneOnByStep.has(input.stepKey)) return { kind: 'alreadyDone' };
  const next = nextStepOf(chain, new Set(input.doneOnByStep.keys()));
  if (next !== input.stepKey) return { kind: 'waitsFor', stepKey: next ?? input.stepKey };
  if (input.doneOn > input.today) return { kind: 'inFuture' };
  const previous = chain[chain.indexOf(input.stepKey) - 1];
  const previousOn = previous && input.doneOnByStep.get(previous);
  if (previousOn && input.doneOn < previousOn) return { kind: 'beforePrevious', previousOn };
  return null;
}

/** Who is asking, as far as the delivery goes. */
export interface DeliveryViewer {
  role: UserRole;
  /** Writes the plan (permissions.edit). */
  edits: boolean;
  /** Roles held in the project, at any level. */
  heldRoleKeys: ReadonlySet<string>;
  /** Roles held at each school, by school id. */
  schoolRoleKeys: ReadonlyMap<string, ReadonlySet<string>>;
}

const SCHOOL_ACCOUNT_ROLES = ['kontaktperson', 'administrator'];

/**
 * The vendor's steps are the vendor admin's or a Leveransansvarig's; the hand-over is for the plan
 * writers or a Beställare; the school's own accounts for the plan writers or the school's own
 * Kontaktperson or Administratör.
 */
export function mayMarkStep(viewer: DeliveryViewer, stepKey: DeliveryStepKey, schoolId: string | null): boolean {
  if (sideOf(stepKey) === 'vendor') {
    return (
      viewer.role === 'vendor_admin' || (viewer.role === 'vendor_staff' && viewer.heldRoleKeys.has('leveransansvarig'))
    );
  }
  if (viewer.edits) return true;
  if (stepKey === 'overlamnat') return viewer.heldRoleKeys.has('bestallare');
  const atSchool = schoolId === null ? undefined : viewer.schoolRoleKeys.get(schoolId);
  return SCHOOL_ACCOUNT_ROLES.some((roleKey) => atSchool?.has(roleKey));
}

/** The Swedish refusal for someone who may not mark (or undo) the step. */
export function forbiddenMessage(stepKey: DeliveryStepKey): string {
  if (sideOf(stepKey) === 'vendor') return 'Bara leverantörens leveransansvarig markerar leverantörens steg';
  if (stepKey === 'overlamnat') return 'Bara beställaren eller den som skriver planen markerar överlämningen';
  return 'Bara skolans kontaktperson eller administratör, eller den som skriver planen, markerar det här steget';
}

/** The steps each linked checklist activity stands for; `huvudkonto` is the project's, the rest every school's. */
export const stepsOfActivity: Record<DeliveryActivityKey, readonly DeliveryStepKey[]> = {
  'leverans-system': ['huvudkonto', 'skolkonto-levererat'],
  'dela-ut-konton': ['overlamnat', 'eget-adminkonto'],
  anvandarkonton: ['anvandarkonton'],
};

export const activityOfStep = (stepKey: DeliveryStepKey): DeliveryActivityKey =>
  deliveryActivityKeys.find((key) => stepsOfActivity[key].includes(stepKey)) as DeliveryActivityKey;

export interface DeliveryProgress {
  main: ReadonlySet<DeliveryStepKey>;
  /** The steps done, per school of the customer. */
  schools: readonly ReadonlySet<DeliveryStepKey>[];
}

/**
 * Whether every school (and for the delivery itself the main account) is through the steps the
 * activity stands for. A customer without schools has delivered nothing yet.
 */
export function isActivityThrough(activityKey: DeliveryActivityKey, progress: DeliveryProgress): boolean {
  if (progress.schools.length === 0) return false;
  return stepsOfActivity[activityKey].every((stepKey) =>
    stepKey === 'huvudkonto' ? progress.main.has(stepKey) : progress.schools.every((done) => done.has(stepKey)),
  );
}
