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

export function createShareByDate(byDate: string, exampleLimit = Number.POSITIVE_INFINITY): ShareByDateAccumulator {
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
