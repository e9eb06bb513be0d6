import './revisions.css';
import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useSession } from '../auth/session.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { useComparison, useMarkRevisionRead, useRevisions } from './api.js';
import { ComparePicker } from './ComparePicker.js';
import { type Comparison, defaultComparison, requestedVersion } from './comparison.js';
import { DiffView } from './DiffView.js';
import { DownloadLinks } from './DownloadLinks.js';
import { RevisionList } from './RevisionList.js';
import { SendRevisionForm } from './SendRevisionForm.js';

/** `/projekt/:projectId/revisioner`: send the plan to the vendor, and see what changed between versions. */
export function RevisionsPage() {
  const { t } = useTranslation();
  const projectId = useParams().projectId as string;
  const [search] = useSearchParams();
  const project = useProject(projectId);
  const revisions = useRevisions(projectId);
  const session = useSession();
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const compared = useComparison(projectId, comparison);
  const { mutate: markRead } = useMarkRevisionRead(projectId);
  const markedRead = useRef(new Set<number>());
  const compareHeading = useRef<HTMLHeadingElement>(null);

  const viewer = session.data?.user;
  const items = revisions.data?.items;
  // Chosen once, when the page opens (or the first revision is sent): reading revisions changes
  // which are unread, and the comparison on screen must not change under the reader.
  useEffect(() => {
    if (comparison !== null || !items || !viewer) return;
    setComparison(
      defaultComparison(items, { requested: requestedVersion(search), viewerIsVendor: viewer.role !== 'customer' }),
    );
  }, [comparison, items, viewer, search]);

  // Once per revision and visit: the list refreshes after each mark and must not send it again.
  const markAsRead = useCallback(
    (number: number) => {
      if (markedRead.current.has(number)) return;
      markedRead.current.add(number);
      markRead(number, { onError: () => markedRead.current.delete(number) });
    },
    [markRead],
  );

  const shownTo = compared.isSuccess && !compared.isPlaceholderData ? compared.data.to.number : null;
  const unreadShown = shownTo !== null && items?.some((revision) => revision.number === shownTo && !revision.readByMe);
  useEffect(() => {
    if (unreadShown && shownTo !== null) markAsRead(shownTo);
  }, [unreadShown, shownTo, markAsRead]);

  const showChanges = (next: Comparison) => {
    setComparison(next);
    compareHeading.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    compareHeading.current?.focus({ preventScroll: true });
  };

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  const data = project.data;

  return (
    <Stack gap="xl" maw={1400}>
      <ProjectSubpageHeader
        project={data}
        title={t('revisions.title')}
        intro={t('revisions.intro', { vendor: data.vendorName })}
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="xl">
            {data.permissions.edit && <SendRevisionForm projectId={projectId} vendorName={data.vendorName} />}
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="nuvarande-utkast">
              <Title order={2} size="h3" id="nuvarande-utkast">
                {t('revisions.draft.title')}
              </Title>
              <Text c="gray.7" size="sm" mt={4} mb="md">
                {t('revisions.draft.lead')}
              </Text>
              <DownloadLinks projectId={projectId} />
            </Paper>
            <Stack gap="sm" component="section" aria-labelledby="skickade-versioner">
              <Title order={2} size="h3" id="skickade-versioner">
                {t('revisions.list.title')}
              </Title>
              {revisions.isError && <ErrorMessage error={revisions.error} onRetry={() => revisions.refetch()} />}
              {items && (
                <RevisionList
                  projectId={projectId}
                  revisions={items}
                  shown={comparison}
                  onShowChanges={showChanges}
                  onRead={markAsRead}
                />
              )}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md" component="section" aria-labelledby="jamfor-versioner">
            <Title order={2} size="h3" id="jamfor-versioner" ref={compareHeading} tabIndex={-1}>
              {t('revisions.compare.title')}
            </Title>
            {items && items.length === 0 && <Text c="gray.7">{t('revisions.compare.nothingYet')}</Text>}
            {items && comparison && (
              <ComparePicker revisions={items} comparison={comparison} onChange={setComparison} />
            )}
            {compared.isError && <ErrorMessage error={compared.error} onRetry={() => compared.refetch()} />}
            {comparison && !compared.data && compared.isFetching && (
              <Text c="gray.7">{t('revisions.compare.loading')}</Text>
            )}
            {compared.data && (
              <div
                aria-busy={compared.isPlaceholderData}
                className={compared.isPlaceholderData ? 'diff-loading' : undefined}
              >
                <DiffView diff={compared.data} />
              </div>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
