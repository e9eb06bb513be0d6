import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person, personInputSchema, type School } from '../../shared/organisation.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { peopleQuery, useSavePerson, vendorPeopleQuery } from './api.js';

type PersonValues = {
  name: string;
  email: string;
  phone: string;
  title: string;
  /** '' for no school. */
  schoolId: string;
};

const emptyPerson: PersonValues = { name: '', email: '', phone: '', title: '', schoolId: '' };
const valuesOf = (person: Person): PersonValues => ({
  name: person.name,
  email: person.email ?? '',
  phone: person.phone ?? '',
  title: person.title ?? '',
  schoolId: person.schoolId ?? '',
});

/**
 * Adds a person to the customer, or edits `person` (sending the version it was read at). With
 * `customerId` null it adds one of the vendor's own people; without `schools` there is no school
 * field (the vendor has none).
 */
export function PersonForm({
  customerId,
  schools,
  person,
  submitLabel,
  onSaved,
  onCancel,
}: {
  customerId: string | null;
  schools?: School[];
  person?: Person;
  submitLabel: string;
  onSaved: (person: Person) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSavePerson(customerId);
  const form = useSchemaForm<PersonValues>(personInputSchema, person ? valuesOf(person) : emptyPerson);
  const { values, errors } = form;
  const edit = useVersionedEdit({
    entity: person,
    valuesOf,
    form,
    save,
    latest: {
      query: customerId === null ? vendorPeopleQuery : peopleQuery(customerId),
      find: (list) => list.items.find((candidate) => candidate.id === person?.id),
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: values.name,
      email: values.email,
      phone: values.phone,
      title: values.title,
      schoolId: values.schoolId === '' ? null : values.schoolId,
    };
    if (!form.check(body)) return;
    save.mutate(
      { ...body, personId: person?.id, version: edit.version },
      {
        onSuccess: (saved) => {
          if (!person) form.reset();
          onSaved(saved);
        },
        onError: form.showServerErrors,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('customer.people.name')} required {...form.field('name')} />
          <TextInput label={t('customer.people.email')} type="email" autoComplete="off" {...form.field('email')} />
          <TextInput label={t('customer.people.phone')} type="tel" {...form.field('phone')} />
          <TextInput label={t('customer.people.personTitle')} {...form.field('title')} />
          {schools && (
            <NativeSelect
              label={t('customer.people.school')}
              value={values.schoolId}
              error={errors.schoolId}
              onChange={(event) => form.set('schoolId', event.currentTarget.value)}
              data={[
                { value: '', label: t('customer.people.noSchool') },
                ...schools.map((school) => ({ value: school.id, label: school.name })),
              ]}
            />
          )}
        </SimpleGrid>
        <FormActions {...edit.problem} submitLabel={submitLabel} pending={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
