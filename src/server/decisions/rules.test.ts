import { describe, expect, it } from 'vitest';
import type { Goal, KeyActivity } from '../../shared/plan.js';
import {
  byPendingThenNewest,
  deciderOf,
  decisionFromRequest,
  decisionMatches,
  firstRepeated,
  freezeChanges,
  goalChangeProblem,
  mayDecideChanges,
  mayRecordDecisions,
  readableChanges,
} from './rules.js';

const decision = (overrides: Partial<Parameters<typeof decisionMatches>[0]> = {}) => ({
  number: 3,
  title: 'Rubriker till IUP och åtgärdsprogram',
  background: 'Projektgruppen diskuterade vilka rubriker skolorna använder i dag.',
  decision: 'Vi använder Skolverkets rubriker från höstterminen.',
  ...overrides,
});

const keyActivity = (overrides: Partial<KeyActivity> = {}): KeyActivity => ({
  id: 'ka-skarp',
  position: 4,
  templateKey: 'skarp-start',
  title: 'Systemet är klart för att börja användas skarpt',
  description: '',
  date: '2027-03-01',
  version: 2,
  ...overrides,
});

const goal = (overrides: Partial<Goal> = {}): Goal => ({
  id: 'goal-effect',
  kind: 'effect',
  position: 0,
  title: 'Alla elever bedöms i varje ämne',
  description: '',
  measure: 'Andel elever med bedömning',
  unit: 'percent',
  unitLabel: null,
  baseline: 40,
  target: 90,
  targetDate: '2027-06-15',
  deliverable: null,
  dueDate: null,
  budgetSek: null,
  version: 1,
  ...overrides,
});

const projectGoal = goal({
  id: 'goal-project',
  kind: 'project',
  title: 'Integration med elevregistret',
  measure: null,
  unit: null,
  baseline: null,
  target: null,
  targetDate: null,
  deliverable: 'integration',
  dueDate: '2027-03-01',
  budgetSek: 120000,
});

describe('who decides and records', () => {
  const viewer = (heldRoleKeys: string[], edit = false, closed = false) => ({
    heldRoleKeys,
    permissions: { edit },
    closed,
  });

  it('lets a Styrgrupp member or the Beställare decide on changes, as the Styrgrupp when holding both', () => {
    expect(deciderOf(['styrgrupp'])).toBe('styrgrupp');
    expect(deciderOf(['bestallare'])).toBe('bestallare');
    expect(deciderOf(['bestallare', 'styrgrupp'])).toBe('styrgrupp');
    expect(deciderOf(['projektledare', 'projektgrupp'])).toBeNull();
    expect(deciderOf([])).toBeNull();
    expect(mayDecideChanges(viewer(['styrgrupp']))).toBe(true);
    expect(mayDecideChanges(viewer(['projektledare'], true))).toBe(false);
  });

  it('lets plan writers and the Styrgrupp record decisions, and nobody once the project is closed', () => {
    expect(mayRecordDecisions(viewer(['projektledare'], true))).toBe(true);
    expect(mayRecordDecisions(viewer(['styrgrupp']))).toBe(true);
    expect(mayRecordDecisions(viewer(['rektor']))).toBe(false);
    expect(mayRecordDecisions(viewer(['styrgrupp'], false, true))).toBe(false);
    expect(mayDecideChanges(viewer(['styrgrupp'], false, true))).toBe(false);
  });
});

