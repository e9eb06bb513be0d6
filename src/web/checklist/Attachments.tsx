import { Alert, Anchor, Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, AttachmentList } from '../../shared/attachments.js';
import type { Activity } from '../../shared/checklist.js';
import { ApiError, api } from '../api/client.js';
import { fileSize, megabyte } from '../delivery/file-size.js';
import { ErrorMessage, errorText } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { isClosed } from '../projects/phase.js';

const attachmentsKey = (projectId: string, activityId: string) => ['projects', projectId, 'attachments', activityId];

const useAttachments = (projectId: string, activityId: string) =>
  useQuery({
    queryKey: attachmentsKey(projectId, activityId),
    queryFn: () => api<AttachmentList>('GET', `/api/projects/${projectId}/activities/${activityId}/attachments`),
  });

/** The list and the checklist's paperclip counts change together. */
function useRefetchAttachments(projectId: string, activityId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: attachmentsKey(projectId, activityId) });
    void queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'activities'] });
  };
}

function useUploadAttachment(projectId: string, activityId: string) {
  const refetch = useRefetchAttachments(projectId, activityId);
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api<Attachment>('POST', `/api/projects/${projectId}/activities/${activityId}/attachments`, body);
    },
    onSettled: refetch,
  });
}

function useDeleteAttachment(projectId: string, activityId: string) {
  const refetch = useRefetchAttachments(projectId, activityId);
  return useMutation({
    mutationFn: (attachmentId: string) => api<void>('DELETE', `/api/projects/${projectId}/attachments/${attachmentId}`),
    onSettled: refetch,
  });
}

const formatTime = (iso: string) => new Date(iso).toLocaleString('sv-SE', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The files attached to an activity, such as the import files the customer sends the vendor's
 * support: download for everyone who sees the project, upload for whoever may tick the activity,
 * removal for the uploader and the plan writers.
 */
export function AttachmentsPanel({
  projectId,
  activity,
  onClose,
}: {
  projectId: string;
  activity: Activity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const attachments = useAttachments(projectId, activity.id);
  const project = useProject(projectId);
  const [message, setMessage] = useState('');
  // A removed file's button leaves with it: the keyboard goes back to the panel's heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `filer-${activity.id}`;
  const list = attachments.data;

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} id={headingId} ref={heading} tabIndex={-1}>
            {t('delivery.attachments.title')}
            <span className="visually-hidden">: {activity.title}</span>
          </Title>
          <Button size="compact-sm" variant="default" onClick={onClose}>
            {t('checklist.close')}
          </Button>
        </Group>
        {attachments.isError && <ErrorMessage error={attachments.error} onRetry={() => attachments.refetch()} />}
        {list?.items.length === 0 && <Text size="sm">{t('delivery.attachments.empty')}</Text>}
        {list && list.items.length > 0 && (
          <List listStyleType="none" spacing="xs">
            {list.items.map((attachment) => (
              <AttachmentItem
                key={attachment.id}
                projectId={projectId}
                attachment={attachment}
                onRemoved={() => {
                  setMessage(t('delivery.attachments.removed', { name: attachment.fileName }));
                  heading.current?.focus();
                }}
              />
            ))}
          </List>
        )}
        {list?.mayUpload && (
          <UploadForm
            projectId={projectId}
            activityId={activity.id}
            list={list}
            onUploaded={(attachment) =>
              setMessage(t('delivery.attachments.uploadedMessage', { name: attachment.fileName }))
            }
          />
        )}
        {/* A closed project's notice already says why no file can be added. */}
        {list && !list.mayUpload && project.data && !isClosed(project.data) && (
          <Text size="sm" c="gray.7">
            {t('delivery.attachments.readOnly')}
          </Text>
        )}
        <Text size="sm" role="status">
          {message}
        </Text>
      </Stack>
    </Paper>
  );
}

function AttachmentItem({
  projectId,
  attachment,
  onRemoved,
}: {
  projectId: string;
  attachment: Attachment;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteAttachment(projectId, attachment.activityId);
  const [confirming, setConfirming] = useState(false);
  const name = attachment.fileName;
  return (
    <List.Item>
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Group gap="xs">
            <Anchor
              href={`/api/projects/${projectId}/attachments/${attachment.id}/download`}
              aria-label={t('delivery.attachments.download', { name })}
              fw={600}
              size="sm"
            >
              {name}
            </Anchor>
            <Text size="sm" c="gray.7">
              {fileSize(attachment.sizeBytes)}
            </Text>
          </Group>
          <Text size="xs" c="gray.7">
            {t('delivery.attachments.uploaded', {
              name: attachment.uploadedBy.name,
              time: formatTime(attachment.createdAt),
            })}
          </Text>
        </Stack>
        {attachment.mayDelete && !confirming && (
          <Button
            size="compact-sm"
            variant="subtle"
            c="red.9"
            aria-label={t('delivery.attachments.removeLabel', { name })}
            onClick={() => setConfirming(true)}
          >
            {t('delivery.attachments.remove')}
          </Button>
        )}
      </Group>
      {confirming && (
        <Group gap="xs" mt={4}>
          <Text size="sm">{t('delivery.attachments.removeConfirm', { name })}</Text>
          <Button
            size="compact-sm"
            color="red.9"
            loading={remove.isPending}
            onClick={() => remove.mutate(attachment.id, { onSuccess: onRemoved })}
          >
            {t('delivery.attachments.removeYes')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      )}
      {remove.isError && (
        <Alert color="red" role="alert" mt={4} p="xs">
          {errorText(remove.error, t)}
        </Alert>
      )}
    </List.Item>
  );
}

function UploadForm({
  projectId,
  activityId,
  list,
  onUploaded,
}: {
  projectId: string;
  activityId: string;
  list: AttachmentList;
  onUploaded: (attachment: Attachment) => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(projectId, activityId);
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const accept = list.extensions.map((extension) => `.${extension}`).join(',');
  const types = list.extensions.map((extension) => extension.toUpperCase()).join(', ');
  const serverError = upload.error
    ? (upload.error instanceof ApiError && upload.error.fields.file) || errorText(upload.error, t)
    : null;
  const error = tooLarge ? t('delivery.attachments.tooLarge', { max: list.maxMegabytes }) : serverError;

  const choose = (chosen: File | null) => {
    upload.reset();
    setFile(chosen);
    // Said before anything is sent: the limit is known here too.
    setTooLarge(chosen !== null && chosen.size > list.maxMegabytes * megabyte);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!file || tooLarge) return;
        upload.mutate(file, {
          onSuccess: (attachment) => {
            setFile(null);
            onUploaded(attachment);
          },
        });
      }}
    >
      <Stack gap="xs" align="flex-start">
        <FileInput
          label={t('delivery.attachments.choose')}
          description={t('delivery.attachments.chooseHint', { types, max: list.maxMegabytes })}
          placeholder={t('delivery.attachments.placeholder')}
          accept={accept}
          value={file}
          onChange={choose}
          clearable
          clearButtonProps={{ 'aria-label': t('delivery.attachments.clear') }}
          error={error}
          w={{ base: '100%', sm: 420 }}
        />
        <Button type="submit" disabled={!file || tooLarge} loading={upload.isPending}>
          {t('delivery.attachments.upload')}
        </Button>
      </Stack>
    </form>
  );
}

/** The paperclip beside an activity's file count (drawn with the text colour). */
export function PaperclipIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
    </svg>
  );
}
