import { describe, expect, it } from 'vitest';
import { readDefaultTemplateFile } from '../templates/service.js';
import { organisationReadiness } from './readiness.js';

const template = readDefaultTemplateFile().content;
const projectRoleKeys = [
  ...template.customerRoles.filter((role) => role.level === 'project').map((role) => role.key),
  ...template.vendorRoles.map((role) => role.key),
];
const everyProjectRole = projectRoleKeys.map((roleKey) => ({ roleKey, schoolId: null }));
const fullSchool = (schoolId: string) => [
  { roleKey: 'rektor', schoolId },
  { roleKey: 'kontaktperson', schoolId },
  { roleKey: 'administrator', schoolId },
  { roleKey: 'administrator', schoolId },
  { roleKey: 'anvandarstodjare', schoolId },
];

describe('organisation readiness', () => {
  it('is ready when every project role is held and every school has its roles filled', () => {
    const result = organisationReadiness(
      template,
      ['s1', 's2'],
      [...everyProjectRole, ...fullSchool('s1'), ...fullSchool('s2')],
    );
    expect(result).toMatchObject({ ready: true, gaps: [], schoolsReady: 2, schoolsTotal: 2 });
  });

  it('names a role nobody holds', () => {
    const result = organisationReadiness(
      template,
      [],
      everyProjectRole.filter((held) => held.roleKey !== 'bestallare'),
    );
    expect(result.gaps.map((gap) => gap.message)).toEqual(['Ingen har rollen beställare']);
    expect(result.ready).toBe(false);
  });

  it('needs two administrators per school, a principal, a contact person and a user-supporter', () => {
    const result = organisationReadiness(
      template,
      ['s1'],
      [...everyProjectRole, { roleKey: 'administrator', schoolId: 's1' }],
    );
    expect(result.schools.get('s1')?.gaps.map((gap) => [gap.roleKey, gap.have, gap.need])).toEqual([
      ['rektor', 0, 1],
      ['kontaktperson', 0, 1],
      ['administrator', 1, 2],
      ['anvandarstodjare', 0, 1],
    ]);
    expect(result.schools.get('s1')?.gaps.map((gap) => gap.message)).toEqual([
      'Skolan saknar rektor',
      'Skolan saknar kontaktperson',
      'Skolan har 1 av 2 administratörer',
      'Skolan saknar användarstödjare',
    ]);
    expect(result.schoolsReady).toBe(0);
  });

  it('puts a count of holders in the number of the whole, also for a template without plurals', () => {
    const oneNeeded = { key: 'rektor', title: 'Rektor', responsibility: 'x', level: 'school' as const };
    const threeNeeded = { ...oneNeeded, key: 'kontaktperson', title: 'Kontaktperson', minPerSchool: 3 };
    const result = organisationReadiness(
      { customerRoles: [oneNeeded, threeNeeded] as never, vendorRoles: [] },
      ['s1'],
      [{ roleKey: 'kontaktperson', schoolId: 's1' }],
    );
    expect(result.gaps.map((gap) => [gap.message, gap.roleTitlePlural])).toEqual([
      ['Skolan saknar rektor', 'Rektorer'],
      ['Skolan har 1 av 3 kontaktpersoner', 'Kontaktpersoner'],
    ]);
  });

  it('does not count a role held at one school for another, nor a school role held for the project', () => {
    const result = organisationReadiness(
      template,
      ['s1', 's2'],
      [...everyProjectRole, ...fullSchool('s1'), { roleKey: 'rektor', schoolId: null }],
    );
    expect(result.schools.get('s1')?.ready).toBe(true);
    expect(result.schools.get('s2')?.gaps).toHaveLength(4);
    expect(result.schoolsReady).toBe(1);
  });

  it('is not ready without any school', () => {
    expect(organisationReadiness(template, [], everyProjectRole).ready).toBe(false);
  });
});
