import { describe, expect, it } from 'vitest';
import { openItemCount, openTrainings } from './open-items.js';

const person = (personId: string) => ({ personId, name: personId, email: null, schoolName: null });
const missed = (personId: string, catchUpSessionId: string | null) => ({
  ...person(personId),
  sessionId: 's1',
  sessionDate: '2027-03-01',
  catchUpSessionId,
});

const training = (overrides: Partial<Parameters<typeof openTrainings>[0][number]>) => ({
  key: 'administratorer',
  title: 'Utbildning av administratörer',
  trainees: [person('a'), person('b')],
  sessionsNeeded: 2,
  sessions: [],
  missed: [],
  ...overrides,
});

// Only the length of the session list counts here.
const sessions = (count: number) =>
  Array.from({ length: count }, () => ({}) as Parameters<typeof openTrainings>[0][number]['sessions'][number]);

describe('the trainings still open at closure', () => {
  it('lists a training with fewer confirmed sessions than its people need', () => {
    expect(openTrainings([training({ sessions: sessions(1) })])).toEqual([
      { key: 'administratorer', title: 'Utbildning av administratörer', booked: 1, needed: 2, missed: 0 },
    ]);
  });

  it('leaves out a training with the sessions it needs, or nobody to train, or no maximum', () => {
    expect(openTrainings([training({ sessions: sessions(2) })])).toEqual([]);
    expect(openTrainings([training({ trainees: [], sessionsNeeded: 0 })])).toEqual([]);
    expect(openTrainings([training({ sessionsNeeded: null })])).toEqual([]);
  });

  it('lists a training where someone absent is not booked on a catch-up, whatever its sessions', () => {
    const open = openTrainings([
      training({ sessions: sessions(2), missed: [missed('a', null), missed('b', 'catch-up-1')] }),
      training({ key: 'rektorsutbildning', sessionsNeeded: null, sessions: sessions(1), missed: [missed('c', null)] }),
    ]);
    expect(open.map(({ key, booked, needed, missed }) => ({ key, booked, needed, missed }))).toEqual([
      { key: 'administratorer', booked: 2, needed: 2, missed: 1 },
      { key: 'rektorsutbildning', booked: 1, needed: 1, missed: 1 },
    ]);
  });

  it('drops a training once everyone absent is booked on a catch-up', () => {
    expect(openTrainings([training({ sessions: sessions(2), missed: [missed('a', 'catch-up-1')] })])).toEqual([]);
  });
});

describe('the open count the approver confirms', () => {
  it('adds activities, trainings and goals', () => {
    const open = {
      activities: [{ id: '1', title: 'a', groupTitle: 'g', deadline: null, overdue: false }],
      trainings: openTrainings([training({})]),
      goals: [
        { id: 'g1', title: 'mål', state: 'at_risk' as const, explanation: '' },
        { id: 'g2', title: 'mål', state: 'not_measured' as const, explanation: '' },
      ],
    };
    expect(openItemCount(open)).toBe(4);
    expect(openItemCount({ activities: [], trainings: [], goals: [] })).toBe(0);
  });
});
