import { type CoverageMeasure, type CoverageResult, coverageFraction } from './coverage.js';
import type { ShareByDateResult } from './share-by-date.js';

/** The figure in the goal's unit: a percentage with one decimal, or the count itself. */
export function figureValue(unit: 'percent' | 'count' | null, numerator: number, denominator: number): number {
  if (unit === 'count') return numerator;
  return denominator === 0 ? 0 : Math.round((numerator * 1000) / denominator) / 10;
}

/** Swedish digit grouping ("15 310", with a non-breaking space). */
const number = (value: number) => value.toLocaleString('sv-SE');

const percent = (numerator: number, denominator: number) =>
  `${figureValue('percent', numerator, denominator).toLocaleString('sv-SE', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })}\u00a0%`;

const counted = (count: number, one: string, many: string) => `${number(count)} ${count === 1 ? one : many}`;
const rows = (count: number) => counted(count, 'rad', 'rader');
const unreadable = (count: number) => (count === 0 ? 'alla rader kunde läsas' : `${rows(count)} kunde inte läsas`);

export interface CoverageFacts {
  result: CoverageResult;
  /** The measure the figure is computed for. */
  measure: CoverageMeasure;
  period: { from: string; to: string };
  rosterRows: number;
  eventRows: number;
  rejectedRows: number;
}

const students = (count: number) => counted(count, 'elev', 'elever');
const pairs = (count: number) => `${number(count)} elev–ämne-par`;

export function coverageExplanation(facts: CoverageFacts): string[] {
  const { result, measure, period } = facts;
  const { numerator, denominator } = coverageFraction(result, measure);
  const between = `mellan ${period.from} och ${period.to} (${percent(numerator, denominator)})`;
  const first =
    measure === 'pairs'
      ? `${number(numerator)} av ${pairs(denominator)} i elevregistret har minst en bedömning ${between}.`
      : measure === 'everyGroup' && result.byGroup
        ? `${number(numerator)} av ${students(denominator)} i elevregistret har minst en bedömning i varje ämne ` +
          `de står på ${between}.`
        : `${number(numerator)} av ${students(denominator)} i elevregistret har minst en bedömning ${between}.`;
  const lines = [
    first,
    `Beräkningen bygger på ${rows(facts.rosterRows)} i elevregistret och ${rows(facts.eventRows)} i ` +
      `bedömningsexporten; ${unreadable(facts.rejectedRows)}.`,
  ];
  if (result.duplicateEntries > 0) {
    lines.push(`${rows(result.duplicateEntries)} i elevregistret upprepade en tidigare rad och räknades en gång.`);
  }
  if (result.eventsOutsidePeriod > 0) {
    lines.push(
      `${counted(result.eventsOutsidePeriod, 'bedömning', 'bedömningar')} låg utanför perioden och räknades inte.`,
    );
  }
  if (result.unmatchedEvents.length > 0) {
    lines.push(
      `${rows(result.unmatchedEvents.length)} i bedömningsexporten gäller elever eller ämnen som inte finns i ` +
        'elevregistret; stavas namnen likadant i båda filerna?',
    );
  }
  const uncovered =
    measure === 'pairs'
      ? result.pairs - result.coveredPairs
      : measure === 'anyEvent'
        ? result.studentsWithoutEvents.length
        : result.uncoveredStudents.length;
  if (uncovered > 0) {
    lines.push(
      measure === 'pairs'
        ? `${pairs(uncovered)} saknar bedömning under perioden.`
        : measure === 'everyGroup' && result.byGroup
          ? `${students(uncovered)} saknar bedömning i minst ett ämne under perioden.`
          : `${students(uncovered)} saknar bedömning under perioden.`,
    );
  }
  return lines;
}

export interface ShareByDateFacts {
  result: ShareByDateResult;
  byDate: string;
  fileName: string;
  rejectedRows: number;
}

export function shareByDateExplanation(facts: ShareByDateFacts): string[] {
  const { result, byDate } = facts;
  if (result.counted === 'students') {
    const lines = [
      `${number(result.registered)} av ${students(result.total)} hade minst en rad registrerad i systemet senast ` +
        `${byDate} (${percent(result.registered, result.total)}).`,
      `Beräkningen bygger på ${rows(result.rowsRead ?? result.total)} i ${facts.fileName}; ${unreadable(facts.rejectedRows)}.`,
    ];
    if (result.neverRegistered > 0) lines.push(`${students(result.neverRegistered)} saknar registreringsdatum.`);
    if (result.registeredLater > 0)
      lines.push(`${students(result.registeredLater)} registrerades först efter ${byDate}.`);
    return lines;
  }
  const lines = [
    `${number(result.registered)} av ${rows(result.total)} var registrerade i systemet senast ${byDate} ` +
      `(${percent(result.registered, result.total)}).`,
    `Beräkningen bygger på ${rows(result.total)} i ${facts.fileName}; ${unreadable(facts.rejectedRows)}.`,
  ];
  if (result.neverRegistered > 0) lines.push(`${rows(result.neverRegistered)} saknar registreringsdatum.`);
  if (result.registeredLater > 0) lines.push(`${rows(result.registeredLater)} registrerades efter ${byDate}.`);
  return lines;
}
