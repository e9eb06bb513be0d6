/**
 * The school term around `today` ('YYYY-MM-DD'): spring 1 January–30 June, autumn 1 August–31
 * December. In July, between terms, the spring term just ended is the one to follow up.
 */
export function termAround(today: string): { from: string; to: string } {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  return month >= 8 ? { from: `${year}-08-01`, to: `${year}-12-31` } : { from: `${year}-01-01`, to: `${year}-06-30` };
}
