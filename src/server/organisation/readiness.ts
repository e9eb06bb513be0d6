import type { Gap, Readiness } from '../../shared/organisation.js';
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

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function gapMessage(role: { title: string }, have: number, need: number, atSchool: boolean): string {
  const title = lowerFirst(role.title);
  if (have === 0) return atSchool ? `Skolan saknar ${title}` : `Ingen har rollen ${title}`;
  return `${atSchool ? 'Skolan' : 'Projektet'} har ${have} av ${need} ${title}`;
}

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
      gaps.push({
        roleKey: role.key,
        roleTitle: role.title,
        schoolId: null,
        have,
        need,
        message: gapMessage(role, have, need, false),
      });
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
        schoolGaps.push({
          roleKey: role.key,
          roleTitle: role.title,
          schoolId,
          have,
          need,
          message: gapMessage(role, have, need, true),
        });
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
