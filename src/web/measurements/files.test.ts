import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/measurements.js';
import { columnsSetting, fileSlots, rememberedColumns } from './files.js';

const [roster, events] = fileSlots.coverage;
const remembered: Mapping = {
  method: 'coverage',
  columns: {
    roster: { student: 'Personnummer', group: 'Ämne' },
    events: { student: 'Elev-id', group: null, date: 'Bedömningsdatum' },
  },
};

describe('rememberedColumns', () => {
  it('offers the columns used last time when the new file has them', () => {
    expect(rememberedColumns(remembered, 'coverage', roster, ['Namn', 'Personnummer', 'Ämne'])).toEqual({
      student: 'Personnummer',
      group: 'Ämne',
    });
  });

  it('leaves a field to choose when its remembered column is missing from the file', () => {
    expect(rememberedColumns(remembered, 'coverage', events, ['Elev-id', 'Datum'])).toEqual({
      student: 'Elev-id',
      group: '',
      date: '',
    });
  });

  it('remembers nothing from the other method', () => {
    expect(rememberedColumns(remembered, 'share_by_date', fileSlots.share_by_date[0], ['Personnummer'])).toEqual({
      label: '',
      date: '',
    });
    expect(rememberedColumns(null, 'coverage', roster, ['Personnummer'])).toEqual({ student: '', group: '' });
  });
});

describe('columnsSetting', () => {
  it('sends an optional column left out as null and a required one as empty, for the schema to name', () => {
    expect(columnsSetting('coverage', { roster: { student: 'Elev', group: '' }, events: { date: 'Datum' } })).toEqual({
      roster: { student: 'Elev', group: null },
      events: { student: '', group: null, date: 'Datum' },
    });
  });
});
