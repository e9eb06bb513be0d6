import type { TemplateContent } from '../../shared/templates.js';
import { newId } from '../core/ids.js';
import type { PlanSeed } from '../plan/seed.js';
import type { CommunicationItemInsert } from './repository.js';

/**
 * The meetings the template itself asks for: the information meeting for guardians and students
 * ("Var tydlig med förväntningarna!") and the start meeting "Nu kör vi!". Migration 005 gave
 * projects made before the communication plan the same items.
 */
const meetingsFromTimeline = [
  { keyActivityKey: 'informationsmote', audienceKeys: ['vardnadshavare', 'elever'], channel: 'Möte' },
  { keyActivityKey: 'uppstartsmote', audienceKeys: ['skolledare', 'pedagoger', 'administratorer'], channel: 'Möte' },
];

/**
 * What a new project's communication plan starts with: the meetings above, following their key
 * activities on the timeline, for those of the meetings and audiences the template has.
 */
export function communicationSeed(
  content: Pick<TemplateContent, 'communicationAudiences'>,
  keyActivities: PlanSeed['keyActivities'],
  now: string,
): CommunicationItemInsert[] {
  const audienceKeys = new Set(content.communicationAudiences.map((audience) => audience.key));
  return meetingsFromTimeline
    .flatMap((meeting) => {
      const keyActivity = keyActivities.find((candidate) => candidate.template_key === meeting.keyActivityKey);
      const audiences = meeting.audienceKeys.filter((key) => audienceKeys.has(key));
      if (!keyActivity || audiences.length === 0) return [];
      return [
        {
          id: newId(),
          project_id: keyActivity.project_id,
          audience_keys: JSON.stringify(audiences),
          title: keyActivity.title,
          message: keyActivity.description,
          channel: meeting.channel,
          planned_on: null,
          key_activity_id: keyActivity.id,
          responsible_person_id: null,
          position: 0,
          done_at: null,
          done_by_name: null,
          created_at: now,
          updated_at: now,
        },
      ];
    })
    .map((item, position) => ({ ...item, position }));
}
