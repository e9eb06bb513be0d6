import { describe, expect, it } from 'vitest';
import { planSeed } from '../plan/seed.js';
import { readDefaultTemplateFile } from '../templates/service.js';
import { communicationSeed } from './seed.js';

const NOW = '2027-01-04T08:00:00.000Z';
const content = readDefaultTemplateFile().content;

describe("a new project's communication plan", () => {
  it('starts with the information meeting and the start meeting, following their key activities', () => {
    const { keyActivities } = planSeed(content, 'project-1', '2027-01-04', NOW);
    const items = communicationSeed(content, keyActivities, NOW);
    const keyActivityOf = (key: string) => keyActivities.find((activity) => activity.template_key === key);
    expect(
      items.map((item) => ({
        keyActivityId: item.key_activity_id,
        audienceKeys: JSON.parse(item.audience_keys),
        title: item.title,
        channel: item.channel,
        position: item.position,
        plannedOn: item.planned_on,
      })),
    ).toEqual([
      {
        keyActivityId: keyActivityOf('informationsmote')?.id,
        audienceKeys: ['vardnadshavare', 'elever'],
        title: keyActivityOf('informationsmote')?.title,
        channel: 'Möte',
        position: 0,
        plannedOn: null,
      },
      {
        keyActivityId: keyActivityOf('uppstartsmote')?.id,
        audienceKeys: ['skolledare', 'pedagoger', 'administratorer'],
        title: 'Uppstartsmöte',
        channel: 'Möte',
        position: 1,
        plannedOn: null,
      },
    ]);
    expect(items[1]?.message).toBe('Hålls av skolledare med budskapet ”Nu kör vi!”');
  });

  it('leaves out a meeting the timeline lacks and audiences the template does not name', () => {
    const { keyActivities } = planSeed(content, 'project-1', '2027-01-04', NOW);
    const items = communicationSeed(
      { communicationAudiences: [{ key: 'pedagoger', title: 'Pedagoger' }] },
      keyActivities.filter((activity) => activity.template_key !== 'informationsmote'),
      NOW,
    );
    expect(items.map((item) => [item.title, JSON.parse(item.audience_keys), item.position])).toEqual([
      ['Uppstartsmöte', ['pedagoger'], 0],
    ]);
  });
});