describe('searching the decision log', () => {
  it('finds a decision by its number, with or without #', () => {
    expect(decisionMatches(decision(), '3')).toBe(true);
    expect(decisionMatches(decision(), '#3')).toBe(true);
    expect(decisionMatches(decision({ number: 4 }), '#3')).toBe(false);
  });

  it('takes a bare number also as text, but "#3" only as the number', () => {
    const spring = decision({ number: 7, decision: 'Skarp start den 3 mars.' });
    expect(decisionMatches(spring, '3')).toBe(true);
    expect(decisionMatches(spring, '#3')).toBe(false);
  });

  it('looks in the title, background and decision whatever the case, Swedish letters included', () => {
    expect(decisionMatches(decision(), 'ÅTGÄRDSPROGRAM')).toBe(true);
    expect(decisionMatches(decision(), 'skolverkets')).toBe(true);
    expect(decisionMatches(decision(), 'diskuterade')).toBe(true);
    expect(decisionMatches(decision(), 'frånvaro')).toBe(false);
  });

  it('matches letters written decomposed (a + ring) like composed ones', () => {
    expect(decisionMatches(decision(), 'a\u030atga\u0308rdsprogram')).toBe(true);
  });

  it('wants every word somewhere', () => {
    expect(decisionMatches(decision(), 'iup höstterminen')).toBe(true);
    expect(decisionMatches(decision(), 'iup frånvaro')).toBe(false);
    expect(decisionMatches(decision(), '#3 iup')).toBe(true);
    expect(decisionMatches(decision(), '   ')).toBe(true);
  });
});

describe('the order of change requests', () => {
  it('puts those waiting for a decision first, newest first within each', () => {
    const requests = [
      { number: 1, status: 'approved' as const },
      { number: 2, status: 'pending' as const },
      { number: 3, status: 'rejected' as const },
      { number: 4, status: 'pending' as const },
    ];
    expect(requests.sort(byPendingThenNewest).map((request) => request.number)).toEqual([4, 2, 3, 1]);
  });
});

describe('what a goal change may change', () => {
  it("changes an effect goal's target and target date, a project goal's due date and budget", () => {
    expect(goalChangeProblem(goal(), { field: 'target', to: 95 })).toBeNull();
    expect(goalChangeProblem(goal(), { field: 'targetDate', to: '2027-12-15' })).toBeNull();
    expect(goalChangeProblem(projectGoal, { field: 'dueDate', to: '2027-04-01' })).toBeNull();
    expect(goalChangeProblem(projectGoal, { field: 'budgetSek', to: 150000 })).toBeNull();
    expect(goalChangeProblem(goal(), { field: 'budgetSek', to: 150000 })).toBe(
      'Ett effektmål ändras i målvärde eller datum för målvärdet',
    );
    expect(goalChangeProblem(projectGoal, { field: 'target', to: 3 })).toBe(
      'Ett projektmål ändras i datum eller budget',
    );
  });

  it('keeps a percentage within 0–100 and a budget in whole, non-negative kronor', () => {
    expect(goalChangeProblem(goal(), { field: 'target', to: 120 })).toBe('En procentsats ligger mellan 0 och 100');
    expect(goalChangeProblem(goal({ unit: 'count' }), { field: 'target', to: 120 })).toBeNull();
    expect(goalChangeProblem(projectGoal, { field: 'budgetSek', to: -1 })).toBe(
      'Ange budgeten i hela kronor, inte negativ',
    );
    expect(goalChangeProblem(projectGoal, { field: 'budgetSek', to: 10.5 })).toBe(
      'Ange budgeten i hela kronor, inte negativ',
    );
  });
});

describe('repeated changes', () => {
  it('finds the first change naming a target already named', () => {
    const ids = (values: string[]) => values.map((value) => ({ id: value }));
    expect(firstRepeated(ids(['a', 'b', 'c']), (change) => change.id)).toBe(-1);
    expect(firstRepeated(ids(['a', 'b', 'a', 'b']), (change) => change.id)).toBe(2);
  });
});

