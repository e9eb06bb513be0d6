import { describe, expect, it } from 'vitest';
import type { EntityChange, PlanDiff } from '../../shared/revisions.js';
import { changedGroupCounts, sharesWords } from './diffGroups.js';

const change = (label: string): EntityChange => ({ id: label, label, change: 'added', fields: [] });

const emptyDiff: PlanDiff = {
  from: { number: 1, takenAt: '2026-05-01T10:00:00.000Z' },
  to: { number: null, takenAt: '2026-05-02T10:00:00.000Z' },
  sections: [],
  goals: [],
  evaluation: [],
  risks: [],
  successFactors: [],
  timeline: [],
  checklist: [],
  organisation: [],
  communication: [],
  decisions: [],
  processGuide: [],
  changeCount: 0,
};

describe('changedGroupCounts', () => {
  it('counts sections first, then each kind of item in the order of the plan, leaving out what did not change', () => {
    const diff: PlanDiff = {
      ...emptyDiff,
      sections: [{ key: 'bakgrund', title: 'Bakgrund', fields: [] }],
      timeline: [change('Utbildning'), change('Driftstart')],
      goals: [change('Fler vårdnadshavare loggar in')],
      changeCount: 4,
    };
    expect(changedGroupCounts(diff)).toEqual([
      { group: 'sections', count: 1 },
      { group: 'goals', count: 1 },
      { group: 'timeline', count: 2 },
    ]);
  });

  it("counts the communication plan's items and then the process guide's texts last", () => {
    const text = { field: 'introduction', label: 'Inledning', before: '', after: 'Ny', parts: [] };
    const diff: PlanDiff = {
      ...emptyDiff,
      processGuide: [text, { ...text, field: 'goal-1:usage' }],
      communication: [change('Informationsmöte')],
      organisation: [change('Projektledare: Åsa Öberg')],
      changeCount: 4,
    };
    expect(changedGroupCounts(diff)).toEqual([
      { group: 'organisation', count: 1 },
      { group: 'communication', count: 1 },
      { group: 'processGuide', count: 2 },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(changedGroupCounts(emptyDiff)).toEqual([]);
  });
});

describe('sharesWords', () => {
  it('is true only when an unchanged run holds a word', () => {
    expect(
      sharesWords([
        { kind: 'same', text: 'Målvärde ' },
        { kind: 'removed', text: '80' },
        { kind: 'added', text: '90' },
      ]),
    ).toBe(true);
    expect(
      sharesWords([
        { kind: 'removed', text: '80' },
        { kind: 'same', text: ' ' },
        { kind: 'added', text: '90' },
      ]),
    ).toBe(false);
  });
});
