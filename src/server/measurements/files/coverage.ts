/**
 * Coverage: how much of a roster (students, each listed with the subjects or groups they take)
 * has at least one event, such as an assessment, in a period. Written as an accumulator so that
 * the uploaded files can be streamed through it, either file first: the roster is kept (it is what
 * is counted), and of the events only which roster entries they cover, plus where the events for
 * students who are not in the roster were read, so that each such row can be accounted for.
 *
 * Three measures come out of one pass, because a goal's wording decides which one it means:
 * - `everyGroup`: the share of students with an event in every subject they are listed with
 *   ("i varje ämne");
 * - `anyEvent`: the share of students with at least one event at all;
 * - `pairs`: the share of student × subject pairs with an event.
 * Without a subject column every student is one entry and only `anyEvent` applies.
 */

export const coverageMeasures = ['everyGroup', 'anyEvent', 'pairs'] as const;
export type CoverageMeasure = (typeof coverageMeasures)[number];

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

/** Where an event was read, so that a row that could not be counted can be named. */
export interface RowPlace {
  file: string;
  line: number;
}

export interface UnmatchedEvent extends RowPlace {
  /** The student (and subject) as written. */
  value: string;
  reason: string;
}

export interface UncoveredStudent {
  label: string;
  /** The subjects the student is listed with and has no event in, in Swedish alphabetical order. */
  missing: string[];
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface CoverageResult {
  /** Whether the roster lists subjects (groups); without them only `anyEvent` applies. */
  byGroup: boolean;
  students: number;
  /** Students with an event in every subject they are listed with (every student with any event, without subjects). */
  studentsInEveryGroup: number;
  studentsWithAnyEvent: number;
  pairs: number;
  coveredPairs: number;
  /** Students lacking an event in at least one of their subjects, with those subjects, alphabetically. */
  uncoveredStudents: UncoveredStudent[];
  /** Students with no event at all, alphabetically. */
  studentsWithoutEvents: UncoveredStudent[];
  /** Roster rows that repeat an entry already read; counted once. */
  duplicateEntries: number;
  eventsInPeriod: number;
  eventsOutsidePeriod: number;
  /** Events in the period for a student, or a student × subject, the roster does not list; file order. */
  unmatchedEvents: UnmatchedEvent[];
  /** Different entries with events in the period that are not in the roster (misspelt names, pupils who left). */
  unknownEntries: number;
}

export interface CoverageAccumulator {
  addRosterEntry(entry: RosterEntry): void;
  /** Counts the event; answers whether it lies in the period. */
  addEvent(event: CoverageEvent, place?: RowPlace): boolean;
  result(): CoverageResult;
}

/** "Åsa Öberg" and " ÅSA  ÖBERG" are the same student. */
const entryPart = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ');
const partKey = (text: string): string => entryPart(text).toLocaleLowerCase('sv');

export function entryKey(entry: RosterEntry): string {
  const student = partKey(entry.student);
  return entry.group === null ? student : `${student}\u0000${partKey(entry.group)}`;
}

export const entryLabel = (entry: RosterEntry): string =>
  entry.group === null ? entryPart(entry.student) : `${entryPart(entry.student)} – ${entryPart(entry.group)}`;

const swedish = new Intl.Collator('sv');

interface RosterStudent {
  label: string;
  /** Group key → the group as first written. */
  groups: Map<string, string>;
}

export function createCoverage(period: CoveragePeriod): CoverageAccumulator {
  const roster = new Map<string, RosterStudent>();
  let byGroup = false;
  let duplicateEntries = 0;
  let eventsInPeriod = 0;
  let eventsOutsidePeriod = 0;
  /** Student key → the group keys with an event in the period ('' for an event without a group). */
  const covered = new Map<string, Set<string>>();
  /** Entry key → where its events were read, until the roster is known to lack it. */
  const eventPlaces = new Map<string, { label: string; student: string; places: RowPlace[] }>();

  return {
    addRosterEntry(entry) {
      const studentKey = partKey(entry.student);
      let student = roster.get(studentKey);
      if (!student) {
        student = { label: entryPart(entry.student), groups: new Map() };
        roster.set(studentKey, student);
      } else if (entry.group === null) {
        duplicateEntries += 1;
        return;
      }
      if (entry.group === null) return;
      byGroup = true;
      const groupKey = partKey(entry.group);
      if (student.groups.has(groupKey)) duplicateEntries += 1;
      else student.groups.set(groupKey, entryPart(entry.group));
    },

    addEvent(event, place) {
      if (event.date < period.from || event.date > period.to) {
        eventsOutsidePeriod += 1;
        return false;
      }
      eventsInPeriod += 1;
      const studentKey = partKey(event.student);
      const groupKey = event.group === null ? '' : partKey(event.group);
      const groups = covered.get(studentKey) ?? new Set<string>();
      groups.add(groupKey);
      covered.set(studentKey, groups);
      if (place) {
        const key = entryKey(event);
        const known = eventPlaces.get(key) ?? { label: entryLabel(event), student: studentKey, places: [] };
        known.places.push(place);
        eventPlaces.set(key, known);
      }
      return true;
    },

    result() {
      let studentsInEveryGroup = 0;
      let studentsWithAnyEvent = 0;
      let pairs = 0;
      let coveredPairs = 0;
      const uncoveredStudents: UncoveredStudent[] = [];
      const studentsWithoutEvents: UncoveredStudent[] = [];
      for (const [studentKey, student] of roster) {
        const eventGroups = covered.get(studentKey);
        const missing: string[] = [];
        for (const [groupKey, group] of student.groups) {
          pairs += 1;
          if (eventGroups?.has(groupKey)) coveredPairs += 1;
          else missing.push(group);
        }
        missing.sort(swedish.compare);
        if (eventGroups) studentsWithAnyEvent += 1;
        else studentsWithoutEvents.push({ label: student.label, missing });
        // A student without subjects is covered "in every subject" by any event at all.
        const inEveryGroup = student.groups.size === 0 ? eventGroups !== undefined : missing.length === 0;
        if (inEveryGroup) studentsInEveryGroup += 1;
        else uncoveredStudents.push({ label: student.label, missing });
      }
      const byLabel = (a: UncoveredStudent, b: UncoveredStudent) => swedish.compare(a.label, b.label);
      uncoveredStudents.sort(byLabel);
      studentsWithoutEvents.sort(byLabel);

      const unmatchedEvents: UnmatchedEvent[] = [];
      let unknownEntries = 0;
      for (const [key, { label, student, places }] of eventPlaces) {
        const rosterStudent = roster.get(student);
        const groupKey = key.includes('\u0000') ? key.slice(key.indexOf('\u0000') + 1) : null;
        if (rosterStudent && (groupKey === null || rosterStudent.groups.has(groupKey))) continue;
        unknownEntries += 1;
        const reason = rosterStudent
          ? 'Eleven står inte på ämnet i elevregistret; räknas bara för elever med minst en händelse'
          : 'Eleven finns inte i elevregistret';
        for (const place of places) unmatchedEvents.push({ ...place, value: label, reason });
      }
      unmatchedEvents.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));

      return {
        byGroup,
        students: roster.size,
        studentsInEveryGroup,
        studentsWithAnyEvent,
        pairs: byGroup ? pairs : roster.size,
        coveredPairs: byGroup ? coveredPairs : studentsWithAnyEvent,
        uncoveredStudents,
        studentsWithoutEvents,
        duplicateEntries,
        eventsInPeriod,
        eventsOutsidePeriod,
        unmatchedEvents,
        unknownEntries,
      };
    },
  };
}

/** The measures that can be computed from the files as mapped: all three with subjects, one without. */
export const applicableMeasures = (byGroup: boolean): CoverageMeasure[] =>
  byGroup ? ['everyGroup', 'anyEvent', 'pairs'] : ['anyEvent'];

/** The measure's count of covered entries, of all it counts. */
export function coverageFraction(result: CoverageResult, measure: CoverageMeasure): Fraction {
  if (measure === 'pairs') return { numerator: result.coveredPairs, denominator: result.pairs };
  if (measure === 'anyEvent') return { numerator: result.studentsWithAnyEvent, denominator: result.students };
  return { numerator: result.studentsInEveryGroup, denominator: result.students };
}
