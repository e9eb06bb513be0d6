import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSection } from '../../shared/plan.js';
import { isVersionConflict } from '../api/versioned-edit.js';
import { FormProblem } from '../layout/FormProblem.js';
import { usePeople } from '../organisation/api.js';
import { useReloadPlan, useSaveSection } from './api.js';
import { useUnsavedChanges } from './UnsavedChanges.js';

/** "Vem ska informeras om målen inte kan uppnås?": one of the customer's people, saved on the Mål section. */
export function InformedPerson({
  projectId,
  customerId,
  section,
  label,
  canEdit,
}: {
  projectId: string;
  customerId: string;
  section: PlanSection;
  label: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  if (canEdit)
    return <InformedPersonForm projectId={projectId} customerId={customerId} section={section} label={label} />;
  return (
    <Stack gap={4}>
      <Text fw={600}>{label}</Text>
      <Text c={section.informedPerson ? undefined : 'gray.7'}>
        {section.informedPerson?.name ?? t('plan.goals.informedNone')}
      </Text>
    </Stack>
  );
}

function InformedPersonForm({
  projectId,
  customerId,
  section,
  label,
}: {
  projectId: string;
  customerId: string;
  section: PlanSection;
  label: string;
}) {
  const { t } = useTranslation();
  const people = usePeople(customerId);
  const save = useSaveSection(projectId);
  const reload = useReloadPlan(projectId);
  const saved = section.informedPerson ?? null;
  // The user's pick and the section version it was made at; null while nothing is picked.
  const [choice, setChoice] = useState<{ personId: string | null; version: number } | null>(null);
  const [savedMeanwhile, setSavedMeanwhile] = useState<string | null>(null);
  const selected = choice ? choice.personId : (saved?.id ?? null);
  const changed = choice !== null && choice.personId !== (saved?.id ?? null);
  useUnsavedChanges(changed);

  const options = (people.data?.items ?? []).map((person) => ({ value: person.id, label: person.name }));
  // Someone no longer among the customer's people still shows by name.
  if (saved && !options.some((option) => option.value === saved.id))
    options.push({ value: saved.id, label: saved.name });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    save.mutate(
      { sectionKey: section.key, version: choice.version, informedPersonId: choice.personId },
      {
        onSuccess: () => {
          setChoice(null);
          setSavedMeanwhile(null);
        },
        onError: (error) => {
          if (!isVersionConflict(error)) return;
          reload().then((plan) => {
            const fresh = plan.sections.find((candidate) => candidate.key === section.key);
            if (!fresh) return;
            setChoice({ personId: choice.personId, version: fresh.version });
            setSavedMeanwhile(fresh.informedPerson?.name ?? t('plan.goals.informedNobody'));
          });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <Select
            label={label}
            placeholder={t('plan.goals.informedPick')}
            data={options}
            value={selected}
            onChange={(personId) => setChoice({ personId, version: choice?.version ?? section.version })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('plan.remove') }}
            nothingFoundMessage={t('plan.goals.noPeople')}
            w="100%"
            maw={420}
          />
          {changed && (
            <Button type="submit" loading={save.isPending}>
              {t('plan.save')}
            </Button>
          )}
        </Group>
        {savedMeanwhile && (
          <Alert color="orange" role="alert">
            {t('plan.goals.informedConflict', { name: savedMeanwhile })}
          </Alert>
        )}
        <FormProblem error={isVersionConflict(save.error) ? null : (save.error ?? people.error)} />
      </Stack>
    </form>
  );
}
