import { describe, expect, it } from 'vitest';
import { changeRequestInputSchema } from '../../shared/steering.js';
import {
  changeableFields,
  changeRequestBody,
  emptyChangeRequest,
  linkChoiceOf,
  linksOf,
  signedKronor,
  spentPercent,
} from './view.js';

const goalId = '5b0a4f0e-4a8f-4c56-9f0e-2f2b7a1c3d4e';
const keyActivityId = '0d6c1f7a-8a3b-4b6e-9f51-1c2d3e4f5a6b';

describe('spentPercent', () => {
  it('is the actual amount in percent of the planned one, rounded', () => {
    expect(spentPercent(132_000, 110_000)).toBe(120);
    expect(spentPercent(1, 3)).toBe(33);
  });

  it('is null when nothing is planned, rather than dividing by zero', () => {
    expect(spentPercent(5_000, 0)).toBeNull();
  });
});

describe('signedKronor', () => {
  it('writes over and under with a sign, in Swedish kronor', () => {
    expect(signedKronor(22_000).replace(/\s/g, ' ')).toBe('+22 000 kr');
    expect(signedKronor(-5_000).replace(/\s/g, ' ')).toBe('−5 000 kr');
    expect(signedKronor(0).replace(/\s/g, ' ')).toBe('0 kr');
  });
});

describe('changeableFields', () => {
  it('offers an effect goal its target and date, a project goal its due date and budget', () => {
    expect(changeableFields('effect')).toEqual(['target', 'targetDate']);
    expect(changeableFields('project')).toEqual(['dueDate', 'budgetSek']);
  });
});

describe('changeRequestBody', () => {
  const filled = {
    ...emptyChangeRequest,
    title: 'Flytta skarp start',
    areas: ['time'],
    change: 'Skarp start flyttas två veckor',
    reason: 'Integrationen blir klar senare',
    proposal: 'Styrgruppen godkänner den nya tidpunkten',
  };

  it('gives the API what it takes: a budget as a number, a date as text, no meeting as null', () => {
    const body = changeRequestBody({
      ...filled,
      dateChanges: [{ keyActivityId, to: '2027-03-15' }],
      goalChanges: [{ goalId, field: 'budgetSek', to: 130_000 }],
    });
    expect(body.meetingId).toBeNull();
    expect(body.goalChanges).toEqual([{ goalId, field: 'budgetSek', to: 130_000 }]);
    expect(changeRequestInputSchema.safeParse(body).success).toBe(true);
  });

  it('leaves out what was not chosen, so the shared schema names the field', () => {
    const body = changeRequestBody({ ...filled, goalChanges: [{ goalId, field: 'dueDate', to: '' }] });
    const result = changeRequestInputSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['goalChanges.0.to']);
  });
});

describe('decision links', () => {
  it('are chosen per kind and sent as one list, sections first', () => {
    const links = [
      { kind: 'activity' as const, targetId: 'a1' },
      { kind: 'section' as const, targetId: 'mal' },
      { kind: 'goal' as const, targetId: goalId },
    ];
    const choice = linkChoiceOf(links);
    expect(choice).toEqual({ section: ['mal'], goal: [goalId], keyActivity: [], activity: ['a1'] });
    expect(linksOf(choice)).toEqual([links[1], links[2], links[0]]);
  });
});
