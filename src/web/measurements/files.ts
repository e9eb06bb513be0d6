import type { ComputationMethod, Mapping } from '../../shared/measurements.js';

/** A column a method needs from a file; `textKey` names its label under `measurements.file.fields`. */
export interface ColumnField {
  key: string;
  textKey: string;
  optional: boolean;
}

export interface FileSlot {
  /** The multipart field name, and the key of its columns in the settings. */
  name: 'roster' | 'events' | 'records';
  fields: ColumnField[];
}

const student: ColumnField = { key: 'student', textKey: 'student', optional: false };
const group: ColumnField = { key: 'group', textKey: 'group', optional: true };

/** Which files each method reads, and which of their columns, in the order the page asks for them. */
export const fileSlots: Record<ComputationMethod, FileSlot[]> = {
  coverage: [
    { name: 'roster', fields: [student, group] },
    { name: 'events', fields: [student, group, { key: 'date', textKey: 'date', optional: false }] },
  ],
  share_by_date: [
    {
      name: 'records',
      fields: [
        { key: 'label', textKey: 'label', optional: false },
        { key: 'date', textKey: 'registeredOn', optional: false },
      ],
    },
  ],
};

/** Chosen column per field; '' for none chosen. */
export type ChosenColumns = Record<string, string>;

/**
 * The columns used last time for this file, where the new file has a column of that name; the
 * rest left to choose.
 */
export function rememberedColumns(
  mapping: Mapping | null,
  method: ComputationMethod,
  slot: FileSlot,
  columns: string[],
): ChosenColumns {
  const remembered =
    mapping?.method === method
      ? (mapping.columns as Record<string, Record<string, string | null>>)[slot.name]
      : undefined;
  return Object.fromEntries(
    slot.fields.map((field) => {
      const column = remembered?.[field.key];
      return [field.key, column && columns.includes(column) ? column : ''];
    }),
  );
}

/**
 * The settings' `columns` as the API takes them: an optional column left out is null, a required
 * one stays '' so the shared schema names it.
 */
export function columnsSetting(
  method: ComputationMethod,
  chosen: Partial<Record<FileSlot['name'], ChosenColumns>>,
): Record<string, Record<string, string | null>> {
  return Object.fromEntries(
    fileSlots[method].map((slot) => [
      slot.name,
      Object.fromEntries(
        slot.fields.map((field) => {
          const column = chosen[slot.name]?.[field.key] ?? '';
          return [field.key, field.optional && column === '' ? null : column];
        }),
      ),
    ]),
  );
}
