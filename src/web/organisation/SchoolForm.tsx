import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type School,
  type SchoolForm as SchoolFormKey,
  schoolFormLabels,
  schoolForms,
  schoolInputSchema,
} from '../../shared/organisation.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { schoolsQuery, useSaveSchool } from './api.js';

type SchoolValues = {
  name: string;
  schoolForms: SchoolFormKey[];
  schoolUnitCode: string;
  /** '' when not known. */
  staffCount: string;
};

const emptySchool: SchoolValues = { name: '', schoolForms: [], schoolUnitCode: '', staffCount: '' };
const valuesOf = (school: School): SchoolValues => ({
  name: school.name,
  schoolForms: school.schoolForms,
  schoolUnitCode: school.schoolUnitCode ?? '',
  staffCount: school.staffCount === null ? '' : String(school.staffCount),
});

/** Adds a school, or edits `school` (sending the version it was read at). */
export function SchoolForm({
  customerId,
  school,
  submitLabel,
  onSaved,
  onCancel,
}: {
  customerId: string;
  school?: School;
  submitLabel: string;
  onSaved: (school: School) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSchool(customerId);
  const form = useSchemaForm<SchoolValues>(schoolInputSchema, school ? valuesOf(school) : emptySchool);
  const { values, errors } = form;
  const edit = useVersionedEdit({
    entity: school,
    valuesOf,
    form,
    save,
    latest: {
      query: schoolsQuery(customerId),
      find: (list) => list.items.find((candidate) => candidate.id === school?.id),
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: values.name,
      schoolForms: values.schoolForms,
      schoolUnitCode: values.schoolUnitCode,
      staffCount: values.staffCount.trim() === '' ? null : Number(values.staffCount),
    };
    if (!form.check(body)) return;
    save.mutate(
      { ...body, schoolId: school?.id, version: edit.version },
      {
        onSuccess: (saved) => {
          if (!school) form.reset();
          onSaved(saved);
        },
        onError: form.showServerErrors,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('customer.schools.name')} required maw={420} {...form.field('name')} />
        <Checkbox.Group
          label={t('customer.schools.forms')}
          required
          value={values.schoolForms}
          error={errors.schoolForms}
          onChange={(value) => form.set('schoolForms', value as SchoolFormKey[])}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs">
            {schoolForms.map((key) => (
              <Checkbox key={key} value={key} label={schoolFormLabels[key]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TextInput
          label={t('customer.schools.unitCode')}
          description={t('customer.schools.unitCodeHint')}
          inputMode="numeric"
          maw={420}
          {...form.field('schoolUnitCode')}
        />
        <TextInput
          label={t('customer.schools.staffCount')}
          description={t('customer.schools.staffCountHint')}
          type="number"
          inputMode="numeric"
          min={0}
          maw={420}
          {...form.field('staffCount')}
        />
        <FormActions {...edit.problem} submitLabel={submitLabel} pending={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
