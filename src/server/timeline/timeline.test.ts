import { describe, expect, it } from 'vitest';
import { timelineItems } from './timeline.js';

const today = '2027-03-01';
const key = (id: string, date: string | null, position = 0) => ({ id, position, title: id, date, version: 1 });
const activity = (id: string, deadline: string, done = false, position = 0) => ({
  id,
  position,
  title: id,
  deadline,
  done,
  groupTitle: 'Uppstart',
  version: 1,
});

describe('timelineItems', () => {
  it('puts key activities and deadlines in one list by date, undated key activities last', () => {
    const items = timelineItems(
      [key('möte', '2027-03-10'), key('odaterad', null, 1), key('start', '2027-02-01', 2)],
      [activity('avtal', '2027-03-05'), activity('import', '2027-04-01')],
      today,
    );
    expect(items.map((item) => `${item.kind}:${item.id}`)).toEqual([
      'key:start',
      'activity:avtal',
      'key:möte',
      'activity:import',
      'key:odaterad',
    ]);
  });

  it('on the same day puts the key activity first, then each kind in its own order', () => {
    const items = timelineItems(
      [key('k2', '2027-03-05', 2), key('k1', '2027-03-05', 1)],
      [activity('a2', '2027-03-05', false, 7), activity('a1', '2027-03-05', false, 3)],
      today,
    );
    expect(items.map((item) => item.id)).toEqual(['k1', 'k2', 'a1', 'a2']);
  });

  it('marks open activities past their deadline as overdue, and key activities past their day as done', () => {
    const items = timelineItems(
      [key('passerad', '2027-02-28'), key('idag', today)],
      [activity('sen', '2027-02-28'), activity('klar', '2027-02-28', true), activity('idag', today)],
      today,
    );
    const state = Object.fromEntries(items.map((item) => [`${item.kind}:${item.id}`, [item.done, item.overdue]]));
    expect(state).toEqual({
      'key:passerad': [true, false],
      'key:idag': [false, false],
      'activity:sen': [false, true],
      'activity:klar': [true, false],
      'activity:idag': [false, false],
    });
    expect(items.find((item) => item.kind === 'activity')?.groupTitle).toBe('Uppstart');
    expect(items.find((item) => item.kind === 'key')).not.toHaveProperty('groupTitle');
  });
});
