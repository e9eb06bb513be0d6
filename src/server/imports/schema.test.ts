import { describe, expect, it } from 'vitest';
import { type ImportPreview, importPreviewSchema } from '../../shared/imports.js';
import { responseSerializer } from '../core/serializer.js';

const compile = (checkWithZod: boolean) =>
  responseSerializer(checkWithZod)({
    schema: importPreviewSchema,
    method: 'POST',
    url: '/x',
    httpStatus: '200',
  } as never) as (data: unknown) => string;

describe('the preview response', () => {
  it('is written the same by the production serializer as by the zod-checked one', () => {
    const previews: ImportPreview[] = [
      {
        kind: 'schools',
        columns: { name: 'Skola', schoolForms: 'Skolformer' },
        rows: [
          {
            rowNumber: 2,
            values: { name: 'Älvskolan', schoolForms: ['grundskola'], schoolUnitCode: null },
            errors: {},
            status: 'new',
          },
        ],
        summary: { total: 1, ok: 1, errors: 0, duplicates: 0 },
      },
      {
        kind: 'people',
        columns: { name: 'Namn', email: 'E-post' },
        rows: [
          {
            rowNumber: 3,
            values: {
              name: 'Per "Fel"',
              email: 'per@',
              phone: null,
              title: 'Lärare',
              school: 'Månskolan',
              roles: 'Rektor, Vaktmästare',
            },
            errors: {
              email: 'Ange en giltig e-postadress',
              school: 'Skolan Månskolan finns inte',
              roles: 'Okänd roll i projektets mall: Vaktmästare',
            },
            status: 'error',
          },
        ],
        summary: { total: 1, ok: 0, errors: 1, duplicates: 0 },
        project: { id: '0190a1b2-0000-7000-8000-000000000001', name: 'Implementering' },
        roleSource: 'column',
        roleMapping: [
          { text: 'Rektor', roleKey: 'rektor', roleTitle: 'Rektor', level: 'school', rows: 1 },
          { text: 'Vaktmästare', roleKey: null, roleTitle: null, level: null, rows: 1 },
        ],
      },
    ];
    for (const preview of previews) {
      expect(JSON.parse(compile(false)(preview))).toEqual(preview);
      expect(JSON.parse(compile(true)(preview))).toEqual(preview);
    }
  });
});
