import { z } from 'zod';
import { idSchema } from './common.js';
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
  people: ['name', 'email', 'phone', 'title', 'school', 'roles'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type SchoolImportField = (typeof importFields.schools)[number];
export type PersonImportField = (typeof importFields.people)[number];

export const importQuerySchema = z.object({
  kind: z.enum(importKinds, { message: 'Ange vad som importeras: schools eller people' }),
  /** The project whose roles a person file's Roll (or Titel) column gives; without it no roles are read. */
  projectId: idSchema.optional(),
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
  /**
   * The roles in the project, as the template names them ("Rektor, Administratör"); as written in
   * the file when a role is not recognised. Null when the row gives no role.
   */
  roles: z.string().nullable(),
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
/** How one value of the role column was understood: the template role it names, or none. */
export const roleMappingSchema = z.object({
  /** The value as written in the file. */
  text: z.string(),
  roleKey: z.string().nullable(),
  roleTitle: z.string().nullable(),
  level: z.enum(['project', 'school']).nullable(),
  /** Rows of the file with this value. */
  rows: z.number().int(),
});
export type RoleMapping = z.infer<typeof roleMappingSchema>;

export const personImportPreviewSchema = z.object({
  kind: z.literal('people'),
  columns: columnsSchema,
  rows: z.array(rowSchema(personImportValuesSchema)),
  summary: importSummarySchema,
  /** The project the roles are given in; null when none was chosen. */
  project: z.object({ id: z.string(), name: z.string() }).nullable(),
  /**
   * Where roles are read from: a Roll column (every value must name a role), the Titel column
   * (a title that names a role gives it, other titles give none), or nowhere.
   */
  roleSource: z.enum(['column', 'title']).nullable(),
  roleMapping: z.array(roleMappingSchema),
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
/** The row of the file the values come from, so that messages name the line the user sees. */
const rowNumber = z.number().int().min(1).optional();

/**
 * `all` (the default): one row with errors and nothing is stored. `valid`: the rows that pass are
 * stored and the rest are reported back, with the rows the preview already turned away.
 */
export const importModes = ['all', 'valid'] as const;
export type ImportMode = (typeof importModes)[number];

/** A row that was not imported: its line in the file and why. */
export const rejectedRowSchema = z.object({
  rowNumber: z.number().int().min(1),
  reason: z.string().max(2000),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

const commitOptions = {
  mode: z.enum(importModes).default('all'),
  /** The rows of the preview that had errors, reported again with the result and in the history. */
  rejected: z.array(rejectedRowSchema).max(IMPORT_MAX_ROWS).default([]),
};

export const importCommitBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('schools'),
    rows: z
      .array(
        z.object({
          rowNumber,
          name: text(1000),
          schoolForms: z.array(text(100)).max(20),
          schoolUnitCode: optional(100),
        }),
      )
      .min(1, 'Inga rader att importera')
      .max(IMPORT_MAX_ROWS),
    ...commitOptions,
  }),
  z.object({
    kind: z.literal('people'),
    /** The project the rows' roles are given in; needed when a row has roles. */
    projectId: idSchema.optional(),
    rows: z
      .array(
        z.object({
          rowNumber,
          name: text(1000),
          email: optional(1000),
          phone: optional(1000),
          title: optional(1000),
          school: optional(1000),
          roles: optional(1000),
        }),
      )
      .min(1, 'Inga rader att importera')
      .max(IMPORT_MAX_ROWS),
    ...commitOptions,
  }),
]);
export type ImportCommitBody = z.input<typeof importCommitBodySchema>;
export type ImportCommitInput = z.output<typeof importCommitBodySchema>;

export const importResultSchema = z.object({
  kind: z.enum(importKinds),
  created: z.number().int(),
  skipped: z.number().int(),
  /** Role holdings given in the project (person files with roles). */
  rolesAssigned: z.number().int(),
  /** The rows not imported, by line: only with mode `valid`. */
  rejected: z.array(rejectedRowSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;
