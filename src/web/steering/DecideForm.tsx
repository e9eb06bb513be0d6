import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChangeRequest, decideChangeRequestBodySchema, type SteeringMeeting } from '../../shared/steering.js';
import { ApiError } from '../api/client.js';
import { useSchemaForm } from '../api/forms.js';
import { FormProblem } from '../layout/FormProblem.js';
import { useDecideChangeRequest } from './api.js';
import { useFocusOnMount } from './focus.js';
import { MeetingSelect } from './MeetingSelect.js';

type DecideValues = {
  /** '' until chosen. */
  outcome: string;
  comment: string;
  meetingId: string;
};

/** Changed or decided by someone else since the decider read it. */
const isStale = (error: unknown) =>
  error instanceof ApiError && (error.code === 'VERSION_CONFLICT' || error.code === 'CONFLICT');

/**
 * The steering group's decision on a waiting request: approve or reject, with a comment and the
 * meeting it was taken at. It is sent with the version the decider read, so a request rewritten
 * meanwhile is not approved unseen.
 */
export function DecideForm({
  projectId,
  request,
  meetings,
  onDecided,
  onCancel,
}: {
  projectId: string;
  request: ChangeRequest;
  meetings: SteeringMeeting[];
  onDecided: (decided: ChangeRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideChangeRequest(projectId);
  const [readVersion, setReadVersion] = useState(request.version);
  const form = useSchemaForm<DecideValues>(decideChangeRequestBodySchema, {
    outcome: '',
    comment: '',
    meetingId: request.meeting?.id ?? '',
  });
  const { values, errors } = form;
  const approveRadio = useFocusOnMount<HTMLInputElement>();
  const title = t('steering.requests.decideForm.title', { number: request.number });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      outcome: values.outcome === '' ? undefined : values.outcome,
      comment: values.comment,
      meetingId: values.meetingId === '' ? null : values.meetingId,
      version: readVersion,
    };
    if (!form.check(body)) return;
    decide.mutate(
      { ...body, outcome: values.outcome as 'approved' | 'rejected', requestId: request.id },
      { onSuccess: onDecided, onError: form.showServerErrors },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <Title order={4} size="h5">
            {title}
          </Title>
          <Radio.Group
            label={t('steering.requests.decideForm.outcome')}
            required
            value={values.outcome}
            error={errors.outcome}
            onChange={(outcome) => form.set('outcome', outcome)}
          >
            <Group gap="lg" mt={6}>
              <Radio ref={approveRadio} value="approved" label={t('steering.requests.decideForm.approve')} />
              <Radio value="rejected" label={t('steering.requests.decideForm.reject')} />
            </Group>
          </Radio.Group>
          {values.outcome === 'approved' && <Text size="sm">{t('steering.requests.decideForm.approveHint')}</Text>}
          <Textarea label={t('steering.requests.decideForm.comment')} autosize minRows={2} {...form.field('comment')} />
          <MeetingSelect
            label={t('steering.requests.decideForm.meeting')}
            meetings={meetings}
            value={values.meetingId}
            error={errors.meetingId}
            onChange={(meetingId) => form.set('meetingId', meetingId)}
          />
          {isStale(decide.error) ? (
            <Alert color="orange" role="alert">
              <Text size="sm">{t('steering.requests.decideForm.conflict')}</Text>
              <Button
                size="xs"
                variant="white"
                color="dark"
                mt="xs"
                onClick={() => {
                  setReadVersion(request.version);
                  decide.reset();
                }}
              >
                {t('steering.requests.decideForm.reread')}
              </Button>
            </Alert>
          ) : (
            <FormProblem error={decide.error} />
          )}
          <Group>
            <Button type="submit" loading={decide.isPending} disabled={isStale(decide.error)}>
              {t('steering.requests.decideForm.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('steering.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
