import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TemplateFile, templateFileSchema } from '../../shared/templates.js';

/**
 * Proves that the default template is a complete transcription of the vendor's project-plan
 * template. The expectations are parsed out of the seed text (docs/seed/projektplan-mall.txt),
 * not typed by hand, so an activity or role missing from the JSON makes this test fail.
 */

const rawJson = readFileSync(new URL('./default-template.json', import.meta.url), 'utf8');
const template: TemplateFile = templateFileSchema.parse(JSON.parse(rawJson));
const seedText = readFileSync(new URL('../../../docs/seed/projektplan-mall.txt', import.meta.url), 'utf8').replace(
  /\r\n?/g,
  '\n',
);
const seedLines = seedText.split('\n');

// ---------------------------------------------------------------------------------------------
// Normalisation

/** The seed names the vendor; the template uses the token instead. */
const vendorize = (s: string): string => s.replace(/InfoMentor/g, '{vendor}');
const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** Activity titles: whitespace-normalised, a trailing period does not matter. */
const activityNorm = (s: string): string => ws(vendorize(s)).replace(/\.$/, '');
/** Loose comparison: case, punctuation and whitespace do not matter. */
const loose = (s: string): string =>
  ws(
    vendorize(s)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}{} ]+/gu, ' '),
  );
/** Role names: joins the seed's hyphenated line breaks ("Upphandlings-avdelning", "Kommunens/ skolans"). */
const roleNorm = (s: string): string =>
  ws(s)
    .replace(/(\p{Ll})-(\p{Ll})/gu, '$1$2')
    .replace(/\/ /g, '/')
    .toLowerCase();
/** Responsibility texts: bullets ("·" in the seed, "•" in the template) and whitespace do not matter. */
const textNorm = (s: string): string => ws(vendorize(s).replace(/[·•]/g, ' '));

// ---------------------------------------------------------------------------------------------
// Seed parsing

/** Lines strictly between the heading line `start` and the next line `end` (both compared trimmed). */
function section(start: string, end: string): string[] {
  const s = seedLines.findIndex((l) => l.trim() === start);
  if (s < 0) throw new Error(`Seed heading not found: ${start}`);
  const e = seedLines.findIndex((l, i) => i > s && l.trim() === end);
  if (e < 0) throw new Error(`Seed heading not found after ${start}: ${end}`);
  return seedLines.slice(s + 1, e);
}

/** Table cells: a line starting with a tab starts a cell; other non-blank lines continue the previous one. */
function splitCells(lines: string[]): string[] {
  const cells: string[] = [];
  for (const line of lines) {
    if (line.startsWith('\t')) cells.push(line.slice(1).trim());
    else if (line.trim() !== '' && cells.length > 0) cells[cells.length - 1] += `\n${line.trim()}`;
  }
  return cells;
}

interface SeedActivity {
  title: string;
  customerCell: string;
  vendorCell: string;
}
interface SeedGroup {
  title: string;
  activities: SeedActivity[];
}

const CHECKLIST_HEADING = 'Checklista med ansvarsfördelning och deadlines';
const CHECKLIST_COLUMNS = new Set(['Aktivitet', 'Ansvarig i kommunen', 'Ansvarig hos InfoMentor', 'Deadline', 'Klart']);

/**
 * The checklist is a table whose rows are separated by blank lines; each cell is a tab-led line
 * (an empty cell is a lone tab). A row with only a first cell is a group heading; a row with a
 * responsible role in the 2nd or 3rd column is an activity.
 */
