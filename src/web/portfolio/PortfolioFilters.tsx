import { Button, Fieldset, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type HealthLevel, healthLevels } from '../../shared/portfolio.js';
import { isFiltered, MINE, noFilters, type PortfolioView } from './view.js';

/** The portfolio's filters; the table and chart follow them, and the page address keeps them. */
export function PortfolioFilters({
  view,
  steps,
  supporters,
  onChange,
}: {
  view: PortfolioView;
  steps: { number: number; title: string }[];
  supporters: { personId: string; name: string }[];
  onChange: (patch: Partial<PortfolioView>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('portfolio.filters.legend')} radius="md">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('portfolio.filters.search')}
          placeholder={t('portfolio.filters.searchPlaceholder')}
          w={260}
          value={view.search}
          onChange={(event) => onChange({ search: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('portfolio.filters.supporter')}
          w={220}
          value={view.supporter ?? ''}
          onChange={(event) => onChange({ supporter: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('portfolio.filters.allSupporters') },
            { value: MINE, label: t('portfolio.filters.mine') },
            ...supporters.map((supporter) => ({ value: supporter.personId, label: supporter.name })),
          ]}
        />
        <NativeSelect
          label={t('portfolio.filters.step')}
          w={300}
          value={view.step?.toString() ?? ''}
          onChange={(event) =>
            onChange({ step: event.currentTarget.value ? Number(event.currentTarget.value) : undefined })
          }
          data={[
            { value: '', label: t('portfolio.filters.allSteps') },
            ...steps.map((step) => ({
              value: step.number.toString(),
              label: t('portfolio.filters.stepOption', step),
            })),
          ]}
        />
        <NativeSelect
          label={t('portfolio.filters.health')}
          w={140}
          value={view.health ?? ''}
          onChange={(event) =>
            onChange({ health: (event.currentTarget.value || undefined) as HealthLevel | undefined })
          }
          data={[
            { value: '', label: t('portfolio.filters.allHealth') },
            ...healthLevels.map((level) => ({ value: level, label: t(`portfolio.health.${level}`) })),
          ]}
        />
        {isFiltered(view) && (
          <Button variant="default" onClick={() => onChange(noFilters)}>
            {t('portfolio.filters.clear')}
          </Button>
        )}
      </Group>
    </Fieldset>
  );
}
