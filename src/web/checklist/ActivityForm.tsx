import { MultiSelect, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Activity, createActivityBodySchema, updateActivityBodySchema } from '../../shared/checklist.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { checklistQuery, useCreateActivity, useUpdateActivity } from './api.js';
import { type ActivityFormOptions, type Option, withCurrentChoices } from './formOptions.js';

type ActivityValues = {
  title: string;
  description: string;
  customerRoleKeys: string[];
  vendorRoleKeys: string[];
  /** '' for no named person. */
  customerPersonId: string;
  vendorPersonId: string;
  /** '' for no deadline. */
  deadline: string;
  dependsOn: string[];
};

const emptyActivity: ActivityValues = {
  title: '',
  description: '',
  customerRoleKeys: [],
  vendorRoleKeys: [],
  customerPersonId: '',
  vendorPersonId: '',
  deadline: '',
  dependsOn: [],
};

const valuesOf = (activity: Activity): ActivityValues => ({
  title: activity.title,
  description: activity.description,
  customerRoleKeys: activity.customerResponsible.map((role) => role.key),
  vendorRoleKeys: activity.vendorResponsible.map((role) => role.key),
  customerPersonId: activity.customerPerson?.id ?? '',
  vendorPersonId: activity.vendorPerson?.id ?? '',
  deadline: activity.deadline ?? '',
  dependsOn: activity.dependsOn.map((dependency) => dependency.id),
});

/** The values as the API takes them: nothing chosen is null. */
const bodyOf = (values: ActivityValues) => ({
  title: values.title,
  description: values.description,
  customerRoleKeys: values.customerRoleKeys,
  vendorRoleKeys: values.vendorRoleKeys,
  customerPersonId: values.customerPersonId || null,
  vendorPersonId: values.vendorPersonId || null,
  deadline: values.deadline || null,
  dependsOn: values.dependsOn,
});

/** Adds an activity last in `groupKey`, or changes `activity` (sending the version it was read at). */
export function ActivityForm({
  projectId,
  groupKey,
  heading,
  activity,
  options,
  onSaved,
  onCancel,
}: {
  projectId: string;
  groupKey: string;
  heading: string;
  activity?: Activity;
  options: ActivityFormOptions;
  onSaved: (activity: Activity) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateActivity(projectId);
  const update = useUpdateActivity(projectId);
  const save = activity ? update : create;
  const form = useSchemaForm<ActivityValues>(
    activity ? updateActivityBodySchema : createActivityBodySchema,
    activity ? valuesOf(activity) : emptyActivity,
  );
  const { values, errors } = form;
  const edit = useVersionedEdit({
    entity: activity,
    valuesOf,
    form,
    save,
    latest: {
      query: checklistQuery(projectId),
      find: (checklist) =>
        checklist.groups.flatMap((group) => group.activities).find((candidate) => candidate.id === activity?.id),
    },
  });
  const choices = withCurrentChoices(options, activity);
  const headingId = `aktivitetsformular-${activity?.id ?? groupKey}`;
  const titleInput = useRef<HTMLInputElement>(null);
  // The form opens where the button was: take the keyboard along to its first field.
  useEffect(() => titleInput.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(values);
    const handlers = { onSuccess: onSaved, onError: form.showServerErrors };
    if (activity) {
      const change = { ...body, version: edit.version };
      if (form.check(change))
        update.mutate({ ...change, version: change.version as number, activityId: activity.id }, handlers);
    } else {
      const added = { ...body, groupKey };
      if (form.check(added)) create.mutate(added, handlers);
    }
  };

  const personSelect = (name: 'customerPersonId' | 'vendorPersonId', label: string, people: Option[]) => (
    <NativeSelect
      label={label}
      value={values[name]}
      error={errors[name]}
      onChange={(event) => form.set(name, event.currentTarget.value)}
      data={[{ value: '', label: t('checklist.form.noPerson') }, ...people]}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          {heading}
        </Title>
        <TextInput label={t('checklist.form.title')} required ref={titleInput} {...form.field('title')} />
        <Textarea label={t('checklist.form.description')} autosize minRows={2} {...form.field('description')} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <MultiSelect
            label={t('checklist.form.customerRoles')}
            data={choices.customerRoles}
            value={values.customerRoleKeys}
            error={errors.customerRoleKeys}
            onChange={(value) => form.set('customerRoleKeys', value)}
            searchable
          />
          <MultiSelect
            label={t('checklist.form.vendorRoles')}
            data={choices.vendorRoles}
            value={values.vendorRoleKeys}
            error={errors.vendorRoleKeys}
            onChange={(value) => form.set('vendorRoleKeys', value)}
            searchable
          />
          {personSelect('customerPersonId', t('checklist.form.customerPerson'), choices.customerPeople)}
          {personSelect('vendorPersonId', t('checklist.form.vendorPerson'), choices.vendorPeople)}
          <TextInput
            type="date"
            label={t('checklist.form.deadline')}
            value={values.deadline}
            error={errors.deadline}
            onChange={(event) => form.set('deadline', event.currentTarget.value)}
          />
          <MultiSelect
            label={t('checklist.form.dependsOn')}
            data={choices.activities}
            value={values.dependsOn}
            error={errors.dependsOn}
            onChange={(value) => form.set('dependsOn', value)}
            searchable
          />
        </SimpleGrid>
        <FormActions
          {...edit.problem}
          submitLabel={activity ? t('checklist.form.save') : t('checklist.form.add')}
          pending={save.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
