import { describe, expect, it } from 'vitest';
import type { DeliveryStepKey } from '../../shared/delivery.js';
import {
  activityOfStep,
  chainOf,
  type DeliveryViewer,
  isActivityThrough,
  latestStepOf,
  markProblem,
  mayMarkStep,
  nextStepOf,
} from './rules.js';

const SCHOOL = 'school-1';
const done = (...keys: DeliveryStepKey[]) => new Set(keys);
const doneOn = (entries: [DeliveryStepKey, string][]) => new Map(entries);

describe('the order of the steps', () => {
  it('walks a school through its four steps and the main account through its one', () => {
    expect(chainOf(SCHOOL)).toEqual(['skolkonto-levererat', 'overlamnat', 'eget-adminkonto', 'anvandarkonton']);
    expect(chainOf(null)).toEqual(['huvudkonto']);
    expect(nextStepOf(chainOf(SCHOOL), done())).toBe('skolkonto-levererat');
    expect(nextStepOf(chainOf(SCHOOL), done('skolkonto-levererat', 'overlamnat'))).toBe('eget-adminkonto');
    expect(nextStepOf(chainOf(null), done('huvudkonto'))).toBeNull();
    expect(latestStepOf(chainOf(SCHOOL), done())).toBeNull();
    expect(latestStepOf(chainOf(SCHOOL), done('skolkonto-levererat', 'overlamnat'))).toBe('overlamnat');
  });

  const base = { schoolId: SCHOOL, doneOn: '2027-03-02', today: '2027-03-05' } as const;

  it('lets the next step be marked between the previous step and today', () => {
    expect(markProblem({ ...base, stepKey: 'skolkonto-levererat', doneOnByStep: doneOn([]) })).toBeNull();
    expect(
      markProblem({ ...base, stepKey: 'overlamnat', doneOnByStep: doneOn([['skolkonto-levererat', '2027-03-02']]) }),
    ).toBeNull();
    expect(markProblem({ ...base, schoolId: null, stepKey: 'huvudkonto', doneOnByStep: doneOn([]) })).toBeNull();
  });

  it('refuses a step out of order, twice, in the wrong chain, in the future or before the step before it', () => {
    expect(markProblem({ ...base, stepKey: 'eget-adminkonto', doneOnByStep: doneOn([]) })).toEqual({
      kind: 'waitsFor',
      stepKey: 'skolkonto-levererat',
    });
    expect(
      markProblem({
        ...base,
        stepKey: 'skolkonto-levererat',
        doneOnByStep: doneOn([['skolkonto-levererat', '2027-03-01']]),
      }),
    ).toEqual({ kind: 'alreadyDone' });
    expect(markProblem({ ...base, stepKey: 'huvudkonto', doneOnByStep: doneOn([]) })).toEqual({ kind: 'wrongChain' });
    expect(markProblem({ ...base, schoolId: null, stepKey: 'overlamnat', doneOnByStep: doneOn([]) })).toEqual({
      kind: 'wrongChain',
    });
    expect(
      markProblem({ ...base, doneOn: '2027-03-06', stepKey: 'skolkonto-levererat', doneOnByStep: doneOn([]) }),
    ).toEqual({ kind: 'inFuture' });
    expect(
      markProblem({
        ...base,
        doneOn: '2027-02-28',
        stepKey: 'overlamnat',
        doneOnByStep: doneOn([['skolkonto-levererat', '2027-03-01']]),
      }),
    ).toEqual({ kind: 'beforePrevious', previousOn: '2027-03-01' });
  });
});

