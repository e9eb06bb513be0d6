import type { TemplateContent } from '../../shared/templates.js';
import { addDays } from '../core/days.js';
import { newId } from '../core/ids.js';
import type { KeyActivitiesTable, PlanSectionsTable, RisksTable, SuccessFactorsTable } from '../db/schema.js';

export interface PlanSeed {
  sections: Omit<PlanSectionsTable, 'version'>[];
  risks: Omit<RisksTable, 'version'>[];
  successFactors: Omit<SuccessFactorsTable, 'version'>[];
  keyActivities: Omit<KeyActivitiesTable, 'version'>[];
}

/**
 * What a new project's plan starts with, from its template (vendor name already filled in): an
 * empty row per section, the eight risk causes to assess, the nine success keywords, and the key
 * activities dated from the start date where the template suggests a week.
 */
export function planSeed(content: TemplateContent, projectId: string, startDate: string, now: string): PlanSeed {
  return {
    sections: content.planSections.map((section) => ({
      project_id: projectId,
      section_key: section.key,
      texts: '{}',
      details: '{}',
      updated_at: now,
      updated_by_name: null,
    })),
    risks: content.riskCauses.map((cause, position) => ({
      id: newId(),
      project_id: projectId,
      position,
      cause_key: cause.key,
      title: cause.title,
      leadership_issue: cause.leadershipIssue ? 1 : 0,
      likelihood: null,
      impact: null,
      mitigation: '',
      owner_person_id: null,
      status: 'open',
      created_at: now,
      updated_at: now,
    })),
    successFactors: content.successKeywords.map((keyword, position) => ({
      id: newId(),
      project_id: projectId,
      position,
      keyword_key: keyword.key,
      title: keyword.title,
      approach: '',
      updated_at: now,
    })),
    keyActivities: content.keyActivities.map((activity, position) => ({
      id: newId(),
      project_id: projectId,
      position,
      template_key: activity.key,
      title: activity.title,
      description: activity.description,
      date:
        activity.suggestedWeeksAfterStart === undefined
          ? null
          : addDays(startDate, activity.suggestedWeeksAfterStart * 7),
      updated_at: now,
    })),
  };
}
