import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  confirmSessionBodySchema,
  type Proposal,
  type sessionModes,
  type TrainingSession,
  updateSessionBodySchema,
} from '../../shared/trainings.js';
import { useSchemaForm } from '../api/forms.js';
import { FormProblem } from '../layout/FormProblem.js';
import { useConfirmSession, useUpdateSession } from './api.js';
import type { TrainingControls } from './controls.js';
import { formatSessionDate } from './dates.js';
import { defaultTimes } from './rules.js';

type SessionMode = (typeof sessionModes)[number];

type SessionValues = {
  date: string;
  startTime: string;
  endTime: string;
  mode: SessionMode;
  place: string;
  link: string;
  /** '' for no trainer. */
  trainerPersonId: string;
};

/** Confirming one of the municipality's proposals, a session on a date of the vendor's own, or a change. */
export type SessionTarget =
  | { kind: 'proposal'; proposal: Proposal }
  | { kind: 'new' }
  | { kind: 'edit'; session: TrainingSession };

function initialValues(target: SessionTarget, controls: TrainingControls): SessionValues {
  if (target.kind === 'edit') {
    const { session } = target;
    return {
      date: session.date,
      startTime: session.startTime,
      endTime: session.endTime,
      mode: session.mode,
      place: session.place,
      link: session.link,
      trainerPersonId: session.trainer?.id ?? '',
    };
  }
  const times = target.kind === 'proposal' ? defaultTimes[target.proposal.partOfDay] : defaultTimes.formiddag;
  return {
    date: target.kind === 'proposal' ? target.proposal.date : '',
    ...times,
    mode: 'on_site',
    place: '',
    link: '',
    // The list starts with the project's Utbildningsledare, the usual trainer.
    trainerPersonId: controls.trainers[0]?.id ?? '',
  };
}

export function SessionForm({
  trainingKey,
  target,
  controls,
  onDone,
}: {
  trainingKey: string;
  target: SessionTarget;
  controls: TrainingControls;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirmSession(controls.projectId);
  const update = useUpdateSession(controls.projectId);
  const save = target.kind === 'edit' ? update : confirm;
  const form = useSchemaForm<SessionValues>(
    target.kind === 'edit' ? updateSessionBodySchema : confirmSessionBodySchema,
    initialValues(target, controls),
  );
  const { values, errors } = form;

  const done = (message: string) => {
    controls.announce(message);
    onDone();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      date: values.date,
      startTime: values.startTime,
      endTime: values.endTime,
      mode: values.mode,
      // Only the way the session is held is kept: a room for one on site, a link for one online.
      place: values.mode === 'on_site' ? values.place : '',
      link: values.mode === 'web' ? values.link : '',
      trainerPersonId: values.trainerPersonId === '' ? null : values.trainerPersonId,
    };
    const date = formatSessionDate(values.date, controls.language);
    const onError = form.showServerErrors;
    if (target.kind === 'edit') {
      const body = { ...fields, version: target.session.version };
      if (!form.check(body)) return;
      update.mutate(
        { sessionId: target.session.id, ...body },
        { onSuccess: () => done(t('trainings.session.saved', { date })), onError },
      );
      return;
    }
    const body = { ...fields, proposalId: target.kind === 'proposal' ? target.proposal.id : null };
    if (!form.check(body)) return;
    const saved = target.kind === 'proposal' ? 'trainings.session.confirmed' : 'trainings.session.created';
    confirm.mutate({ trainingKey, ...body }, { onSuccess: () => done(t(saved, { date })), onError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {target.kind === 'proposal' ? (
          target.proposal.note && (
            <Text size="sm">{t('trainings.session.proposalNote', { note: target.proposal.note })}</Text>
          )
        ) : (
          <TextInput type="date" label={t('trainings.session.date')} required w={200} {...form.field('date')} />
        )}
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="time" label={t('trainings.session.startTime')} required {...form.field('startTime')} />
          <TextInput type="time" label={t('trainings.session.endTime')} required {...form.field('endTime')} />
        </SimpleGrid>
        <Radio.Group
          label={t('trainings.session.mode')}
          required
          value={values.mode}
          onChange={(value) => form.set('mode', value as SessionMode)}
          error={errors.mode}
        >
          <Group gap="lg" mt={4}>
            <Radio value="on_site" label={t('trainings.session.onSite')} />
            <Radio value="web" label={t('trainings.session.web')} />
          </Group>
        </Radio.Group>
        {values.mode === 'on_site' ? (
          <TextInput label={t('trainings.session.place')} required {...form.field('place')} />
        ) : (
          <TextInput
            type="url"
            label={t('trainings.session.link')}
            required
            placeholder="https://"
            {...form.field('link')}
          />
        )}
        <NativeSelect
          label={t('trainings.session.trainer')}
          value={values.trainerPersonId}
          error={errors.trainerPersonId}
          onChange={(event) => form.set('trainerPersonId', event.currentTarget.value)}
          data={[
            { value: '', label: t('trainings.session.noTrainer') },
            ...controls.trainers.map((trainer) => ({ value: trainer.id, label: trainer.name })),
          ]}
        />
        <FormProblem error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {target.kind === 'edit'
              ? t('common.save')
              : target.kind === 'proposal'
                ? t('trainings.session.confirmButton')
                : t('trainings.session.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The dialog's title: which date is confirmed or changed, or which training gets a new session. */
export function sessionFormTitle(
  target: SessionTarget,
  trainingTitle: string,
  language: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (target.kind === 'proposal') {
    return t('trainings.session.confirmTitle', { date: formatSessionDate(target.proposal.date, language) });
  }
  if (target.kind === 'edit') {
    return t('trainings.session.editTitle', { date: formatSessionDate(target.session.date, language) });
  }
  return t('trainings.session.newSessionTitle', { title: trainingTitle });
}