function parseChecklist(): SeedGroup[] {
  const rows: string[][] = [];
  let current: string[] = [];
  for (const line of section(CHECKLIST_HEADING, 'Projektavslutning')) {
    if (line.trim() === '' && !line.includes('\t')) {
      if (current.length > 0) rows.push(splitCells(current));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) rows.push(splitCells(current));

  const groups: SeedGroup[] = [];
  for (const [first = '', customerCell = '', vendorCell = ''] of rows) {
    if (first === '' || CHECKLIST_COLUMNS.has(first)) continue;
    if (customerCell === '' && vendorCell === '') {
      groups.push({ title: first, activities: [] });
      continue;
    }
    const group = groups.at(-1);
    if (!group) throw new Error(`Checklist activity before any group heading: ${first}`);
    group.activities.push({ title: first, customerCell, vendorCell });
  }
  return groups;
}

interface SeedRole {
  name: string;
  responsibility: string;
}

/** The role tables alternate a role cell (ending in "(NAMN)") and a responsibility cell. */
function parseRoleTable(start: string, end: string): SeedRole[] {
  const cells = splitCells(section(start, end)).filter((c) => c !== 'Roll' && c !== 'Ansvar i projektet');
  const roles: SeedRole[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const roleCell = cells[i] ?? '';
    if (!roleCell.includes('(NAMN)')) throw new Error(`Unexpected role cell: ${roleCell}`);
    const name = roleCell.replace('(NAMN)', '').split(':')[0] ?? '';
    roles.push({ name: roleNorm(name), responsibility: cells[i + 1] ?? '' });
  }
  return roles;
}

function parseKeyActivities(): string[] {
  return splitCells(section('Tidplan för de viktigaste aktiviteterna', CHECKLIST_HEADING)).filter(
    (c) => c !== '' && c !== 'Aktivitet' && c !== 'Datum',
  );
}

function parseBullets(start: string, end: string): string[] {
  return section(start, end)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('·'))
    .map((l) => l.replace(/^·\s*/, '').trim());
}

const seedGroups = parseChecklist();
const seedActivities = seedGroups.flatMap((g) => g.activities);
const seedCustomerRoles = parseRoleTable(
  'Uppgifter för vilka kommunen ansvarar',
  'Uppgifter för vilka InfoMentor ansvarar',
);
const seedVendorRoles = parseRoleTable(
  'Uppgifter för vilka InfoMentor ansvarar',
  'Eventuella andra leverantörers ansvar/uppgifter',
);
const seedKeyActivities = parseKeyActivities();
const seedRiskCauses = parseBullets(
  'Orsaker till hinder/problem i förändringsarbete med IT-stöd',
  '* Ledarskapsfrågor',
).map((b) => ({ title: b.replace(/\*$/, '').trim(), leadershipIssue: b.endsWith('*') }));
const seedKeywords = parseBullets('Nyckelord för lyckad implementering', 'Uppgifter för vilka kommunen ansvarar');

// ---------------------------------------------------------------------------------------------
// Comparisons (pure, returning a list of problems, so the mutation tests can prove they bite)

interface NamedRole {
  key: string;
  title: string;
}

/** Whether a "responsible" cell of the checklist names a role (by title, or e.g. "IT" by key). */
function mentions(cell: string, role: NamedRole): boolean {
  const c = roleNorm(cell);
  return c.includes(roleNorm(role.title)) || c.split(/[^\p{L}]+/u).includes(role.key);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
}

function checklistProblems(t: TemplateFile, groups: SeedGroup[]): string[] {
  const problems: string[] = [];
  const c = t.content;
  const seedTitles = groups.map((g) => ws(g.title));
  const templateTitles = c.checklistGroups.map((g) => ws(g.title));
  if (seedTitles.join('|') !== templateTitles.join('|')) {
    problems.push(`groups differ: seed [${seedTitles.join(', ')}], template [${templateTitles.join(', ')}]`);
  }
  const allTitles = c.checklistGroups.flatMap((g) => g.activities.map((a) => activityNorm(a.title)));
  for (const [gi, group] of groups.entries()) {
    const templateGroup = c.checklistGroups[gi];
    for (const [ai, seed] of group.activities.entries()) {
      const wanted = activityNorm(seed.title);
      const count = allTitles.filter((x) => x === wanted).length;
      if (count !== 1) {
        problems.push(`activity found ${count} times: ${wanted}`);
        continue;
      }
      const activity = templateGroup?.activities[ai];
      if (!activity || activityNorm(activity.title) !== wanted) {
        problems.push(`activity not at position ${ai + 1} of group "${group.title}": ${wanted}`);
        continue;
      }
      const customer = seed.customerCell ? c.customerRoles.filter((r) => mentions(seed.customerCell, r)) : [];
      const vendor = seed.vendorCell ? c.vendorRoles.filter((r) => mentions(seed.vendorCell, r)) : [];
      if (seed.customerCell && customer.length === 0) problems.push(`no customer role named by "${seed.customerCell}"`);
      if (seed.vendorCell && vendor.length === 0) problems.push(`no vendor role named by "${seed.vendorCell}"`);
      const customerKeys = customer.map((r) => r.key);
      const vendorKeys = vendor.map((r) => r.key);
      if (!sameSet(activity.customerRoleKeys, customerKeys)) {
        problems.push(`${activity.key}: customerRoleKeys ${activity.customerRoleKeys} ≠ [${customerKeys}]`);
      }
      if (!sameSet(activity.vendorRoleKeys, vendorKeys)) {
        problems.push(`${activity.key}: vendorRoleKeys ${activity.vendorRoleKeys} ≠ [${vendorKeys}]`);
      }
    }
    const seedCount = group.activities.length;
    const templateCount = templateGroup?.activities.length ?? 0;
    if (templateCount !== seedCount) {
      problems.push(`group "${group.title}": template has ${templateCount} activities, seed has ${seedCount}`);
    }
  }
  return problems;
}

