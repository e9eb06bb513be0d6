import type { PlanSection } from '../../shared/plan.js';
import type { PlanSnapshot } from '../../shared/revisions.js';
import { emptyRichText, richTextFromPlainText } from '../../shared/rich-text.js';
import type { TemplateContent } from '../../shared/templates.js';
import { isStructuredField } from '../plan/sections.js';
import { planSeed } from '../plan/seed.js';
import { readDefaultTemplateFile } from '../templates/service.js';
import { withVendorName } from '../templates/vendor-name.js';

const VENDOR = 'Skolplattformen AB';

let counter = 0;
const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function sections(content: TemplateContent): PlanSection[] {
  const texts: Record<string, string> = {
    syfte: 'Syftet är att samla skolans dokumentation på ett ställe.\n• Bedömning\n• Frånvaro',
    'tidigare-problem': 'Vi har tidigare haft svårt att se måluppfyllelsen i årskurs 7–9.',
    behov: 'Vi ser behov av att vårdnadshavare får information i tid.',
    omfattningar: 'Grundskola och gymnasieskola.',
    avgransningar: 'Förskolan ingår inte i första etappen.',
    'andra-leverantorer': 'Schemaleverantören levererar exportfiler varje natt.',
    kopplingar: 'Koppling mot O365, elevregistret och säker inloggning.',
    innehall: 'Genomgång av implementeringsmaterialet och importmallen.',
  };
  return content.planSections.map((section) => ({
    key: section.key,
    title: section.title,
    instruction: section.instruction,
    fields: section.fields.map((field) => {
      const structured = isStructuredField(section.key, field.key);
      return {
        key: field.key,
        label: field.label,
        hint: field.hint,
        kind: structured ? ('structured' as const) : ('text' as const),
        content: structured ? null : texts[field.key] ? richTextFromPlainText(texts[field.key]) : emptyRichText(),
      };
    }),
    ...(section.key === 'mal' ? { informedPerson: { id: 'p-bestallare', name: 'Åsa Öberg' } } : {}),
    ...(section.key === 'projektmote' ? { meeting: { date: '2027-02-03', mode: 'web' as const } } : {}),
    version: 2,
    updatedAt: '2027-01-20T10:00:00.000Z',
    updatedBy: 'Åsa Öberg',
  }));
}

/**
 * A plan as a revision freezes it, filled in the way a municipality would: for tests of what reads
 * a snapshot (diffs, exports) without going through the API first.
 */
export function samplePlanSnapshot(): PlanSnapshot {
  const content = withVendorName(readDefaultTemplateFile().content, VENDOR);
  const seed = planSeed(content, 'project-1', '2027-01-11', '2027-01-11T08:00:00.000Z');
  const effectGoalId = id();
  const checklist = content.checklistGroups.flatMap((group) =>
    group.activities.map((activity, index) => ({
      id: id(),
      groupKey: group.key,
      groupTitle: group.title,
      title: activity.title,
      customerResponsible: activity.customerRoleKeys.length > 0 ? 'Projektledare: Örjan Ärlig' : '',
      vendorResponsible: activity.vendorRoleKeys.length > 0 ? 'Projektstödjare: Lena Lärk' : '',
      deadline: index % 2 === 0 ? '2027-03-15' : null,
      done: index === 0 ? { at: '2027-01-15T09:00:00.000Z', byName: 'Örjan Ärlig' } : null,
    })),
  );
  return {
    formatVersion: 1,
    takenAt: '2027-01-20T10:05:00.000Z',
    project: {
      id: 'project-1',
      name: 'Implementering Åkerby kommun',
      customerName: 'Åkerby kommun',
      startDate: '2027-01-11',
      phase: 'implementation',
      templateName: 'Standardmall för implementering',
      templateVersion: 2,
    },
    vendorName: VENDOR,
    introduction: content.introduction,
    plan: {
      sections: sections(content),
      goals: [
        {
          id: effectGoalId,
          kind: 'effect',
          position: 0,
          title: 'Alla elever bedöms i varje ämne varje termin',
          description: 'Så att elever i behov av stöd syns tidigt.',
          measure: 'Andel elever med bedömning i varje ämne',
          unit: 'percent',
          unitLabel: null,
          baseline: 40,
          target: 100,
          targetDate: '2027-06-15',
          deliverable: null,
          dueDate: null,
          budgetSek: null,
          version: 1,
        },
        {
          id: id(),
          kind: 'project',
          position: 1,
          title: 'Systemet är integrerat med elevregistret',
          description: '',
          measure: null,
          unit: null,
          unitLabel: null,
          baseline: null,
          target: null,
          targetDate: null,
          deliverable: 'integration',
          dueDate: '2027-03-01',
          budgetSek: 120000,
          version: 1,
        },
      ],
      evaluation: [
        {
          id: id(),
          position: 0,
          why: 'För att se att införandet ger effekt.',
          what: 'Bedömningar per elev och ämne.',
          how: 'Export av bedömningar jämförs med elevregistret.',
          collectionDates: ['2027-03-31', '2027-06-10'],
          goalIds: [effectGoalId],
          version: 1,
        },
      ],
      risks: seed.risks.map((risk) => ({
        id: risk.id,
        position: risk.position,
        causeKey: risk.cause_key,
        title: risk.title,
        leadershipIssue: risk.leadership_issue === 1,
        likelihood: risk.position === 3 ? 'medium' : null,
        impact: risk.position === 3 ? 'high' : null,
        mitigation: risk.position === 3 ? 'Budgeten följs upp varje månad i styrgruppen.' : '',
        owner: risk.position === 3 ? { id: 'p-bestallare', name: 'Åsa Öberg' } : null,
        status: 'open',
        version: 1,
      })),
      successFactors: seed.successFactors.map((factor) => ({
        id: factor.id,
        position: factor.position,
        keywordKey: factor.keyword_key,
        title: factor.title,
        approach: factor.position === 2 ? 'Rektorerna presenterar planen på arbetsplatsträffar.' : '',
        version: 1,
      })),
      keyActivities: seed.keyActivities.map((activity) => ({
        id: activity.id,
        position: activity.position,
        templateKey: activity.template_key,
        title: activity.title,
        description: activity.description,
        date: activity.date,
        version: 1,
      })),
    },
    organisation: [
      {
        side: 'customer',
        roleKey: 'bestallare',
        roleTitle: 'Beställare',
        responsibility: content.customerRoles[0]?.responsibility ?? '',
        school: null,
        people: [{ id: 'p-bestallare', name: 'Åsa Öberg' }],
      },
      {
        side: 'customer',
        roleKey: 'projektledare',
        roleTitle: 'Projektledare',
        responsibility: content.customerRoles[2]?.responsibility ?? '',
        school: null,
        people: [{ id: 'p-projektledare', name: 'Örjan Ärlig' }],
      },
      {
        side: 'customer',
        roleKey: 'administrator',
        roleTitle: 'Administratör',
        responsibility: 'Två IT-erfarna personer per skola rekommenderas.',
        school: { id: 's-1', name: 'Ängsskolan' },
        people: [
          { id: 'p-admin-1', name: 'Kim Ek' },
          { id: 'p-admin-2', name: 'Mia Björk' },
        ],
      },
      {
        side: 'vendor',
        roleKey: 'projektstodjare',
        roleTitle: 'Projektstödjare',
        responsibility: content.vendorRoles[0]?.responsibility ?? '',
        school: null,
        people: [{ id: 'p-vendor-1', name: 'Lena Lärk' }],
      },
    ],
    checklist,
  };
}
