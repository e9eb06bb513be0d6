import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../shared/timeline.js';
import { escapeHtml, ganttTasks, stateOf, timelineSummary } from './gantt.js';

const marks = { key: '◆', done: '✓', overdue: 'Försenad:' };

const item = (overrides: Partial<TimelineItem>): TimelineItem => ({
  id: 'a1',
  kind: 'activity',
  title: 'Avtalspåskrift',
  date: '2026-11-20',
  done: false,
  overdue: false,
  groupTitle: 'Uppstart',
  version: 1,
  ...overrides,
});

describe('ganttTasks', () => {
  it('draws a dated item as a one-day bar', () => {
    expect(ganttTasks([item({})], marks)).toEqual([
      {
        id: 'a1',
        name: 'Avtalspåskrift',
        start: '2026-11-20',
        end: '2026-11-20',
        progress: 0,
        custom_class: 'timeline-activity-open',
      },
    ]);
  });

  it('leaves out key activities without a date (the table lists them)', () => {
    expect(ganttTasks([item({ kind: 'key', date: null })], marks)).toEqual([]);
  });

  it('tells kind and state in one class name and in the words of the label', () => {
    const [key, done, overdue] = ganttTasks(
      [
        item({ id: 'k', kind: 'key', title: 'Uppstartsmöte' }),
        item({ id: 'd', done: true }),
        item({ id: 'o', overdue: true, title: 'Beställning' }),
      ],
      marks,
    );
    expect(key).toMatchObject({ name: '◆ Uppstartsmöte', custom_class: 'timeline-key-open' });
    expect(done).toMatchObject({ name: '✓ Avtalspåskrift', custom_class: 'timeline-activity-done' });
    expect(overdue).toMatchObject({ name: 'Försenad: Beställning', custom_class: 'timeline-activity-overdue' });
    // The library adds the class with classList.add, which refuses a space.
    for (const task of [key, done, overdue]) expect(task.custom_class).not.toMatch(/\s/);
  });

  it('hands titles to the library as text, never as markup', () => {
    const [task] = ganttTasks([item({ title: '<img src=x onerror=alert(1)> & "Åsa"' })], marks);
    expect(task.name).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Åsa&quot;');
  });
});

describe('escapeHtml', () => {
  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
    expect(escapeHtml('Förankra planen')).toBe('Förankra planen');
  });
});

describe('stateOf', () => {
  it('is done before overdue, and open otherwise', () => {
    expect(stateOf({ done: true, overdue: true })).toBe('done');
    expect(stateOf({ done: false, overdue: true })).toBe('overdue');
    expect(stateOf({ done: false, overdue: false })).toBe('open');
  });
});

describe('timelineSummary', () => {
  it('counts what the chart shows, from the first date to the last', () => {
    const summary = timelineSummary([
      item({ id: '1', date: '2027-02-01', kind: 'key' }),
      item({ id: '2', date: '2026-10-19', done: true }),
      item({ id: '3', date: '2026-11-18', overdue: true }),
      item({ id: '4', date: null, kind: 'key' }),
    ]);
    expect(summary).toEqual({ count: 3, from: '2026-10-19', to: '2027-02-01', keys: 1, done: 1, overdue: 1 });
  });

  it('is nothing when nothing is dated', () => {
    expect(timelineSummary([item({ kind: 'key', date: null })])).toBeNull();
    expect(timelineSummary([])).toBeNull();
  });
});
