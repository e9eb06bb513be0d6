import { createHash } from 'node:crypto';
import type { AcknowledgementOverview, RoleAcknowledgement } from '../../shared/acknowledgements.js';

type State = RoleAcknowledgement['state'];

/** Line endings and surrounding blanks differ between browsers and databases, not between texts. */
const normalised = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** What a confirmation records of the text read: a changed text no longer matches. */
export const responsibilityHash = (text: string): string =>
  createHash('sha256').update(normalised(text), 'utf8').digest('hex');

export const sameResponsibility = (read: string, current: string): boolean => normalised(read) === normalised(current);

/** confirmed while the confirmation was of the current text, outdated once it changed, missing without one. */
export function acknowledgementState(
  confirmation: { textHash: string; acknowledgedAt: string } | null,
  currentText: string,
): { state: State; acknowledgedAt: string | null } {
  if (!confirmation) return { state: 'missing', acknowledgedAt: null };
  return confirmation.textHash === responsibilityHash(currentText)
    ? { state: 'confirmed', acknowledgedAt: confirmation.acknowledgedAt }
    : { state: 'outdated', acknowledgedAt: confirmation.acknowledgedAt };
}

export interface Holding {
  roleKey: string;
  schoolId: string | null;
  personId: string;
}

/** A person holding a role at one school (or the project) counts once, however often it was assigned. */
export function distinctHoldings<Row extends Holding>(rows: Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.roleKey}\u0000${row.schoolId ?? ''}\u0000${row.personId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const confirmedCount = (holdings: { state: State }[]): Pick<AcknowledgementOverview, 'confirmed' | 'total'> => ({
  confirmed: holdings.filter((holding) => holding.state === 'confirmed').length,
  total: holdings.length,
});
