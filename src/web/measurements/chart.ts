/** A calendar date ('YYYY-MM-DD') as a point on the chart's time axis. */
export const timeOf = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

const MAX_TICKS = 8;

/**
 * Ticks on the first of a month from `from` to `to` (times), every 1, 2, 3, 6 or 12 months as
 * needed to keep them few enough to read.
 */
export function monthTicks(from: number, to: number): number[] {
  const start = new Date(from);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
  const firsts: number[] = [];
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    const first = Date.UTC(year, month, 1);
    if (first > to) break;
    firsts.push(first);
    month += 1;
  }
  const step = [1, 2, 3, 6, 12].find((candidate) => Math.ceil(firsts.length / candidate) <= MAX_TICKS) ?? 12;
  return firsts.filter((_, index) => index % step === 0);
}
