import type { Gap, Readiness } from '../../shared/organisation.js';
import { inSentence, partOfText, roleTitleForms, roleTitleFormsInSentence } from '../../shared/plural.js';
import type { TemplateContent } from '../../shared/templates.js';

export interface HeldRole {
  roleKey: string;
  schoolId: string | null;
}

export interface ProjectReadiness extends Readiness {
  schools: Map<string, Readiness>;
  schoolsReady: number;
  schoolsTotal: number;
}

/** How many holders a role needs: the template's minimum per school, otherwise one. */
export const minHolders = (role: { key: string; minPerSchool?: number }): number => role.minPerSchool ?? 1;

type TemplateRole = { key: string; title: string; titlePlural?: string };

/** "Skolan saknar rektor", "Skolan har 1 av 2 administratörer", "Ingen har rollen beställare". */
export function gapMessage(role: TemplateRole, have: number, need: number, atSchool: boolean): string {
  if (have === 0)
    return atSchool ? `Skolan saknar ${inSentence(role.title)}` : `Ingen har rollen ${inSentence(role.title)}`;
  return `${atSchool ? 'Skolan' : 'Projektet'} har ${partOfText(have, need, roleTitleFormsInSentence(role))}`;
}

const gapOf = (role: TemplateRole, schoolId: string | null, have: number, need: number): Gap => ({
  roleKey: role.key,
  roleTitle: role.title,
  roleTitlePlural: roleTitleForms(role).other,
  schoolId,
  have,
  need,
  message: gapMessage(role, have, need, schoolId !== null),
});

/**
 * Which roles of the template still lack people: every project-level role of the customer and
 * the vendor needs a holder, and every school needs its school-level roles filled to the template's
 * minimum (e.g. two administrators). Pure: the caller brings the template, schools and holdings.
 */
export function organisationReadiness(
  content: Pick<TemplateContent, 'customerRoles' | 'vendorRoles'>,
  schoolIds: string[],
  held: HeldRole[],
): ProjectReadiness {
  const count = (roleKey: string, schoolId: string | null) =>
    held.filter((holding) => holding.roleKey === roleKey && holding.schoolId === schoolId).length;

  const projectRoles = [...content.customerRoles.filter((role) => role.level === 'project'), ...content.vendorRoles];
  const gaps: Gap[] = [];
  for (const role of projectRoles) {
    const have = count(role.key, null);
    const need = minHolders(role);
    if (have < need) {
      gaps.push(gapOf(role, null, have, need));
    }
  }

  const schoolRoles = content.customerRoles.filter((role) => role.level === 'school');
  const schools = new Map<string, Readiness>();
  for (const schoolId of schoolIds) {
    const schoolGaps: Gap[] = [];
    for (const role of schoolRoles) {
      const have = count(role.key, schoolId);
      const need = minHolders(role);
      if (have < need) {
        schoolGaps.push(gapOf(role, schoolId, have, need));
      }
    }
    schools.set(schoolId, { ready: schoolGaps.length === 0, gaps: schoolGaps });
    gaps.push(...schoolGaps);
  }

  const schoolsReady = [...schools.values()].filter((school) => school.ready).length;
  return {
    ready: gaps.length === 0 && schoolIds.length > 0,
    gaps,
    schools,
    schoolsReady,
    schoolsTotal: schoolIds.length,
  };
}
