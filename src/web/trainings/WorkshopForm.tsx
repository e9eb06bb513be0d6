import { NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../shared/organisation.js';
import { recordWorkshopBodySchema, type SchoolStaffTraining } from '../../shared/trainings.js';
import { useSchemaForm } from '../api/forms.js';
import { FormActions } from '../layout/FormActions.js';
import { useOrganisation } from '../organisation/api.js';
import { useRecordWorkshop } from './api.js';
import type { TrainingControls } from './controls.js';

type WorkshopValues = {
  schoolId: string;
  heldOn: string;
  staffCount: string;
  /** '' when nobody is named. */
  heldByPersonId: string;
  note: string;
};

/** The people holding a role at the school, each once, named with their roles: those who hold workshops. */
export function schoolPeople(organisation: Organisation | undefined, schoolId: string) {
  const school = organisation?.schools.find((entry) => entry.school.id === schoolId);
  const people = new Map<string, { id: string; name: string; roles: string[] }>();
  for (const role of school?.roles ?? []) {
    for (const { person } of role.holders) {
      const entry = people.get(person.id) ?? { id: person.id, name: person.name, roles: [] };
      entry.roles.push(role.title);
      people.set(person.id, entry);
    }
  }
  return [...people.values()];
}

/** A user-supporter's workshop with the staff of a school, counted towards the school's progress. */
export function WorkshopForm({
  schools,
  controls,
  label,
}: {
  schools: SchoolStaffTraining[];
  controls: TrainingControls;
  label: string;
}) {
  const { t } = useTranslation();
  const record = useRecordWorkshop(controls.projectId);
  const organisation = useOrganisation(controls.projectId);
  const empty: WorkshopValues = {
    schoolId: schools[0]?.schoolId ?? '',
    heldOn: controls.today,
    staffCount: '',
    heldByPersonId: '',
    note: '',
  };
  const form = useSchemaForm<WorkshopValues>(recordWorkshopBodySchema, empty);
  const { values, errors } = form;
  const people = schoolPeople(organisation.data, values.schoolId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      schoolId: values.schoolId,
      heldOn: values.heldOn,
      // An empty count reads as none, which the schema answers with "Minst 1 person".
      staffCount: Number(values.staffCount.trim() || 0),
      heldByPersonId: values.heldByPersonId === '' ? null : values.heldByPersonId,
      note: values.note,
    };
    if (!form.check(body)) return;
    const schoolName = schools.find((school) => school.schoolId === values.schoolId)?.schoolName ?? '';
    record.mutate(body, {
      onSuccess: () => {
        controls.announce(t('trainings.staff.recorded', { school: schoolName }));
        form.reset({ ...empty, schoolId: values.schoolId });
      },
      onError: form.showServerErrors,
    });
  };

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={label}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <NativeSelect
              label={t('trainings.staff.formSchool')}
              required
              value={values.schoolId}
              error={errors.schoolId}
              onChange={(event) => {
                form.set('schoolId', event.currentTarget.value);
                form.set('heldByPersonId', '');
              }}
              data={schools.map((school) => ({ value: school.schoolId, label: school.schoolName }))}
            />
            <TextInput type="date" label={t('trainings.staff.heldOn')} required {...form.field('heldOn')} />
            <TextInput
              type="number"
              inputMode="numeric"
              min={1}
              label={t('trainings.staff.count')}
              required
              {...form.field('staffCount')}
            />
            <NativeSelect
              label={t('trainings.staff.heldByLabel')}
              value={values.heldByPersonId}
              error={errors.heldByPersonId}
              onChange={(event) => form.set('heldByPersonId', event.currentTarget.value)}
              data={[
                { value: '', label: t('trainings.staff.nobody') },
                ...people.map((person) => ({ value: person.id, label: `${person.name} (${person.roles.join(', ')})` })),
              ]}
            />
          </SimpleGrid>
          <TextInput label={t('trainings.staff.note')} {...form.field('note')} />
          <FormActions error={record.error} submitLabel={t('trainings.staff.record')} pending={record.isPending} />
        </Stack>
      </form>
    </Paper>
  );
}
