import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../layout/ErrorMessage.js';
import { useRenewCalendarFeed } from './api.js';

/**
 * A calendar to subscribe to: a button that makes a new secret address (the server keeps only a
 * hash of it, so it can be shown just once) and the address to copy into Outlook or Google Kalender.
 */
export function CalendarFeed({
  headingId,
  title,
  intro,
  renewUrl,
  unavailable,
}: {
  headingId: string;
  title: string;
  intro: string;
  renewUrl: string;
  /** Why there is no calendar to make, said instead of offering one. */
  unavailable?: string;
}) {
  const { t } = useTranslation();
  const renew = useRenewCalendarFeed(renewUrl);
  const url = renew.data?.url;
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {title}
      </Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Text>{intro}</Text>
          {unavailable ? (
            <Text size="sm">{unavailable}</Text>
          ) : (
            <Text size="sm" c="gray.7">
              {t('tasks.calendar.renewNote')}
            </Text>
          )}
          {!unavailable && (
            <Group>
              <Button variant={url ? 'default' : 'filled'} loading={renew.isPending} onClick={() => renew.mutate()}>
                {url ? t('tasks.calendar.renew') : t('tasks.calendar.create')}
              </Button>
            </Group>
          )}
          {renew.isError && (
            <Alert color="orange" role="alert">
              {errorText(renew.error, t)}
            </Alert>
          )}
          <div role="status">{url && <Text size="sm">{t('tasks.calendar.created')}</Text>}</div>
          {url && (
            <>
              <Group gap="sm" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('tasks.calendar.address')}
                  value={url}
                  readOnly
                  onFocus={(event) => event.currentTarget.select()}
                  style={{ flex: 1 }}
                />
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button variant="light" onClick={copy} color={copied ? 'teal.9' : undefined}>
                      {copied ? t('tasks.calendar.copied') : t('tasks.calendar.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="sm">{t('tasks.calendar.howTo')}</Text>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
