import type { Term } from '../../shared/measurements.js';

/**
 * Swedish school terms as Stegvis counts them until a customer's own term dates are known: the
 * autumn term (ht) 1 August–31 December and the spring term (vt) 1 January–30 June. The terms
 * are wider than the weeks of teaching so that an assessment registered in the first days of
 * August or the last of June still counts for its term.
 */
export function termPeriod(term: Term): { from: string; to: string } {
  return term.name === 'ht'
    ? { from: `${term.year}-08-01`, to: `${term.year}-12-31` }
    : { from: `${term.year}-01-01`, to: `${term.year}-06-30` };
}

/** The term around `today` ('YYYY-MM-DD'); in July, between terms, the spring term just ended. */
export function termOf(today: string): Term {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 8 ? { name: 'ht', year } : { name: 'vt', year };
}

/** The school term around `today` as a period. */
export const termAround = (today: string): { from: string; to: string } => termPeriod(termOf(today));

/** The term around `today` and the `count - 1` before it, latest first. */
export function recentTerms(today: string, count: number): Term[] {
  const terms: Term[] = [termOf(today)];
  while (terms.length < count) {
    const last = terms[terms.length - 1];
    terms.push(last.name === 'ht' ? { name: 'vt', year: last.year } : { name: 'ht', year: last.year - 1 });
  }
  return terms;
}

/** The term whose dates the period is exactly, if any. */
export function termMatching(period: { from: string; to: string }, terms: Term[]): Term | null {
  return (
    terms.find((term) => {
      const dates = termPeriod(term);
      return dates.from === period.from && dates.to === period.to;
    }) ?? null
  );
}
