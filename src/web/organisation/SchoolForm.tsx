import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
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
import { useSaveSchool } from './api.js';
import { FormProblem, isVersionConflict } from './FormProblem.js';

type SchoolValues = {
  name: string;
  schoolForms: SchoolFormKey[];
  schoolUnitCode: string;
  /** '' when not known. */
  staffCount: string;
  /** The version the change is based on; absent for a new school. */
  version?: number;
};

const emptySchool: SchoolValues = { name: '', schoolForms: [], schoolUnitCode: '', staffCount: '' };
const valuesOf = (school: School): SchoolValues => ({
  name: school.name,
  schoolForms: school.schoolForms,
  schoolUnitCode: school.schoolUnitCode ?? '',
  staffCount: school.staffCount === null ? '' : String(school.staffCount),
  version: school.version,
});

/**
 * Adds a school, or edits `school` (sending the version it was read at). `latest` is the school as
 * the list holds it now, loaded into the form after a version conflict.
 */
export function SchoolForm({
  customerId,
  school,
  latest,
  submitLabel,
  onSaved,
  onCancel,
}: {
  customerId: string;
  school?: School;
  latest?: School;
  submitLabel: string;
  onSaved: (school: School) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSchool(customerId);
  const form = useSchemaForm<SchoolValues>(schoolInputSchema, school ? valuesOf(school) : emptySchool);
  const { values, errors } = form;

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
      { ...body, schoolId: school?.id, version: values.version },
      {
        onSuccess: (saved) => {
          if (!school) form.reset();
          onSaved(saved);
        },
        onError: form.showServerErrors,
      },
    );
  };

  const loadLatest = () => {
    if (latest) form.reset(valuesOf(latest));
    save.reset();
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
        <FormProblem
          error={save.error}
          onLoadLatest={latest && isVersionConflict(save.error) ? loadLatest : undefined}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
