import { Button, Fieldset, Group, NativeSelect, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { activityFilters, type ChecklistGroup, type ChecklistQuery } from '../../shared/checklist.js';
import { type Side, type Status, toggledFilter } from './filters.js';

/** The checklist's filters; every change goes to the page address, which the list follows. */
export function ChecklistFilters({
  query,
  groups,
  onChange,
}: {
  query: ChecklistQuery;
  groups: Pick<ChecklistGroup, 'key' | 'title'>[];
  onChange: (query: ChecklistQuery) => void;
}) {
  const { t } = useTranslation();
  const change = (patch: Partial<ChecklistQuery>) => onChange({ ...query, ...patch });
  return (
    <Fieldset legend={t('checklist.filters.label')} radius="md">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} id="snabbfilter" mb={4}>
            {t('checklist.filters.show')}
          </Text>
          <Group gap="xs" role="group" aria-labelledby="snabbfilter">
            {activityFilters.map((filter) => {
              const pressed = query.filter === filter;
              return (
                <Button
                  key={filter}
                  size="sm"
                  variant={pressed ? 'filled' : 'default'}
                  aria-pressed={pressed}
                  leftSection={pressed ? <span aria-hidden="true">✓</span> : undefined}
                  onClick={() => change({ filter: toggledFilter(query.filter, filter) })}
                >
                  {t(`checklist.filters.${filter}`)}
                </Button>
              );
            })}
          </Group>
        </div>
        <NativeSelect
          label={t('checklist.filters.group')}
          w={280}
          value={query.group ?? ''}
          onChange={(event) => change({ group: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('checklist.filters.allGroups') },
            ...groups.map((group) => ({ value: group.key, label: group.title })),
          ]}
        />
        <NativeSelect
          label={t('checklist.filters.side')}
          value={query.side ?? ''}
          onChange={(event) => change({ side: (event.currentTarget.value || undefined) as Side | undefined })}
          data={[
            { value: '', label: t('checklist.filters.bothSides') },
            { value: 'customer', label: t('checklist.filters.customer') },
            { value: 'vendor', label: t('checklist.filters.vendor') },
          ]}
        />
        <Fieldset legend={t('checklist.filters.status')} variant="unstyled">
          <SegmentedControl
            value={query.status ?? 'all'}
            onChange={(value) => change({ status: value === 'all' ? undefined : (value as Status) })}
            data={[
              { value: 'open', label: t('checklist.filters.open') },
              { value: 'done', label: t('checklist.filters.done') },
              { value: 'all', label: t('checklist.filters.all') },
            ]}
          />
        </Fieldset>
      </Group>
    </Fieldset>
  );
}
