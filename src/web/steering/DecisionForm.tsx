import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Decision,
  type DecisionInput,
  deciders,
  decisionInputSchema,
  type SteeringMeeting,
} from '../../shared/steering.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { stockholmToday } from '../checklist/dates.js';
import { FormActions } from '../layout/FormActions.js';
import { decisionsQuery, useSaveDecision } from './api.js';
import { useFocusOnMount } from './focus.js';
import { LinkPicker } from './LinkPicker.js';
import { MeetingSelect } from './MeetingSelect.js';
import { type LinkChoice, linkChoiceOf, linksOf } from './view.js';

type DecisionValues = {
  title: string;
  background: string;
  decision: string;
  /** '' until chosen. */
  decidedBy: string;
  decidedOn: string;
  meetingId: string;
  links: LinkChoice;
};

const valuesOf = (decision: Decision): DecisionValues => ({
  title: decision.title,
  background: decision.background,
  decision: decision.decision,
  decidedBy: decision.decidedBy,
  decidedOn: decision.decidedOn,
  meetingId: decision.meeting?.id ?? '',
  links: linkChoiceOf(decision.links),
});

const newDecision = (): DecisionValues => ({
  title: '',
  background: '',
  decision: '',
  decidedBy: '',
  decidedOn: stockholmToday(),
  meetingId: '',
  links: linkChoiceOf([]),
});

/** Records a decision in the log, or edits one (sending the version it was read at). */
export function DecisionForm({
  projectId,
  decision,
  meetings,
  onSaved,
  onCancel,
}: {
  projectId: string;
  decision?: Decision;
  meetings: SteeringMeeting[];
  onSaved: (saved: Decision) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveDecision(projectId);
  const form = useSchemaForm<DecisionValues>(decisionInputSchema, decision ? valuesOf(decision) : newDecision());
  const { values, errors } = form;
  const titleInput = useFocusOnMount<HTMLInputElement>();
  const edit = useVersionedEdit({
    entity: decision,
    valuesOf,
    form,
    save,
    latest: {
      // The whole log: the search on screen may no longer find the decision as it is saved now.
      query: decisionsQuery(projectId, ''),
      find: (list) => list.items.find((candidate) => candidate.id === decision?.id),
    },
  });
  const title = decision
    ? t('steering.decisions.form.editTitle', { number: decision.number })
    : t('steering.decisions.form.newTitle');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title: values.title,
      background: values.background,
      decision: values.decision,
      decidedBy: values.decidedBy === '' ? undefined : (values.decidedBy as DecisionInput['decidedBy']),
      decidedOn: values.decidedOn,
      meetingId: values.meetingId === '' ? null : values.meetingId,
      links: linksOf(values.links),
    };
    if (!form.check(body)) return;
    save.mutate(
      {
        ...body,
        decidedBy: values.decidedBy as DecisionInput['decidedBy'],
        decisionId: decision?.id,
        version: edit.version,
      },
      {
        onSuccess: (saved) => {
          if (!decision) form.reset(newDecision());
          onSaved(saved);
        },
        onError: form.showServerErrors,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={decision ? 4 : 3} size="h4">
          {title}
        </Title>
        <TextInput ref={titleInput} label={t('steering.decisions.form.title')} required {...form.field('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('steering.decisions.form.decidedBy')}
            required
            value={values.decidedBy}
            error={errors.decidedBy}
            onChange={(event) => form.set('decidedBy', event.currentTarget.value)}
            data={[
              { value: '', label: t('steering.decisions.form.chooseDecider') },
              ...deciders.map((decider) => ({ value: decider, label: t(`steering.decisions.decidedBy.${decider}`) })),
            ]}
          />
          <TextInput type="date" label={t('steering.decisions.form.decidedOn')} required {...form.field('decidedOn')} />
          <MeetingSelect
            label={t('steering.decisions.form.meeting')}
            meetings={meetings}
            value={values.meetingId}
            error={errors.meetingId}
            onChange={(meetingId) => form.set('meetingId', meetingId)}
          />
        </SimpleGrid>
        <Textarea label={t('steering.decisions.form.background')} autosize minRows={2} {...form.field('background')} />
        <Textarea
          label={t('steering.decisions.form.decision')}
          required
          autosize
          minRows={2}
          {...form.field('decision')}
        />
        <LinkPicker
          projectId={projectId}
          value={values.links}
          error={errors.links}
          onChange={(links) => form.set('links', links)}
        />
        <FormActions
          {...edit.problem}
          submitLabel={t('steering.decisions.form.save')}
          pending={save.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
