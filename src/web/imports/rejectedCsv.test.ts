import { describe, expect, it } from 'vitest';
import { rejectedRowsCsv } from './rejectedCsv.js';

describe('the rows an import turned away, as CSV', () => {
  it('has the line, the reason and the values, quoted where Excel needs it', () => {
    const csv = rejectedRowsCsv(
      {
        row: 'Rad',
        reason: 'Orsak',
        fields: [
          { key: 'name', label: 'Namn' },
          { key: 'email', label: 'E-post' },
        ],
      },
      [
        { rowNumber: 3, reason: 'E-post: Ange en giltig e-postadress', values: { name: 'Per "P" Fel', email: 'per@' } },
        { rowNumber: 9, reason: 'Namn: Namn saknas; Skola: okänd', values: { name: '', email: '=1+1' } },
        { rowNumber: 12, reason: 'Fel', values: undefined },
      ],
    );
    expect(csv).toBe(
      '\uFEFFRad;Orsak;Namn;E-post\r\n' +
        '3;E-post: Ange en giltig e-postadress;"Per ""P"" Fel";per@\r\n' +
        '9;"Namn: Namn saknas; Skola: okänd";;\'=1+1\r\n' +
        '12;Fel;;\r\n',
    );
  });
});
