import { Alert, Anchor, Button, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ClosureOverview, startFollowOnBodySchema } from '../../shared/closure.js';
import { hasFieldErrors, useSchemaForm } from '../api/forms.js';
import { stockholmToday } from '../checklist/dates.js';
import { errorText } from '../layout/ErrorMessage.js';
import { formatDate } from '../plan/format.js';
import { useStartFollowOn } from './api.js';

/** The template's next step: the follow-on projects already started, and starting one. */
export function NextStepSection({ projectId, closure }: { projectId: string; closure: ClosureOverview }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="nasta-steg">
      <Stack gap="sm">
        <Title order={2} id="nasta-steg">
          {t('closure.next.title')}
        </Title>
        <Text c="gray.7">{t('closure.next.intro')}</Text>
        {closure.followOns.length === 0 ? (
          <Text>{t('closure.next.noneStarted')}</Text>
        ) : (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('closure.next.started')}
            </Title>
            <List spacing={4}>
              {closure.followOns.map((followOn) => (
                <List.Item key={followOn.id}>
                  <Anchor component={Link} to={`/projekt/${followOn.id}`} underline="always">
                    {followOn.name}
                  </Anchor>{' '}
                  <Text component="span" size="sm" c="gray.7">
                    (
                    {t('closure.next.startedOn', {
                      date: formatDate(stockholmToday(new Date(followOn.createdAt)), i18n.language),
                    })}
                    )
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {closure.may.startFollowOn && (
          <StartFollowOnForm projectId={projectId} suggestedName={closure.suggestedFollowOnName} />
        )}
      </Stack>
    </Paper>
  );
}

function StartFollowOnForm({ projectId, suggestedName }: { projectId: string; suggestedName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartFollowOn(projectId);
  const form = useSchemaForm<{ name: string; startDate: string }>(startFollowOnBodySchema, {
    name: suggestedName,
    startDate: '',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: form.values.name,
      startDate: form.values.startDate === '' ? undefined : form.values.startDate,
    };
    if (!form.check(body)) return;
    start.mutate(body, {
      onSuccess: (created) => navigate(`/projekt/${created.id}`),
      onError: form.showServerErrors,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="starta-nasta-steg">
      <Stack gap="sm" maw={560}>
        <Title order={3} size="h4" id="starta-nasta-steg">
          {t('closure.next.formTitle')}
        </Title>
        <TextInput label={t('closure.next.name')} required {...form.field('name')} />
        <TextInput
          type="date"
          label={t('closure.next.startDate')}
          description={t('closure.next.startDateHint')}
          w={220}
          {...form.field('startDate')}
        />
        {start.isError && !hasFieldErrors(start.error) && (
          <Alert color="red" role="alert">
            {errorText(start.error, t)}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={start.isPending}>
            {t('closure.next.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
