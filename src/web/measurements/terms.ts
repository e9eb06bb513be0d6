import type { TermDates } from '../../shared/customers.js';
import { type Term, termOf, termPeriod } from '../../shared/measurements.js';

export { termPeriod };

/** The school term around `today` as a period (the customer's dates when given, else the defaults: see `termPeriod`). */
export const termAround = (today: string, dates: TermDates | null = null): { from: string; to: string } =>
  termPeriod(termOf(today, dates), dates);

/** The term around `today` and the `count - 1` before it, latest first. */
export function recentTerms(today: string, count: number, dates: TermDates | null = null): Term[] {
  const terms: Term[] = [termOf(today, dates)];
  while (terms.length < count) {
    const last = terms[terms.length - 1];
    terms.push(last.name === 'ht' ? { name: 'vt', year: last.year } : { name: 'ht', year: last.year - 1 });
  }
  return terms;
}

/** The term whose dates the period is exactly, if any. */
export function termMatching(
  period: { from: string; to: string },
  terms: Term[],
  termDates: TermDates | null = null,
): Term | null {
  return (
    terms.find((term) => {
      const dates = termPeriod(term, termDates);
      return dates.from === period.from && dates.to === period.to;
    }) ?? null
  );
}
