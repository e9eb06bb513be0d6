import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendRevisionBodySchema } from '../../shared/revisions.js';
import { useSchemaForm } from '../api/forms.js';
import { FormProblem } from '../layout/FormProblem.js';
import { useSendRevision } from './api.js';
import { changeColors } from './colors.js';

/** For those who may edit the plan: freeze it as a new version and tell the vendor what is new. */
export function SendRevisionForm({ projectId, vendorName }: { projectId: string; vendorName: string }) {
  const { t } = useTranslation();
  const send = useSendRevision(projectId);
  const form = useSchemaForm(sendRevisionBodySchema, { message: '' });
  const [sentNumber, setSentNumber] = useState<number | null>(null);

  const submit = form.onSubmit((values) => {
    setSentNumber(null);
    send.mutate(values, {
      onSuccess: (revision) => {
        form.reset();
        setSentNumber(revision.number);
      },
      onError: form.showServerErrors,
    });
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="skicka-till-leverantoren">
      <Title order={2} size="h3" id="skicka-till-leverantoren">
        {t('revisions.send.title')}
      </Title>
      <Text c="gray.7" size="sm" mt={4} mb="md">
        {t('revisions.send.lead', { vendor: vendorName })}
      </Text>
      <form onSubmit={submit} noValidate className="send-revision-form">
        <Stack gap="sm" align="flex-start">
          <Textarea
            label={t('revisions.send.message')}
            description={t('revisions.send.messageHint')}
            required
            autosize
            minRows={3}
            maxRows={10}
            w="100%"
            value={form.values.message}
            error={form.errors.message}
            onChange={(event) => form.set('message', event.currentTarget.value)}
          />
          <FormProblem error={send.error} />
          <Button type="submit" loading={send.isPending}>
            {t('revisions.send.submit')}
          </Button>
          {/* Always rendered, so the confirmation is announced when it appears. */}
          <div role="status">
            {sentNumber !== null && (
              <Alert color="green" variant="light" p="xs">
                <Text size="sm" fw={600} c={changeColors.added}>
                  {t('revisions.send.sent', { number: sentNumber })}
                </Text>
              </Alert>
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
