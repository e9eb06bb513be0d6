import { describe, expect, it } from 'vitest';
import { type ChecklistSheetRow, checklistCsv } from './spreadsheet.js';

const row = (overrides: Partial<ChecklistSheetRow> = {}): ChecklistSheetRow => ({
  group: 'Uppstart',
  activity: 'Avtalspåskrift',
  customerResponsible: 'Beställare',
  vendorResponsible: '',
  deadline: '2027-03-15',
  done: '',
  comments: 0,
  ...overrides,
});

const text = (csv: Buffer) => csv.toString('utf8');

describe('checklistCsv', () => {
  it('starts with a UTF-8 byte order mark and writes å, ä and ö as UTF-8', () => {
    const csv = checklistCsv([row({ activity: 'Öppna brandväggar på Åkerby skolor' })]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(csv)).toContain('Öppna brandväggar på Åkerby skolor');
  });

  it('separates cells with semicolons and ends every line with CRLF', () => {
    expect(text(checklistCsv([row()]))).toBe(
      '\ufeffGrupp;Aktivitet;Ansvarig hos kunden;Ansvarig hos leverantören;Deadline;Klart;Kommentarer\r\n' +
        'Uppstart;Avtalspåskrift;Beställare;;2027-03-15;;0\r\n',
    );
  });

  it('quotes cells with a separator, a quote or a line break, doubling quotes', () => {
    const csv = text(checklistCsv([row({ activity: 'Möte; "viktigt"\nrad två', deadline: null, comments: 3 })]));
    expect(csv.split('\r\n')[1]).toBe('Uppstart;"Möte; ""viktigt""\nrad två";Beställare;;;;3');
  });

  it('keeps a cell that looks like a formula from being run as one', () => {
    const csv = text(checklistCsv([row({ activity: '=HYPERLINK("http://x")' }), row({ activity: '-1+1' })]));
    expect(csv).toContain(';"\'=HYPERLINK(""http://x"")";');
    expect(csv).toContain(";'-1+1;");
  });
});
