import { Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Risk, type RiskInput, riskInputSchema, riskLevels, riskStatuses } from '../../shared/plan.js';
import { useSchemaForm } from '../api/forms.js';
import { FormActions } from '../layout/FormActions.js';
import { useOrganisation, usePeople } from '../organisation/api.js';
import { ItemConflictAlert } from './ItemControls.js';
import { RiskSummary } from './RiskSummary.js';
import { useUnsavedChanges } from './UnsavedChanges.js';
import { useVersionedSave } from './versioned-save.js';

type RiskValues = {
  title: string;
  leadershipIssue: boolean;
  /** '' while not assessed. */
  likelihood: string;
  impact: string;
  mitigation: string;
  /** '' for nobody. */
  ownerPersonId: string;
  status: string;
};

const valuesOf = (risk?: Risk): RiskValues => ({
  title: risk?.title ?? '',
  leadershipIssue: risk?.leadershipIssue ?? false,
  likelihood: risk?.likelihood ?? '',
  impact: risk?.impact ?? '',
  mitigation: risk?.mitigation ?? '',
  ownerPersonId: risk?.owner?.id ?? '',
  status: risk?.status ?? 'open',
});

/** Who can own a risk: the customer's people, and the vendor's people who hold a role in the project. */
function useOwnerOptions(projectId: string, customerId: string, current: Risk['owner'] | undefined) {
  const { t } = useTranslation();
  const people = usePeople(customerId);
  const organisation = useOrganisation(projectId);
  const customerPeople = (people.data?.items ?? []).map((person) => ({ value: person.id, label: person.name }));
  const vendorPeople = new Map<string, string>();
  for (const role of organisation.data?.vendorRoles ?? []) {
    for (const { person } of role.holders) vendorPeople.set(person.id, person.name);
  }
  const listed = (personId: string) =>
    vendorPeople.has(personId) || customerPeople.some((option) => option.value === personId);
  // An owner no longer among them still shows by name.
  if (current && !listed(current.id)) customerPeople.push({ value: current.id, label: current.name });
  return [
    { group: t('plan.risks.customerPeople'), items: customerPeople },
    {
      group: t('plan.risks.vendorPeople'),
      items: [...vendorPeople].map(([value, label]) => ({ value, label })),
    },
  ].filter((group) => group.items.length > 0);
}

/**
 * Adds a risk, or assesses one: likelihood, impact, what is done about it, who owns it and where it
 * stands. A risk preloaded from the template keeps its title and its leadership mark.
 */
export function RiskForm({
  projectId,
  customerId,
  risk,
  title,
  onDone,
}: {
  projectId: string;
  customerId: string;
  risk?: Risk;
  title: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [initial] = useState(() => valuesOf(risk));
  const form = useSchemaForm<RiskValues>(riskInputSchema, initial);
  const { values, errors } = form;
  const save = useVersionedSave<'risks', RiskInput>(projectId, 'risks', risk);
  const ownerOptions = useOwnerOptions(projectId, customerId, risk?.owner);
  const fromTemplate = Boolean(risk?.causeKey);
  useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial));

  const levelOptions = riskLevels.map((level) => ({ value: level, label: t(`plan.risks.levels.${level}`) }));
  const clearLabel = { 'aria-label': t('plan.remove') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title: values.title,
      leadershipIssue: values.leadershipIssue,
      likelihood: values.likelihood === '' ? null : values.likelihood,
      impact: values.impact === '' ? null : values.impact,
      mitigation: values.mitigation,
      ownerPersonId: values.ownerPersonId === '' ? null : values.ownerPersonId,
      status: values.status,
    };
    if (!form.check(body)) return;
    save.submit(body as RiskInput, { onSaved: onDone, onError: form.showServerErrors });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={4} size="h5">
          {title}
        </Title>
        <ItemConflictAlert conflict={save.conflict} summary={(latest) => <RiskSummary risk={latest} />} />
        {!fromTemplate && (
          <Group align="flex-end" gap="lg">
            <TextInput label={t('plan.risks.riskTitle')} required w={420} maw="100%" {...form.field('title')} />
            <Checkbox
              label={t('plan.risks.leadership')}
              checked={values.leadershipIssue}
              onChange={(event) => form.set('leadershipIssue', event.currentTarget.checked)}
              mb={8}
            />
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <Select
            label={t('plan.risks.likelihood')}
            placeholder={t('plan.risks.notAssessed')}
            data={levelOptions}
            value={values.likelihood || null}
            error={errors.likelihood}
            onChange={(level) => form.set('likelihood', level ?? '')}
            clearable
            clearButtonProps={clearLabel}
          />
          <Select
            label={t('plan.risks.impact')}
            placeholder={t('plan.risks.notAssessed')}
            data={levelOptions}
            value={values.impact || null}
            error={errors.impact}
            onChange={(level) => form.set('impact', level ?? '')}
            clearable
            clearButtonProps={clearLabel}
          />
          <Select
            label={t('plan.risks.owner')}
            placeholder={t('plan.risks.noOwner')}
            data={ownerOptions}
            value={values.ownerPersonId || null}
            error={errors.ownerPersonId}
            onChange={(personId) => form.set('ownerPersonId', personId ?? '')}
            searchable
            clearable
            clearButtonProps={clearLabel}
            nothingFoundMessage={t('plan.goals.noPeople')}
          />
          <Select
            label={t('plan.risks.status')}
            required
            data={riskStatuses.map((status) => ({ value: status, label: t(`plan.risks.statuses.${status}`) }))}
            value={values.status}
            error={errors.status}
            onChange={(status) => form.set('status', status ?? 'open')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea label={t('plan.risks.mitigation')} autosize minRows={2} {...form.field('mitigation')} />
        <FormActions error={save.error} submitLabel={t('plan.save')} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
