import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../shared/projects.js';
import { isClosed } from '../projects/phase.js';

/** On a closed project, why its pages offer no changes: a plain notice, not an error. */
export function ClosedNotice({ project }: { project: Pick<ProjectDetail, 'phase'> }) {
  const { t } = useTranslation();
  if (!isClosed(project)) return null;
  return (
    <Alert color="gray" variant="light" role="status">
      {t('closure.closedNotice')}
    </Alert>
  );
}
