import { describe, expect, it } from 'vitest';
import { createShareByDate } from './share-by-date.js';

const rows = [
  { label: 'Åsa', registeredOn: '2027-04-02' },
  { label: 'Åsa', registeredOn: '2027-03-01' },
  { label: 'Erik', registeredOn: '' },
  { label: 'Erik', registeredOn: '2027-04-10' },
  { label: 'Märta', registeredOn: '' },
  { label: 'Bo', registeredOn: '2027-03-30' },
  { label: 'Bo', registeredOn: '2027-03-31' },
];

describe('share by date per student', () => {
  it('counts a student registered when any of their rows was registered by the date', () => {
    const perStudent = createShareByDate('2027-03-31', Number.POSITIVE_INFINITY, true);
    for (const row of rows) expect(perStudent.addRow(row)).toBeNull();
    expect(perStudent.result()).toEqual({
      counted: 'students',
      rowsRead: 7,
      registered: 2,
      total: 4,
      share: 0.5,
      neverRegistered: 1,
      registeredLater: 1,
      notRegistered: [{ label: 'Erik (registrerad 2027-04-10)' }, { label: 'Märta' }],
    });
  });

  it('counts the same rows one by one without it', () => {
    const perRow = createShareByDate('2027-03-31');
    for (const row of rows) perRow.addRow(row);
    expect(perRow.result()).toMatchObject({ registered: 3, total: 7 });
  });

  it('leaves an unreadable date out, and a student with only such rows is not counted', () => {
    const perStudent = createShareByDate('2027-03-31', Number.POSITIVE_INFINITY, true);
    expect(perStudent.addRow({ label: 'Ali', registeredOn: 'snart' })).not.toBeNull();
    expect(perStudent.addRow({ label: 'Åsa', registeredOn: '2027-03-01' })).toBeNull();
    expect(perStudent.result()).toMatchObject({ rowsRead: 1, registered: 1, total: 1 });
  });
});