/** Whether a template role title is the seed's role name ("Kommunens/skolans projektledare" → "Projektledare"). */
function roleMatches(seedName: string, title: string): boolean {
  const t = roleNorm(title);
  return seedName === t || seedName.endsWith(` ${t}`) || seedName.startsWith(`${t} `);
}

function roleProblems(
  templateRoles: { key: string; title: string; responsibility: string }[],
  seedRoles: SeedRole[],
): string[] {
  const problems: string[] = [];
  if (templateRoles.length !== seedRoles.length) {
    problems.push(`template has ${templateRoles.length} roles, seed has ${seedRoles.length}`);
  }
  for (const [i, seed] of seedRoles.entries()) {
    const matches = templateRoles.filter((r) => roleMatches(seed.name, r.title));
    if (matches.length !== 1) {
      problems.push(`seed role "${seed.name}" matches ${matches.length} template roles`);
      continue;
    }
    const [role] = matches;
    if (!role) continue;
    if (templateRoles.indexOf(role) !== i) problems.push(`role ${role.key} is not at position ${i + 1}`);
    if (!textNorm(role.responsibility).includes(textNorm(seed.responsibility))) {
      problems.push(`role ${role.key}: responsibility is not the seed's text "${textNorm(seed.responsibility)}"`);
    }
  }
  return problems;
}

function keyActivityProblems(t: TemplateFile, rows: string[]): string[] {
  const problems: string[] = [];
  const ka = t.content.keyActivities;
  if (ka.length !== rows.length) problems.push(`template has ${ka.length} key activities, seed has ${rows.length}`);
  for (const [i, row] of rows.entries()) {
    const a = ka[i];
    const combined = a ? loose(`${a.title} ${a.description}`) : '';
    if (combined !== loose(row)) problems.push(`key activity ${i + 1} is not "${ws(vendorize(row))}"`);
  }
  return problems;
}

function riskProblems(t: TemplateFile): string[] {
  const got = t.content.riskCauses.map((r) => ({ title: r.title, leadershipIssue: r.leadershipIssue }));
  return JSON.stringify(got) === JSON.stringify(seedRiskCauses)
    ? []
    : [`risk causes ${JSON.stringify(got)} ≠ seed ${JSON.stringify(seedRiskCauses)}`];
}

function checklistActivityKeys(t: TemplateFile): string[] {
  return t.content.checklistGroups.flatMap((g) => g.activities.map((a) => a.key));
}

function stepProblems(t: TemplateFile): string[] {
  const problems: string[] = [];
  const steps = t.content.implementationSteps;
  const activityKeys = checklistActivityKeys(t);
  const keyActivityKeys = t.content.keyActivities.map((k) => k.key);
  if (steps.map((s) => s.number).join(',') !== '1,2,3,4,5,6,7,8,9,10') problems.push('steps are not numbered 1–10');
  const check = (kind: string, all: string[], referenced: string[]) => {
    for (const k of referenced) if (!all.includes(k)) problems.push(`step references unknown ${kind} ${k}`);
    for (const k of all) {
      const n = referenced.filter((r) => r === k).length;
      if (n !== 1) problems.push(`${kind} ${k} is in ${n} steps`);
    }
  };
  check(
    'checklist activity',
    activityKeys,
    steps.flatMap((s) => s.checklistActivityKeys),
  );
  check(
    'key activity',
    keyActivityKeys,
    steps.flatMap((s) => s.keyActivityKeys),
  );
  return problems;
}

