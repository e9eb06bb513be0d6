import { z } from 'zod';
import { schoolForms } from './organisation.js';

/** What a file can import: the customer's schools, or its people (who may work at those schools). */
export const importKinds = ['schools', 'people'] as const;
export type ImportKind = (typeof importKinds)[number];

/** Largest file accepted for a preview. */
export const IMPORT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most data rows one file may hold. */
export const IMPORT_MAX_ROWS = 10_000;

export const importFields = {
  schools: ['name', 'schoolForms', 'schoolUnitCode'],
  people: ['name', 'email', 'phone', 'title', 'school'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type SchoolImportField = (typeof importFields.schools)[number];
export type PersonImportField = (typeof importFields.people)[number];

export const importQuerySchema = z.object({
  kind: z.enum(importKinds, { message: 'Ange vad som importeras: schools eller people' }),
});

/** A school as read from one row of the file, normalised. */
export const schoolImportValuesSchema = z.object({
  name: z.string(),
  schoolForms: z.array(z.enum(schoolForms)),
  schoolUnitCode: z.string().nullable(),
});
export type SchoolImportValues = z.infer<typeof schoolImportValuesSchema>;

/** A person as read from one row of the file; `school` is the name of one of the customer's schools. */
export const personImportValuesSchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  school: z.string().nullable(),
});
export type PersonImportValues = z.infer<typeof personImportValuesSchema>;

/** `new` is imported on confirm; `duplicate` already exists at the customer and is skipped. */
export const importRowStatuses = ['new', 'duplicate', 'error'] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];

const rowSchema = <Values extends z.ZodType>(values: Values) =>
  z.object({
    /** The row of the file (1 = the first line or spreadsheet row). */
    rowNumber: z.number().int(),
    values,
    /** Field → what is wrong with it; empty for a row without errors. */
    errors: z.record(z.string(), z.string()),
    status: z.enum(importRowStatuses),
  });

export const importSummarySchema = z.object({
  total: z.number().int(),
  ok: z.number().int(),
  errors: z.number().int(),
  duplicates: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** Field → the header of the column it was read from. */
const columnsSchema = z.record(z.string(), z.string());

export const schoolImportPreviewSchema = z.object({
  kind: z.literal('schools'),
  columns: columnsSchema,
  rows: z.array(rowSchema(schoolImportValuesSchema)),
  summary: importSummarySchema,
});
export const personImportPreviewSchema = z.object({
  kind: z.literal('people'),
  columns: columnsSchema,
  rows: z.array(rowSchema(personImportValuesSchema)),
  summary: importSummarySchema,
});
export const importPreviewSchema = z.discriminatedUnion('kind', [schoolImportPreviewSchema, personImportPreviewSchema]);
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type SchoolImportPreview = z.infer<typeof schoolImportPreviewSchema>;
export type PersonImportPreview = z.infer<typeof personImportPreviewSchema>;
export type ImportRow<Values> = {
  rowNumber: number;
  values: Values;
  errors: Record<string, string>;
  status: ImportRowStatus;
};

/**
 * What the client sends back on confirm: the values of the preview's new rows. The server checks
 * them all again; the shapes here only bound their size.
 */
const text = (max: number) => z.string().max(max, `Högst ${max} tecken`);
const optional = (max: number) => text(max).nullable().optional();

export const importCommitBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('schools'),
    rows: z
      .array(
        z.object({
          name: text(1000),
          schoolForms: z.array(text(100)).max(20),
          schoolUnitCode: optional(100),
        }),
      )
      .min(1, 'Inga rader att importera')
      .max(IMPORT_MAX_ROWS),
  }),
  z.object({
    kind: z.literal('people'),
    rows: z
      .array(
        z.object({
          name: text(1000),
          email: optional(1000),
          phone: optional(1000),
          title: optional(1000),
          school: optional(1000),
        }),
      )
      .min(1, 'Inga rader att importera')
      .max(IMPORT_MAX_ROWS),
  }),
]);
export type ImportCommitBody = z.infer<typeof importCommitBodySchema>;

export const importResultSchema = z.object({
  kind: z.enum(importKinds),
  created: z.number().int(),
  skipped: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