describe('the changes of a request as read', () => {
  const stored = {
    dateChanges: [{ keyActivityId: 'ka-skarp', to: '2027-03-15', title: 'Skarp start (när den begärdes)' }],
    goalChanges: [{ goalId: 'goal-effect', field: 'target' as const, to: 95, title: 'Bedömning' }],
  };

  it("reads a waiting request's values before against the plan as it is now", () => {
    expect(readableChanges(stored, { keyActivities: [keyActivity()], goals: [goal()] })).toEqual({
      dateChanges: [
        {
          keyActivityId: 'ka-skarp',
          title: 'Systemet är klart för att börja användas skarpt',
          from: '2027-03-01',
          to: '2027-03-15',
        },
      ],
      goalChanges: [
        { goalId: 'goal-effect', field: 'target', title: 'Alla elever bedöms i varje ämne', from: 90, to: 95 },
      ],
    });
  });

  it('names a removed target by its title when the request was written', () => {
    const read = readableChanges(stored, { keyActivities: [], goals: [] });
    expect(read.dateChanges[0]).toEqual({
      keyActivityId: 'ka-skarp',
      title: 'Skarp start (när den begärdes)',
      from: null,
      to: '2027-03-15',
    });
    expect(read.goalChanges[0].from).toBeNull();
  });

  it("reads a decided request's values as they were at the decision, whatever the plan says now", () => {
    const decided = {
      dateChanges: [{ ...stored.dateChanges[0], title: 'Skarp start', from: '2027-03-01' }],
      goalChanges: [{ ...stored.goalChanges[0], from: null }],
    };
    const read = readableChanges(decided, {
      keyActivities: [keyActivity({ date: '2027-03-15' })],
      goals: [goal({ target: 95 })],
    });
    expect(read.dateChanges[0]).toMatchObject({ title: 'Skarp start', from: '2027-03-01', to: '2027-03-15' });
    expect(read.goalChanges[0]).toMatchObject({ from: null, to: 95 });
  });
});

describe('freezing the changes at the decision', () => {
  const stored = {
    dateChanges: [{ keyActivityId: 'ka-skarp', to: '2027-03-15', title: 'Skarp start' }],
    goalChanges: [
      { goalId: 'goal-project', field: 'budgetSek' as const, to: 150000, title: 'Integration' },
      { goalId: 'goal-project', field: 'dueDate' as const, to: '2027-04-01', title: 'Integration' },
    ],
  };

  it('keeps each target’s title and value at the decision', () => {
    const frozen = freezeChanges(stored, { keyActivities: [keyActivity()], goals: [projectGoal] });
    expect(frozen.problems).toEqual([]);
    expect(frozen.dateChanges).toEqual([
      {
        keyActivityId: 'ka-skarp',
        to: '2027-03-15',
        title: 'Systemet är klart för att börja användas skarpt',
        from: '2027-03-01',
      },
    ]);
    expect(frozen.goalChanges.map((change) => change.from)).toEqual([120000, '2027-03-01']);
  });

  it('names every change that can no longer be made: removed targets and a goal turned into another kind', () => {
    const frozen = freezeChanges(stored, {
      keyActivities: [],
      goals: [goal({ id: 'goal-project', title: 'Integration' })],
    });
    expect(frozen.problems).toEqual([
      '”Skarp start” har tagits bort ur tidplanen',
      '”Integration”: Ett effektmål ändras i målvärde eller datum för målvärdet',
      '”Integration”: Ett effektmål ändras i målvärde eller datum för målvärdet',
    ]);
    expect(freezeChanges(stored, { keyActivities: [keyActivity()], goals: [] }).problems).toEqual([
      'Målet ”Integration” har tagits bort ur planen',
      'Målet ”Integration” har tagits bort ur planen',
    ]);
  });
});

describe('the decision an approved request becomes', () => {
  const request = {
    title: 'Skarp start flyttas två veckor',
    change: 'Skarp start flyttas från 1 mars till 15 mars.',
    reason: 'Importen av elevdata blev försenad.',
    consequence: '',
    proposal: 'Styrgruppen beslutar att skarp start flyttas till 15 mars.',
  };

  it('takes the title, what changes and why as background, and the proposal as the decision', () => {
    expect(decisionFromRequest(request, '')).toEqual({
      title: 'Skarp start flyttas två veckor',
      background: 'Skarp start flyttas från 1 mars till 15 mars.\n\nSkäl: Importen av elevdata blev försenad.',
      decision: 'Styrgruppen beslutar att skarp start flyttas till 15 mars.',
    });
  });

  it('adds the consequence and the comment when there are any', () => {
    const made = decisionFromRequest({ ...request, consequence: 'Utbildningen flyttas också.' }, 'Ingen mer flytt.');
    expect(made.background).toContain('\n\nKonsekvens: Utbildningen flyttas också.');
    expect(made.decision).toBe(
      'Styrgruppen beslutar att skarp start flyttas till 15 mars.\n\nKommentar: Ingen mer flytt.',
    );
  });
});
