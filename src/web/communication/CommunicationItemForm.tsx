import {
  Autocomplete,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Audience,
  type CommunicationItem,
  channelSuggestions,
  createCommunicationItemBodySchema,
  type ScheduleKeyActivity,
  updateCommunicationItemBodySchema,
} from '../../shared/communication.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { communicationQuery, useSaveCommunicationItem } from './api.js';

type When = 'date' | 'timeline';

type ItemValues = {
  title: string;
  message: string;
  channel: string;
  audienceKeys: string[];
  when: When;
  /** '' for no date yet. */
  plannedOn: string;
  /** '' while none is chosen. */
  keyActivityId: string;
  /** '' for nobody. */
  responsiblePersonId: string;
};

const valuesOf = (item: CommunicationItem): ItemValues => ({
  title: item.title,
  message: item.message,
  channel: item.channel,
  audienceKeys: item.audienceKeys,
  when: item.keyActivity ? 'timeline' : 'date',
  plannedOn: item.plannedOn ?? '',
  keyActivityId: item.keyActivity?.id ?? '',
  responsiblePersonId: item.responsible?.id ?? '',
});

const emptyItem = (audienceKeys: string[]): ItemValues => ({
  title: '',
  message: '',
  channel: '',
  audienceKeys,
  when: 'date',
  plannedOn: '',
  keyActivityId: '',
  responsiblePersonId: '',
});

/** The values as the API takes them: only the chosen kind of date, nothing chosen as null. */
const bodyOf = (values: ItemValues) => ({
  title: values.title,
  message: values.message,
  channel: values.channel,
  audienceKeys: values.audienceKeys,
  plannedOn: values.when === 'date' ? values.plannedOn || null : null,
  keyActivityId: values.when === 'timeline' ? values.keyActivityId || null : null,
  responsiblePersonId: values.responsiblePersonId || null,
});

export interface ItemFormChoices {
  audiences: Audience[];
  keyActivities: ScheduleKeyActivity[];
  people: { id: string; name: string }[];
}

/**
 * Adds an item to the communication plan (for `audienceKeys` to begin with), or changes `item`
 * on the version it was read at.
 */
export function CommunicationItemForm({
  projectId,
  item,
  audienceKeys = [],
  headingOrder = 3,
  choices,
  onSaved,
  onCancel,
}: {
  projectId: string;
  item?: CommunicationItem;
  audienceKeys?: string[];
  /** 3 where the form opens under the plan's heading, 4 inside an audience's table. */
  headingOrder?: 3 | 4;
  choices: ItemFormChoices;
  onSaved: (item: CommunicationItem) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCommunicationItem(projectId);
  const form = useSchemaForm<ItemValues>(
    item ? updateCommunicationItemBodySchema : createCommunicationItemBodySchema,
    item ? valuesOf(item) : emptyItem(audienceKeys),
  );
  const { values, errors } = form;
  const edit = useVersionedEdit({
    entity: item,
    valuesOf,
    form,
    save,
    latest: {
      query: communicationQuery(projectId),
      find: (communication) => communication.items.find((candidate) => candidate.id === item?.id),
    },
  });
  const headingId = useId();
  const titleInput = useRef<HTMLInputElement>(null);
  // "Enligt tidplanen" without an activity sends no date at all: said here, as the API cannot tell.
  const [keyActivityMissing, setKeyActivityMissing] = useState(false);
  // The form opens where its button was: the keyboard goes along to its first field.
  useEffect(() => titleInput.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(values);
    const handlers = { onSuccess: onSaved, onError: form.showServerErrors };
    const missing = values.when === 'timeline' && !values.keyActivityId;
    setKeyActivityMissing(missing);
    if (item) {
      const change = { ...body, version: edit.version };
      if (form.check(change) && !missing)
        save.mutate({ ...change, version: change.version as number, itemId: item.id }, handlers);
    } else if (form.check(body) && !missing) {
      save.mutate(body, handlers);
    }
  };

  const keyActivityLabel = (activity: ScheduleKeyActivity) =>
    activity.date
      ? t('communication.form.keyActivityOption', { title: activity.title, date: activity.date })
      : t('communication.form.keyActivityNoDate', { title: activity.title });

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={headingOrder} size="h4" id={headingId}>
          {item ? t('communication.form.editTitle', { title: item.title }) : t('communication.form.newTitle')}
        </Title>
        <TextInput
          label={t('communication.form.title')}
          description={t('communication.form.titleHint')}
          required
          ref={titleInput}
          {...form.field('title')}
        />
        <Textarea
          label={t('communication.form.message')}
          description={t('communication.form.messageHint')}
          autosize
          minRows={2}
          {...form.field('message')}
        />
        <Checkbox.Group
          label={t('communication.form.audiences')}
          withAsterisk
          value={values.audienceKeys}
          error={errors.audienceKeys}
          onChange={(keys) => form.set('audienceKeys', keys)}
        >
          <Group gap="md" mt={6}>
            {choices.audiences.map((audience) => (
              <Checkbox key={audience.key} value={audience.key} label={audience.title} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Autocomplete
            label={t('communication.form.channel')}
            description={t('communication.form.channelHint')}
            data={[...channelSuggestions]}
            value={values.channel}
            error={errors.channel}
            onChange={(channel) => form.set('channel', channel)}
          />
          <NativeSelect
            label={t('communication.form.responsible')}
            description={t('communication.form.responsibleHint')}
            value={values.responsiblePersonId}
            error={errors.responsiblePersonId}
            onChange={(event) => form.set('responsiblePersonId', event.currentTarget.value)}
            data={[
              { value: '', label: t('communication.form.noResponsible') },
              ...choices.people.map((person) => ({ value: person.id, label: person.name })),
            ]}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('communication.form.when')}
          value={values.when}
          onChange={(when) => form.set('when', when as When)}
        >
          <Group gap="md" mt={6}>
            <Radio value="date" label={t('communication.form.ownDate')} />
            <Radio value="timeline" label={t('communication.form.followTimeline')} />
          </Group>
        </Radio.Group>
        {values.when === 'date' ? (
          <TextInput
            type="date"
            label={t('communication.form.date')}
            description={t('communication.form.dateHint')}
            maw={320}
            value={values.plannedOn}
            error={errors.plannedOn}
            onChange={(event) => form.set('plannedOn', event.currentTarget.value)}
          />
        ) : (
          <NativeSelect
            label={t('communication.form.keyActivity')}
            description={t('communication.form.keyActivityHint')}
            maw={560}
            value={values.keyActivityId}
            error={
              errors.keyActivityId ??
              errors.plannedOn ??
              (keyActivityMissing ? t('communication.form.keyActivityRequired') : undefined)
            }
            onChange={(event) => {
              form.set('keyActivityId', event.currentTarget.value);
              setKeyActivityMissing(false);
            }}
            data={[
              { value: '', label: t('communication.form.chooseKeyActivity') },
              ...choices.keyActivities.map((activity) => ({ value: activity.id, label: keyActivityLabel(activity) })),
            ]}
          />
        )}
        <FormActions
          {...edit.problem}
          submitLabel={item ? t('communication.form.save') : t('communication.form.add')}
          pending={save.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
