import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exportUrl } from './api.js';

/** Word and PDF of the plan: a revision's when `revision` is given, otherwise the current draft's. */
export function DownloadLinks({
  projectId,
  revision,
  onDownload,
}: {
  projectId: string;
  revision?: number;
  onDownload?: () => void;
}) {
  const { t } = useTranslation();
  const forRevision = revision !== undefined;
  const links = [
    {
      format: 'docx' as const,
      text: forRevision ? t('revisions.list.word') : t('revisions.draft.word'),
      label: forRevision ? t('revisions.list.wordOf', { number: revision }) : undefined,
    },
    {
      format: 'pdf' as const,
      text: forRevision ? t('revisions.list.pdf') : t('revisions.draft.pdf'),
      label: forRevision ? t('revisions.list.pdfOf', { number: revision }) : undefined,
    },
  ];
  return (
    <Group gap="xs">
      {links.map((link) => (
        <Button
          key={link.format}
          component="a"
          href={exportUrl(projectId, link.format, revision)}
          download
          aria-label={link.label}
          variant="default"
          size={forRevision ? 'xs' : 'sm'}
          onClick={onDownload}
        >
          {link.text}
        </Button>
      ))}
    </Group>
  );
}
