import { isReadDate, readDate } from './dates.js';

/**
 * Share by date: of the rows of an export (students, guardians, staff …), the share registered in
 * the system on or before a date. An empty registration date means not registered; a date that
 * cannot be read makes the row unreadable, so that a typo does not count as "not registered".
 * Rows are streamed through; only the first `exampleLimit` not registered are kept.
 */

export interface RegistrationRow {
  label: string;
  /** The registration date as written in the file; empty when not registered. */
  registeredOn: string;
}

export interface ShareByDateResult {
  /** What was counted: the rows, or the students (distinct labels) the rows name. */
  /** Set when students are counted; rows otherwise. */
  counted?: 'students';
  /** The rows read, when students are counted (when rows are, the total). */
  rowsRead?: number;
  registered: number;
  total: number;
  /** registered / total, 0 when no row was read. */
  share: number;
  /** Rows with no registration date. */
  neverRegistered: number;
  /** Rows registered after the date. */
  registeredLater: number;
  /** The first rows not registered by the date, in file order. */
  notRegistered: { label: string }[];
}

export interface ShareByDateAccumulator {
  /** Counts the row; answers why it cannot be read, or null. */
  addRow(row: RegistrationRow): string | null;
  result(): ShareByDateResult;
}

/**
 * Per student: a student (the rows' label) counts as registered when any of their rows was
 * registered by the date, else as registered later when any row was, else as never registered.
 */
function createShareByDatePerStudent(byDate: string, exampleLimit: number): ShareByDateAccumulator {
  // 2 registered by the date, 1 registered later (the earliest such date kept), 0 never; in file order.
  const students = new Map<string, { state: 0 | 1 | 2; later: string }>();
  let rowsRead = 0;
  return {
    addRow(row) {
      const label = row.label.trim().replace(/\s+/g, ' ');
      let state: 0 | 1 | 2 = 0;
      let date = '';
      if (row.registeredOn.trim() !== '') {
        const reading = readDate(row.registeredOn);
        if (!isReadDate(reading)) return reading.reason;
        date = reading.date;
        state = reading.date <= byDate ? 2 : 1;
      }
      rowsRead += 1;
      const known = students.get(label);
      if (!known) students.set(label, { state, later: date });
      else if (state > known.state) students.set(label, { state, later: date });
      else if (state === 1 && known.state === 1 && date < known.later) known.later = date;
      return null;
    },

    result() {
      let registered = 0;
      let neverRegistered = 0;
      let registeredLater = 0;
      const notRegistered: { label: string }[] = [];
      for (const [label, { state, later }] of students) {
        if (state === 2) registered += 1;
        else {
          if (state === 1) registeredLater += 1;
          else neverRegistered += 1;
          if (notRegistered.length < exampleLimit) {
            notRegistered.push({ label: state === 1 ? `${label} (registrerad ${later})` : label });
          }
        }
      }
      const total = students.size;
      return {
        counted: 'students',
        rowsRead,
        registered,
        total,
        share: total === 0 ? 0 : registered / total,
        neverRegistered,
        registeredLater,
        notRegistered,
      };
    },
  };
}

export function createShareByDate(
  byDate: string,
  exampleLimit = Number.POSITIVE_INFINITY,
  /** Count students (distinct labels) rather than rows. */
  perStudent = false,
): ShareByDateAccumulator {
  if (perStudent) return createShareByDatePerStudent(byDate, exampleLimit);
  let registered = 0;
  let neverRegistered = 0;
  let registeredLater = 0;
  const notRegistered: { label: string }[] = [];
  const keep = (label: string) => {
    if (notRegistered.length < exampleLimit) notRegistered.push({ label });
  };

  return {
    addRow(row) {
      const label = row.label.trim().replace(/\s+/g, ' ');
      if (row.registeredOn.trim() === '') {
        neverRegistered += 1;
        keep(label);
        return null;
      }
      const reading = readDate(row.registeredOn);
      if (!isReadDate(reading)) return reading.reason;
      if (reading.date <= byDate) {
        registered += 1;
      } else {
        registeredLater += 1;
        keep(`${label} (registrerad ${reading.date})`);
      }
      return null;
    },

    result() {
      const total = registered + neverRegistered + registeredLater;
      return {
        registered,
        total,
        share: total === 0 ? 0 : registered / total,
        neverRegistered,
        registeredLater,
        notRegistered,
      };
    },
  };
}
