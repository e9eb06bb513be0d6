import { Alert, Button, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  MAX_DAYS_BEFORE,
  type ReminderPreferences,
  reminderPreferencesSchema,
  weekdays,
} from '../../shared/reminders.js';
import { ApiError } from '../api/client.js';
import { hasFieldErrors, useSchemaForm } from '../api/forms.js';
import { StatusMessage, useStatusMessage } from '../checklist/StatusMessage.js';
import { ErrorMessage, errorText } from '../layout/ErrorMessage.js';
import { useReminderPreferences, useSaveReminderPreferences } from './api.js';

/** The API's answer to a login that is no person of the organisation: there is nothing to remind. */
export const isWithoutPerson = (error: unknown) => error instanceof ApiError && error.code === 'VALIDATION_FAILED';

/** "Påminnelser": whether reminders go out, how early, and the weekly letter's day. */
export function ReminderSettings() {
  const { t } = useTranslation();
  const preferences = useReminderPreferences();
  return (
    <Stack gap="md" component="section" aria-labelledby="paminnelser">
      <Title order={2} id="paminnelser">
        {t('tasks.reminders.title')}
      </Title>
      <Text c="gray.7">{t('tasks.reminders.intro')}</Text>
      {preferences.isError &&
        (isWithoutPerson(preferences.error) ? (
          <Alert color="blue" title={t('tasks.reminders.noPersonTitle')}>
            {errorText(preferences.error, t)}
          </Alert>
        ) : (
          <ErrorMessage error={preferences.error} onRetry={() => preferences.refetch()} />
        ))}
      {preferences.data && <ReminderForm saved={preferences.data} />}
    </Stack>
  );
}

function ReminderForm({ saved }: { saved: ReminderPreferences }) {
  const { t } = useTranslation();
  const save = useSaveReminderPreferences();
  const status = useStatusMessage();
  const form = useSchemaForm<ReminderPreferences>(reminderPreferencesSchema, saved);
  const { values, errors } = form;

  const submit = form.onSubmit((preferences) =>
    save.mutate(preferences, {
      onSuccess: () => status.announce(t('tasks.reminders.saved')),
      onError: form.showServerErrors,
    }),
  );

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Switch
            label={t('tasks.reminders.enabled')}
            checked={values.enabled}
            onChange={(event) => form.set('enabled', event.currentTarget.checked)}
          />
          <Group gap="lg" align="flex-start">
            <NumberInput
              label={t('tasks.reminders.daysBefore')}
              description={t('tasks.reminders.daysBeforeHint', { max: MAX_DAYS_BEFORE })}
              min={0}
              max={MAX_DAYS_BEFORE}
              allowDecimal={false}
              allowNegative={false}
              w={320}
              value={values.daysBefore}
              error={errors.daysBefore}
              disabled={!values.enabled}
              onChange={(value) => form.set('daysBefore', typeof value === 'number' ? value : Number.NaN)}
            />
            <NativeSelect
              label={t('tasks.reminders.digestWeekday')}
              w={200}
              value={String(values.digestWeekday)}
              error={errors.digestWeekday}
              disabled={!values.enabled}
              onChange={(event) => form.set('digestWeekday', Number(event.currentTarget.value))}
              data={weekdays.map((day) => ({ value: String(day), label: t(`tasks.weekdays.${day}`) }))}
            />
          </Group>
          {save.isError && !hasFieldErrors(save.error) && (
            <Alert color="red" role="alert">
              {errorText(save.error, t)}
            </Alert>
          )}
          <StatusMessage message={status.message} onClose={status.clear} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('tasks.reminders.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
