import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Input,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type SteeringMeeting, steeringMeetingInputSchema } from '../../shared/steering.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { formatDate } from '../plan/format.js';
import { RemoveIcon } from '../plan/icons.js';
import { steeringMeetingsQuery, useSaveMeeting } from './api.js';
import { useFocusOnMount } from './focus.js';
import { hintBelowInput, legendStyles } from './form-layout.js';

type MeetingValues = {
  date: string;
  /** '' for no time. */
  time: string;
  place: string;
  agendaItems: { title: string; note: string }[];
  minutes: string;
};

const emptyMeeting: MeetingValues = { date: '', time: '', place: '', agendaItems: [], minutes: '' };

const valuesOf = (meeting: SteeringMeeting): MeetingValues => ({
  date: meeting.date,
  time: meeting.time ?? '',
  place: meeting.place,
  agendaItems: meeting.agendaItems,
  minutes: meeting.minutes,
});

/** Adds a steering group meeting or edits one: when and where, the agenda items, and the minutes afterwards. */
export function MeetingForm({
  projectId,
  meeting,
  onSaved,
  onCancel,
}: {
  projectId: string;
  meeting?: SteeringMeeting;
  onSaved: (saved: SteeringMeeting) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSaveMeeting(projectId);
  const form = useSchemaForm<MeetingValues>(steeringMeetingInputSchema, meeting ? valuesOf(meeting) : emptyMeeting);
  const { values, errors } = form;
  const dateInput = useFocusOnMount<HTMLInputElement>();
  const edit = useVersionedEdit({
    entity: meeting,
    valuesOf,
    form,
    save,
    latest: {
      query: steeringMeetingsQuery(projectId),
      find: (list) => list.items.find((candidate) => candidate.id === meeting?.id),
    },
  });
  const title = meeting
    ? t('steering.meetings.form.editTitle', { date: formatDate(meeting.date, i18n.language) })
    : t('steering.meetings.form.newTitle');
  const items = values.agendaItems;
  const setItem = (index: number, change: Partial<MeetingValues['agendaItems'][number]>) =>
    form.set(
      'agendaItems',
      items.map((item, at) => (at === index ? { ...item, ...change } : item)),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      date: values.date,
      time: values.time === '' ? null : values.time,
      place: values.place,
      agendaItems: values.agendaItems,
      minutes: values.minutes,
    };
    if (!form.check(body)) return;
    save.mutate(
      { ...body, meetingId: meeting?.id, version: edit.version },
      {
        onSuccess: (saved) => {
          if (!meeting) form.reset();
          onSaved(saved);
        },
        onError: form.showServerErrors,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={meeting ? 4 : 3} size="h4">
          {title}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            ref={dateInput}
            type="date"
            label={t('steering.meetings.form.date')}
            required
            {...form.field('date')}
          />
          <TextInput type="time" label={t('steering.meetings.form.time')} {...form.field('time')} />
          <TextInput
            label={t('steering.meetings.form.place')}
            description={t('steering.meetings.form.placeHint')}
            inputWrapperOrder={hintBelowInput}
            {...form.field('place')}
          />
        </SimpleGrid>
        <Fieldset legend={t('steering.meetings.form.agendaItems')} radius="md" styles={legendStyles}>
          <Stack gap="xs">
            <Text size="sm" c="gray.7">
              {t('steering.meetings.form.agendaHint')}
            </Text>
            {items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the items are controlled and may be alike while typed, so the position is their identity
              <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  label={t('steering.meetings.form.itemTitle', { number: index + 1 })}
                  value={item.title}
                  error={errors[`agendaItems.${index}.title`]}
                  onChange={(event) => {
                    const itemTitle = event.currentTarget.value;
                    setItem(index, { title: itemTitle });
                  }}
                  style={{ flex: 1 }}
                />
                <TextInput
                  label={t('steering.meetings.form.itemNote', { number: index + 1 })}
                  value={item.note}
                  error={errors[`agendaItems.${index}.note`]}
                  onChange={(event) => {
                    const note = event.currentTarget.value;
                    setItem(index, { note });
                  }}
                  style={{ flex: 2 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="dark"
                  size="lg"
                  mt={26}
                  aria-label={t('steering.meetings.form.removeItem', { number: index + 1 })}
                  onClick={() =>
                    form.set(
                      'agendaItems',
                      items.filter((_item, at) => at !== index),
                    )
                  }
                >
                  <RemoveIcon />
                </ActionIcon>
              </Group>
            ))}
            {errors.agendaItems && <Input.Error>{errors.agendaItems}</Input.Error>}
            <Button
              variant="subtle"
              size="xs"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => form.set('agendaItems', [...items, { title: '', note: '' }])}
            >
              {t('steering.meetings.form.addItem')}
            </Button>
          </Stack>
        </Fieldset>
        <Textarea
          label={t('steering.meetings.form.minutes')}
          description={t('steering.meetings.form.minutesHint')}
          inputWrapperOrder={hintBelowInput}
          autosize
          minRows={3}
          {...form.field('minutes')}
        />
        <FormActions
          {...edit.problem}
          submitLabel={t('steering.meetings.form.save')}
          pending={save.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
