/**
 * The rows an import turned away, as a CSV file the user can correct and upload again: the line in
 * the original file, why it was turned away, and its values under the same headers. Separated by
 * semicolons with a BOM, as Swedish Excel opens it without asking.
 */
export function rejectedRowsCsv(
  headers: { row: string; reason: string; fields: { key: string; label: string }[] },
  rows: { rowNumber: number; reason: string; values: Record<string, unknown> | undefined }[],
): string {
  const lines = [
    [headers.row, headers.reason, ...headers.fields.map((field) => field.label)],
    ...rows.map((row) => [
      String(row.rowNumber),
      row.reason,
      ...headers.fields.map((field) => valueText(row.values?.[field.key])),
    ]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

const valueText = (value: unknown): string =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

/** Quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ is not run as a formula. */
function csvCell(text: string): string {
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
