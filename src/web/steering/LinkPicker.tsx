import { Fieldset, Input, MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChecklist } from '../checklist/api.js';
import { usePlan } from '../plan/api.js';
import { formatDate } from '../plan/format.js';
import { useSectionTitle } from '../plan/SectionFrame.js';
import { legendStyles } from './form-layout.js';
import type { LinkChoice, LinkKind } from './view.js';

/** What a decision concerns: plan sections, goals, key activities and checklist activities, searched by typing. */
export function LinkPicker({
  projectId,
  value,
  error,
  onChange,
}: {
  projectId: string;
  value: LinkChoice;
  error?: string;
  onChange: (choice: LinkChoice) => void;
}) {
  const { t, i18n } = useTranslation();
  const plan = usePlan(projectId);
  const checklist = useChecklist(projectId);
  const sectionTitle = useSectionTitle();
  const sections = plan.data?.sections ?? [];
  const goals = plan.data?.goals ?? [];
  const keyActivities = plan.data?.keyActivities ?? [];
  const groups = checklist.data?.groups ?? [];

  const picker = (kind: LinkKind, label: string, data: Parameters<typeof MultiSelect>[0]['data']) => (
    <MultiSelect
      label={label}
      data={data}
      value={value[kind]}
      onChange={(chosen) => onChange({ ...value, [kind]: chosen })}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('steering.decisions.form.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Fieldset legend={t('steering.decisions.form.concerns')} radius="md" styles={legendStyles}>
      <Stack gap="xs">
        <Text size="sm" c="gray.7">
          {t('steering.decisions.form.concernsHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {picker(
            'section',
            t('steering.decisions.form.sections'),
            sections.map((section, index) => ({ value: section.key, label: sectionTitle(section, index + 1) })),
          )}
          {picker(
            'goal',
            t('steering.decisions.form.goals'),
            goals.map((goal) => ({
              value: goal.id,
              label: `${t(goal.kind === 'effect' ? 'plan.evaluation.effectKind' : 'plan.evaluation.projectKind')}: ${goal.title}`,
            })),
          )}
          {picker(
            'keyActivity',
            t('steering.decisions.form.keyActivities'),
            keyActivities.map((activity) => ({
              value: activity.id,
              label: activity.date ? `${activity.title} (${formatDate(activity.date, i18n.language)})` : activity.title,
            })),
          )}
          {picker(
            'activity',
            t('steering.decisions.form.activities'),
            groups
              .filter((group) => group.activities.length > 0)
              .map((group) => ({
                group: group.title,
                items: group.activities.map((activity) => ({ value: activity.id, label: activity.title })),
              })),
          )}
        </SimpleGrid>
        {error && <Input.Error>{error}</Input.Error>}
      </Stack>
    </Fieldset>
  );
}
