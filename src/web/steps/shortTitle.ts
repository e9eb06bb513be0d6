/**
 * A step's title short enough for ten to share one line: what comes before a colon or before
 * " och " ("Projektplan: bakgrund, mål …" → "Projektplan", "Leverans och skarp start" → "Leverans").
 */
export function shortStepTitle(title: string): string {
  const [beforeColon] = title.split(':');
  const [beforeAnd] = beforeColon.split(' och ');
  const short = beforeAnd.trim();
  return short === '' ? title : short;
}