function duplicates(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

// ---------------------------------------------------------------------------------------------

describe('default template', () => {
  it('parses with templateFileSchema and is the standard template', () => {
    expect(template.key).toBe('standard');
    expect(template.version).toBe(2);
    expect(template.name).toBe('Standardmall för implementering');
  });

  it('lets the Beställare, the Projektledare and the Projektgrupp write the plan, and the Beställare approve', () => {
    const roles = template.content.customerRoles;
    expect(roles.filter((role) => role.editsPlan).map((role) => role.key)).toEqual([
      'bestallare',
      'projektledare',
      'projektgrupp',
    ]);
    expect(roles.filter((role) => role.approvesClosure).map((role) => role.key)).toEqual(['bestallare']);
  });

  it('never names the vendor, only the {vendor} token', () => {
    expect(rawJson).not.toMatch(/infomentor/i);
    expect(rawJson).toContain('{vendor}');
    expect(rawJson).toContain('{vendor} Hub');
    // No other placeholder-looking tokens.
    expect(rawJson.match(/\{[a-z]+\}/g)?.every((m) => m === '{vendor}')).toBe(true);
  });

  describe('checklist', () => {
    it('the seed parser finds every activity row of the seed', () => {
      // 10 + 4 + 2 + 3 + 3 + 1 rows in the seed's checklist table; guards against a parser that finds nothing.
      expect(seedActivities).toHaveLength(23);
      expect(seedGroups.map((g) => g.title)).toEqual([
        'Uppstart',
        'Integrationer, importer och övriga inställningar',
        'Utbildningar',
        'Kommunikation',
        'Leverans av systemet',
        'Nästa steg',
      ]);
      for (const a of seedActivities) {
        expect(CHECKLIST_COLUMNS.has(a.title)).toBe(false);
        expect(a.title.length).toBeGreaterThan(10);
      }
    });

    it('has every seed activity, once, in its group and order, with the responsible roles of the seed', () => {
      expect(checklistProblems(template, seedGroups)).toEqual([]);
      expect(checklistActivityKeys(template)).toHaveLength(seedActivities.length);
    });

    it('detects a missing activity', () => {
      for (const [gi, group] of template.content.checklistGroups.entries()) {
        for (const ai of group.activities.keys()) {
          const mutated = structuredClone(template);
          mutated.content.checklistGroups[gi]?.activities.splice(ai, 1);
          expect(checklistProblems(mutated, seedGroups).length).toBeGreaterThan(0);
        }
      }
    });

    it('detects a wrong responsible role', () => {
      const mutated = structuredClone(template);
      const first = mutated.content.checklistGroups[0]?.activities[0];
      if (!first) throw new Error('no activity');
      first.customerRoleKeys = ['projektledare'];
      expect(checklistProblems(mutated, seedGroups).length).toBeGreaterThan(0);
    });
  });

  describe('roles', () => {
    it('has every customer role of the seed with its responsibility text', () => {
      expect(seedCustomerRoles).toHaveLength(11);
      expect(roleProblems(template.content.customerRoles, seedCustomerRoles)).toEqual([]);
    });

    it('has every vendor role of the seed with its responsibility text', () => {
      expect(seedVendorRoles).toHaveLength(4);
      expect(roleProblems(template.content.vendorRoles, seedVendorRoles)).toEqual([]);
    });

    it('detects a missing role', () => {
      const mutated = structuredClone(template.content.customerRoles);
      mutated.splice(5, 1);
      expect(roleProblems(mutated, seedCustomerRoles).length).toBeGreaterThan(0);
    });

    it('marks groups and school-level roles as the template implies', () => {
      const byKey = new Map(template.content.customerRoles.map((r) => [r.key, r]));
      expect(byKey.get('styrgrupp')?.group).toBe(true);
      expect(byKey.get('projektgrupp')?.group).toBe(true);
      expect(byKey.get('administrator')).toMatchObject({ level: 'school', group: true, minPerSchool: 2 });
      expect(byKey.get('anvandarstodjare')).toMatchObject({ level: 'school', group: true, minPerSchool: 1 });
      expect(byKey.get('rektor')?.level).toBe('school');
      expect(byKey.get('kontaktperson')?.level).toBe('school');
    });
  });

  describe('key activities', () => {
    it('has every row of the "Tidplan" table, in order', () => {
      expect(seedKeyActivities).toHaveLength(13);
      expect(keyActivityProblems(template, seedKeyActivities)).toEqual([]);
    });

    it('detects a missing key activity', () => {
      const mutated = structuredClone(template);
      mutated.content.keyActivities.splice(7, 1);
      expect(keyActivityProblems(mutated, seedKeyActivities).length).toBeGreaterThan(0);
    });

    it('links every training type to an existing key activity and role', () => {
      const keyActivityKeys = new Set(template.content.keyActivities.map((k) => k.key));
      const roleKeys = new Set(template.content.customerRoles.map((r) => r.key));
      for (const training of template.content.trainingTypes) {
        expect(keyActivityKeys.has(training.keyActivityKey ?? '')).toBe(true);
        if (training.participantRoleKey) expect(roleKeys.has(training.participantRoleKey)).toBe(true);
      }
    });
  });

  describe('risk and success factors', () => {
    it('has the eight risk causes with their leadership flags', () => {
      expect(seedRiskCauses).toHaveLength(8);
      expect(seedRiskCauses.filter((r) => r.leadershipIssue)).toHaveLength(5);
      expect(riskProblems(template)).toEqual([]);
    });

    it('detects a wrong leadership flag', () => {
      const mutated = structuredClone(template);
      const cause = mutated.content.riskCauses[3];
      if (!cause) throw new Error('no risk cause');
      cause.leadershipIssue = !cause.leadershipIssue;
      expect(riskProblems(mutated).length).toBeGreaterThan(0);
    });

    it('has the nine keywords in order', () => {
      expect(seedKeywords).toHaveLength(9);
      expect(template.content.successKeywords.map((k) => k.title)).toEqual(seedKeywords);
    });
  });

  describe('plan sections', () => {
    it('follow the headings of the seed, in order', () => {
      const lineOf = (title: string) => seedLines.findIndex((l) => ws(vendorize(l)) === ws(title));
      const positions = template.content.planSections.map((s) => lineOf(s.title));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('take every hint line from the seed', () => {
      const flat = ws(vendorize(seedText)).toLowerCase();
      for (const field of template.content.planSections.flatMap((s) => s.fields)) {
        for (const line of field.hint.split('\n').filter((l) => l.trim() !== '')) {
          expect(flat, `${field.key}: ${line}`).toContain(ws(line.replace(/^•\s*/, '')).toLowerCase());
        }
      }
    });

    it('closes with the seed text', () => {
      expect(ws(seedText)).toContain(template.content.closure.text);
    });
  });

  describe('keys and steps', () => {
    it('are unique within each kind, and across the checklist, key activities and steps', () => {
      const c = template.content;
      const kinds: Record<string, string[]> = {
        planSections: c.planSections.map((s) => s.key),
        customerRoles: c.customerRoles.map((r) => r.key),
        vendorRoles: c.vendorRoles.map((r) => r.key),
        trainingTypes: c.trainingTypes.map((t) => t.key),
        riskCauses: c.riskCauses.map((r) => r.key),
        successKeywords: c.successKeywords.map((k) => k.key),
        communicationAudiences: c.communicationAudiences.map((a) => a.key),
        roles: [...c.customerRoles, ...c.vendorRoles].map((r) => r.key),
        schedule: [
          ...c.checklistGroups.map((g) => g.key),
          ...checklistActivityKeys(template),
          ...c.keyActivities.map((k) => k.key),
          ...c.implementationSteps.map((s) => s.key),
        ],
      };
      for (const section of c.planSections) kinds[`fields of ${section.key}`] = section.fields.map((f) => f.key);
      for (const [kind, keys] of Object.entries(kinds)) expect(duplicates(keys), kind).toEqual([]);
    });

    it('put every checklist activity and key activity in exactly one of ten steps', () => {
      expect(stepProblems(template)).toEqual([]);
    });

    it('detects an activity left out of the steps', () => {
      const mutated = structuredClone(template);
      mutated.content.implementationSteps[0]?.checklistActivityKeys.pop();
      expect(stepProblems(mutated).length).toBeGreaterThan(0);
    });
  });
});
