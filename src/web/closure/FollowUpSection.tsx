import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ClosureOverview, planFollowUpBodySchema } from '../../shared/closure.js';
import { ApiError } from '../api/client.js';
import { hasFieldErrors, useSchemaForm } from '../api/forms.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { errorText } from '../layout/ErrorMessage.js';
import { formatDate } from '../plan/format.js';
import { usePlanFollowUp } from './api.js';

/** The follow-up meeting with the vendor, about six months after the start: its day, and a form to set it. */
export function FollowUpSection({ projectId, closure }: { projectId: string; closure: ClosureOverview }) {
  const { t, i18n } = useTranslation();
  const { followUp } = closure;
  const status = useStatusMessage();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="uppfoljningsmote">
      <Stack gap="sm">
        <Title order={2} id="uppfoljningsmote">
          {t('closure.followUp.title')}
        </Title>
        <Text c="gray.7">{t('closure.followUp.intro')}</Text>
        <Group gap="md">
          <Text fw={600}>
            {followUp.date === null
              ? t('closure.followUp.notPlanned')
              : t('closure.followUp.planned', {
                  title: followUp.title,
                  date: formatDate(followUp.date, i18n.language),
                })}
          </Text>
          {followUp.keyActivityId !== null && (
            <Anchor component={Link} to={`/projekt/${projectId}/tidplan`} size="sm" underline="always">
              {t('closure.followUp.toTimeline')}
            </Anchor>
          )}
        </Group>
        {closure.may.planFollowUp && (
          <FollowUpForm
            projectId={projectId}
            followUp={followUp}
            onPlanned={() => status.announce(t('closure.followUp.saved'))}
          />
        )}
        <StatusMessage message={status.message} onClose={status.clear} />
      </Stack>
    </Paper>
  );
}

function FollowUpForm({
  projectId,
  followUp,
  onPlanned,
}: {
  projectId: string;
  followUp: ClosureOverview['followUp'];
  onPlanned: () => void;
}) {
  const { t } = useTranslation();
  const plan = usePlanFollowUp(projectId, onPlanned);
  const form = useSchemaForm<{ date: string }>(planFollowUpBodySchema, { date: followUp.date ?? '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The version is read when sending: after a conflict the meeting as saved now is the base.
    const body = { date: form.values.date, version: followUp.version ?? undefined };
    if (!form.check(body)) return;
    plan.mutate(body, { onError: form.showServerErrors });
  };

  const conflict = plan.error instanceof ApiError && plan.error.code === 'VERSION_CONFLICT';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput type="date" label={t('closure.followUp.date')} required w={220} {...form.field('date')} />
          <Button type="submit" loading={plan.isPending}>
            {t('closure.followUp.save')}
          </Button>
        </Group>
        {plan.isError && !hasFieldErrors(plan.error) && (
          <Alert color={conflict ? 'orange' : 'red'} role="alert">
            {conflict ? t('closure.followUp.changed') : errorText(plan.error, t)}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
