/**
 * Coverage: the share of a roster (students, or student × subject) that has at least one event,
 * such as an assessment, in a period. Written as an accumulator so that the uploaded files can be
 * streamed through it: the roster is kept (it is what is counted), events are not, only which
 * roster keys they cover. Either file may come first.
 */

export interface RosterEntry {
  student: string;
  /** Subject, class or other group when the roster is per student and group; null for students alone. */
  group: string | null;
}

export interface CoverageEvent extends RosterEntry {
  /** YYYY-MM-DD. */
  date: string;
}

export interface CoveragePeriod {
  from: string;
  to: string;
}

export interface CoverageResult {
  covered: number;
  total: number;
  /** covered / total, 0 when the roster is empty. */
  share: number;
  /** Roster entries with no event in the period, in Swedish alphabetical order. */
  uncovered: { label: string }[];
  /** Roster rows that repeat an entry already read; counted once. */
  duplicateEntries: number;
  eventsInPeriod: number;
  eventsOutsidePeriod: number;
  /** Different entries with events in the period that are not in the roster (misspelt names, pupils who left). */
  unknownEntries: number;
}

export interface CoverageAccumulator {
  addRosterEntry(entry: RosterEntry): void;
  addEvent(event: CoverageEvent): void;
  result(): CoverageResult;
}

/** "Åsa Öberg" and " ÅSA  ÖBERG" are the same student. */
const entryPart = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ');

export function entryKey(entry: RosterEntry): string {
  const student = entryPart(entry.student).toLocaleLowerCase('sv');
  return entry.group === null ? student : `${student}\u0000${entryPart(entry.group).toLocaleLowerCase('sv')}`;
}

export const entryLabel = (entry: RosterEntry): string =>
  entry.group === null ? entryPart(entry.student) : `${entryPart(entry.student)} – ${entryPart(entry.group)}`;

const swedish = new Intl.Collator('sv');

export function createCoverage(period: CoveragePeriod): CoverageAccumulator {
  const roster = new Map<string, string>();
  const coveredKeys = new Set<string>();
  let duplicateEntries = 0;
  let eventsInPeriod = 0;
  let eventsOutsidePeriod = 0;

  return {
    addRosterEntry(entry) {
      const key = entryKey(entry);
      if (roster.has(key)) duplicateEntries += 1;
      else roster.set(key, entryLabel(entry));
    },

    addEvent(event) {
      if (event.date < period.from || event.date > period.to) {
        eventsOutsidePeriod += 1;
        return;
      }
      eventsInPeriod += 1;
      coveredKeys.add(entryKey(event));
    },

    result() {
      const uncovered: { label: string }[] = [];
      for (const [key, label] of roster) if (!coveredKeys.has(key)) uncovered.push({ label });
      uncovered.sort((a, b) => swedish.compare(a.label, b.label));
      const total = roster.size;
      const covered = total - uncovered.length;
      let unknownEntries = 0;
      for (const key of coveredKeys) if (!roster.has(key)) unknownEntries += 1;
      return {
        covered,
        total,
        share: total === 0 ? 0 : covered / total,
        uncovered,
        duplicateEntries,
        eventsInPeriod,
        eventsOutsidePeriod,
        unknownEntries,
      };
    },
  };
}
