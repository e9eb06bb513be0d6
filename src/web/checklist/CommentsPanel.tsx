import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Activity, createCommentBodySchema } from '../../shared/checklist.js';
import { hasFieldErrors, useSchemaForm } from '../api/forms.js';
import { ErrorMessage, errorText } from '../layout/ErrorMessage.js';
import { useAddComment, useComments } from './api.js';

const formatTime = (iso: string) => new Date(iso).toLocaleString('sv-SE', { dateStyle: 'medium', timeStyle: 'short' });

/** An activity's comments, oldest first, and a field to add one while the project is open. */
export function CommentsPanel({
  projectId,
  activity,
  onClose,
}: {
  projectId: string;
  activity: Activity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const comments = useComments(projectId, activity.id);
  const add = useAddComment(projectId, activity.id);
  const form = useSchemaForm(createCommentBodySchema, { body: '' });
  const headingId = `kommentarer-${activity.id}`;
  const [sent, setSent] = useState(false);

  const send = form.onSubmit((values) => {
    setSent(false);
    add.mutate(values, {
      onSuccess: () => {
        form.reset();
        setSent(true);
      },
      onError: form.showServerErrors,
    });
  });

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} id={headingId}>
            {t('checklist.comments.title')}
            <span className="visually-hidden">: {activity.title}</span>
          </Title>
          <Button size="compact-sm" variant="default" onClick={onClose}>
            {t('checklist.close')}
          </Button>
        </Group>
        {comments.isError && <ErrorMessage error={comments.error} onRetry={() => comments.refetch()} />}
        {comments.data?.items.length === 0 && <Text size="sm">{t('checklist.comments.empty')}</Text>}
        {comments.data && comments.data.items.length > 0 && (
          <List listStyleType="none" spacing="sm">
            {comments.data.items.map((comment) => (
              <List.Item key={comment.id}>
                <Text size="sm" fw={600}>
                  {t('checklist.comments.wrote', { name: comment.author.name, time: formatTime(comment.createdAt) })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {comment.body}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {comments.data?.mayComment && (
          <form onSubmit={send} noValidate>
            <Stack gap="xs">
              <Textarea label={t('checklist.comments.newComment')} autosize minRows={2} {...form.field('body')} />
              {add.isError && !hasFieldErrors(add.error) && (
                <Alert color="red" role="alert">
                  {errorText(add.error, t)}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={add.isPending}>
                  {t('checklist.comments.send')}
                </Button>
                <Text size="sm" role="status">
                  {sent ? t('checklist.comments.sent') : ''}
                </Text>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