describe('who may mark a step', () => {
  const viewer = (overrides: Partial<DeliveryViewer>): DeliveryViewer => ({
    role: 'customer',
    edits: false,
    heldRoleKeys: new Set(),
    schoolRoleKeys: new Map(),
    ...overrides,
  });
  const vendorAdmin = viewer({ role: 'vendor_admin', edits: true });
  const deliveryLead = viewer({ role: 'vendor_staff', heldRoleKeys: new Set(['leveransansvarig']) });
  const projectSupport = viewer({ role: 'vendor_staff', heldRoleKeys: new Set(['projektstodjare']) });
  const orderer = viewer({ edits: true, heldRoleKeys: new Set(['bestallare']) });
  const contact = viewer({
    heldRoleKeys: new Set(['kontaktperson']),
    schoolRoleKeys: new Map([[SCHOOL, new Set(['kontaktperson'])]]),
  });
  const administrator = viewer({
    heldRoleKeys: new Set(['administrator']),
    schoolRoleKeys: new Map([[SCHOOL, new Set(['administrator'])]]),
  });
  const principal = viewer({
    heldRoleKeys: new Set(['rektor']),
    schoolRoleKeys: new Map([[SCHOOL, new Set(['rektor'])]]),
  });

  it('gives the vendor steps to the vendor admin and the Leveransansvarig only', () => {
    for (const stepKey of ['huvudkonto', 'skolkonto-levererat'] as const) {
      const schoolId = stepKey === 'huvudkonto' ? null : SCHOOL;
      expect(mayMarkStep(vendorAdmin, stepKey, schoolId)).toBe(true);
      expect(mayMarkStep(deliveryLead, stepKey, schoolId)).toBe(true);
      expect(mayMarkStep(projectSupport, stepKey, schoolId)).toBe(false);
      expect(mayMarkStep(orderer, stepKey, schoolId)).toBe(false);
      expect(mayMarkStep(contact, stepKey, schoolId)).toBe(false);
    }
  });

  it('gives the hand-over to the plan writers and the Beställare', () => {
    expect(mayMarkStep(orderer, 'overlamnat', SCHOOL)).toBe(true);
    expect(mayMarkStep(vendorAdmin, 'overlamnat', SCHOOL)).toBe(true);
    expect(mayMarkStep(viewer({ heldRoleKeys: new Set(['bestallare']) }), 'overlamnat', SCHOOL)).toBe(true);
    expect(mayMarkStep(contact, 'overlamnat', SCHOOL)).toBe(false);
    expect(mayMarkStep(deliveryLead, 'overlamnat', SCHOOL)).toBe(false);
  });

  it("gives the school's own accounts to the plan writers and that school's Kontaktperson or Administratör", () => {
    for (const stepKey of ['eget-adminkonto', 'anvandarkonton'] as const) {
      expect(mayMarkStep(orderer, stepKey, SCHOOL)).toBe(true);
      expect(mayMarkStep(contact, stepKey, SCHOOL)).toBe(true);
      expect(mayMarkStep(administrator, stepKey, SCHOOL)).toBe(true);
      expect(mayMarkStep(contact, stepKey, 'another-school')).toBe(false);
      expect(mayMarkStep(principal, stepKey, SCHOOL)).toBe(false);
      expect(mayMarkStep(deliveryLead, stepKey, SCHOOL)).toBe(false);
    }
  });
});

describe('the linked checklist activities', () => {
  const allSchoolSteps = done('skolkonto-levererat', 'overlamnat', 'eget-adminkonto', 'anvandarkonton');

  it('maps every step to the activity it stands for', () => {
    expect(activityOfStep('huvudkonto')).toBe('leverans-system');
    expect(activityOfStep('skolkonto-levererat')).toBe('leverans-system');
    expect(activityOfStep('overlamnat')).toBe('dela-ut-konton');
    expect(activityOfStep('eget-adminkonto')).toBe('dela-ut-konton');
    expect(activityOfStep('anvandarkonton')).toBe('anvandarkonton');
  });

  it('is through when every school (and for the delivery the main account) is', () => {
    const progress = { main: done('huvudkonto'), schools: [allSchoolSteps, done('skolkonto-levererat', 'overlamnat')] };
    expect(isActivityThrough('leverans-system', progress)).toBe(true);
    expect(isActivityThrough('dela-ut-konton', progress)).toBe(false);
    expect(isActivityThrough('anvandarkonton', progress)).toBe(false);
    expect(isActivityThrough('dela-ut-konton', { ...progress, schools: [allSchoolSteps, allSchoolSteps] })).toBe(true);
  });

  it('waits for the main account as well as the schools for the delivery itself', () => {
    expect(isActivityThrough('leverans-system', { main: done(), schools: [allSchoolSteps] })).toBe(false);
    expect(isActivityThrough('anvandarkonton', { main: done(), schools: [allSchoolSteps] })).toBe(true);
  });

  it('is never through for a customer without schools', () => {
    for (const key of ['leverans-system', 'dela-ut-konton', 'anvandarkonton'] as const) {
      expect(isActivityThrough(key, { main: done('huvudkonto'), schools: [] })).toBe(false);
    }
  });
});
