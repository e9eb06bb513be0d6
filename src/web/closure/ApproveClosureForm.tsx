import { Alert, Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { approveClosureBodySchema, type ClosureOverview } from '../../shared/closure.js';
import { ApiError } from '../api/client.js';
import { useSchemaForm } from '../api/forms.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useApproveClosure } from './api.js';

/** Refused because what is open changed meanwhile, or someone approved first: the server's words say which. */
const isConflict = (error: unknown): boolean => error instanceof ApiError && error.status === 409;

/**
 * The Beställare's approval, after confirming having gone through what is open. It sends the
 * number of open items seen, so an approval of a list that has since grown is refused.
 */
export function ApproveClosureForm({
  projectId,
  closure,
  onApproved,
}: {
  projectId: string;
  closure: ClosureOverview;
  onApproved: () => void;
}) {
  const { t } = useTranslation();
  const schema = useMemo(
    () =>
      approveClosureBodySchema.extend({ reviewed: z.literal(true, { error: t('closure.approve.reviewedRequired') }) }),
    [t],
  );
  const form = useSchemaForm<{ reviewed: boolean }>(schema, { reviewed: false });
  const approve = useApproveClosure(projectId, onApproved);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ openItemsSeen: closure.openCount, reviewed: form.values.reviewed })) return;
    approve.mutate(
      { openItemsSeen: closure.openCount },
      {
        onError: (error) => {
          // The list shown is fetched again; the approver confirms having gone through the new one.
          if (isConflict(error)) form.reset();
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="godkann-avslut">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="godkann-avslut">
            {t('closure.approve.title')}
          </Title>
          <Text>{t('closure.approve.explanation')}</Text>
          {closure.openCount > 0 && <Text fw={600}>{t('closure.approve.openSeen', { count: closure.openCount })}</Text>}
          <Checkbox
            label={t('closure.approve.reviewed')}
            required
            checked={form.values.reviewed}
            error={form.errors.reviewed}
            onChange={(event) => form.set('reviewed', event.currentTarget.checked)}
          />
          {approve.isError && (
            <Alert color={isConflict(approve.error) ? 'orange' : 'red'} role="alert">
              {errorText(approve.error, t)}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={approve.isPending}>
              {t('closure.approve.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
