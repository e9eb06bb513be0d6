import type { Checklist } from '../../shared/checklist.js';
import { stockholmDay } from '../core/days.js';

/** The template's checklist columns, with the group first and the number of comments last. */
export const CHECKLIST_COLUMNS = [
  'Grupp',
  'Aktivitet',
  'Ansvarig hos kunden',
  'Ansvarig hos leverantören',
  'Deadline',
  'Klart',
  'Kommentarer',
] as const;

export interface ChecklistSheetRow {
  group: string;
  activity: string;
  customerResponsible: string;
  vendorResponsible: string;
  deadline: string | null;
  done: string;
  comments: number;
}

/** "Projektledare, Informationsavdelning: Anna Berg": the roles, then the named person. */
function responsible(roles: { title: string }[], person: { name: string } | null): string {
  const titles = roles.map((role) => role.title).join(', ');
  if (!person) return titles;
  return titles ? `${titles}: ${person.name}` : person.name;
}

/** One row per activity, groups in the checklist's order; "Klart" is the Swedish day and who ticked it. */
export function checklistSheetRows(checklist: Checklist): ChecklistSheetRow[] {
  return checklist.groups.flatMap((group) =>
    group.activities.map((activity) => ({
      group: group.title,
      activity: activity.title,
      customerResponsible: responsible(activity.customerResponsible, activity.customerPerson),
      vendorResponsible: responsible(activity.vendorResponsible, activity.vendorPerson),
      deadline: activity.deadline,
      done: activity.done ? `${stockholmDay(new Date(activity.done.at))} ${activity.done.by.name}` : '',
      comments: activity.commentCount,
    })),
  );
}

const cellsOf = (row: ChecklistSheetRow) => [
  row.group,
  row.activity,
  row.customerResponsible,
  row.vendorResponsible,
  row.deadline ?? '',
  row.done,
  String(row.comments),
];

// A cell starting like a formula would be run as one by a spreadsheet that opens the file.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * CSV as Excel with Swedish settings opens it by a double click: UTF-8 with a byte order mark (or
 * å, ä and ö come out garbled), `;` between cells (the list separator where the decimal mark is a
 * comma), CRLF line ends, and quotes only where a cell needs them.
 */
export function checklistCsv(rows: ChecklistSheetRow[]): Buffer {
  const lines = [[...CHECKLIST_COLUMNS], ...rows.map(cellsOf)].map((cells) => cells.map(csvCell).join(';'));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

const columnWidths = [28, 60, 36, 36, 12, 30, 13];
const wrapped = { wrapText: true, vertical: 'top' } as const;

/** A workbook with a bold, frozen header row, readable column widths and deadlines as real dates. */
export async function checklistWorkbook(rows: ChecklistSheetRow[], createdAt: Date): Promise<Buffer> {
  // Loaded on the first download: exceljs takes longer to load than the rest of the server.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stegvis';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  const sheet = workbook.addWorksheet('Checklista', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CHECKLIST_COLUMNS.map((header, index) => ({ header, width: columnWidths[index] }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CHECKLIST_COLUMNS.length } };
  for (const row of rows) {
    const added = sheet.addRow([
      row.group,
      row.activity,
      row.customerResponsible,
      row.vendorResponsible,
      // Midnight UTC is the day itself: Excel's dates have no time zone.
      row.deadline ? new Date(`${row.deadline}T00:00:00Z`) : null,
      row.done,
      row.comments,
    ]);
    added.alignment = wrapped;
    added.getCell(5).numFmt = 'yyyy-mm-dd';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
