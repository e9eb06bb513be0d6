/** Soonest first, the undated last (nothing is planned for them yet), and otherwise in the order they were added. */
export function bySoonest(a: { date: string | null; position: number }, b: { date: string | null; position: number }) {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.position - b.position;
}
