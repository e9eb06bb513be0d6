import './checklist.css';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import type { Activity, Checklist, ChecklistQuery } from '../../shared/checklist.js';
import type { ProjectDetail } from '../../shared/projects.js';
import { ApiError } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useScrollToHash } from '../layout/useScrollToHash.js';
import { useOrganisation, usePeople, useVendorPeople } from '../organisation/api.js';
import { activityIdFromHash } from './anchor.js';
import { useChecklist, useMoveActivity, useUpdateActivity } from './api.js';
import { ChecklistFilters } from './ChecklistFilters.js';
import type { ChecklistControls, SaveActivity } from './controls.js';
import { DeleteActivityDialog } from './DeleteActivityDialog.js';
import { stockholmToday } from './dates.js';
import { filtersFromSearch, isFiltered, searchWithFilters } from './filters.js';
import { activityFormOptions } from './formOptions.js';
import { GroupTable } from './GroupTable.js';
import { moveTarget } from './order.js';
import { StatusMessage, useStatusMessage } from './StatusMessage.js';

const findActivity = (checklist: Checklist | undefined, activityId: string | null): Activity | null =>
  checklist?.groups.flatMap((group) => group.activities).find((activity) => activity.id === activityId) ?? null;

/** The project's main page: the checklist, filtered as the page address says. */
export function ChecklistSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const projectId = project.id;
  const canEdit = project.permissions.edit;
  const [search, setSearch] = useSearchParams();
  const whole = useChecklist(projectId);
  const groupKeys = whole.data?.groups.map((group) => group.key);
  const query = filtersFromSearch(search, groupKeys);
  const filtered = isFiltered(query);
  const shown = useChecklist(projectId, query);
  const session = useSession();
  const update = useUpdateActivity(projectId);
  const move = useMoveActivity(projectId);
  const status = useStatusMessage();
  const [problem, setProblem] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const formOptions = useFormOptions(project, whole.data);
  const highlightedId = useLinkedActivity(shown.data !== undefined);

  const failed = (error: Error) =>
    setProblem(
      error instanceof ApiError && error.code === 'VERSION_CONFLICT'
        ? t('checklist.conflict')
        : t('checklist.saveFailed', { message: error.message }),
    );

  const save: SaveActivity = (activity, change, onFailure) => {
    setProblem(null);
    update.mutate(
      { activityId: activity.id, version: activity.version, ...change },
      {
        onError: (error) => {
          onFailure?.();
          failed(error);
        },
      },
    );
  };

  const controls: ChecklistControls = {
    projectId,
    vendorName: project.vendorName,
    canEdit,
    today: stockholmToday(),
    highlightedId,
    formOptions: canEdit ? formOptions : null,
    save,
    move: (activity, direction) => {
      const groupIds = activityIds(whole.data, activity.groupKey);
      const index = moveTarget(groupIds, activityIds(shown.data, activity.groupKey), activity.id, direction);
      if (index === null) return;
      setProblem(null);
      move.mutate(
        { activityId: activity.id, version: activity.version, groupKey: activity.groupKey, index },
        {
          onSuccess: () => status.announce(t('checklist.actions.moved', { title: activity.title })),
          onError: failed,
        },
      );
    },
    remove: (activity) => setRemovingId(activity.id),
    announce: status.announce,
  };

  const changeFilters = (next: ChecklistQuery) => setSearch(searchWithFilters(search, next), { replace: true });
  const groups = (shown.data?.groups ?? []).filter((group) => !filtered || group.activities.length > 0);
  const mineWithoutPerson = query.filter === 'mine' && session.data && !session.data.user.personId;

  return (
    <Stack gap="md" component="section" aria-labelledby="checklista">
      <Group justify="space-between" align="flex-end">
        <Title order={2} id="checklista">
          {t('checklist.title')}
        </Title>
        <Group gap="md">
          <Anchor href={`/api/projects/${projectId}/activities/export.xlsx`} download size="sm">
            {t('checklist.download.excel')}
          </Anchor>
          <Anchor href={`/api/projects/${projectId}/activities/export.csv`} download size="sm">
            {t('checklist.download.csv')}
          </Anchor>
        </Group>
      </Group>
      {whole.data && <ChecklistFilters query={query} groups={whole.data.groups} onChange={changeFilters} />}
      <StatusMessage message={status.message} onClose={status.clear} />
      {problem && (
        <Alert
          color="orange"
          role="alert"
          withCloseButton
          onClose={() => setProblem(null)}
          closeButtonLabel={t('checklist.close')}
        >
          {problem}
        </Alert>
      )}
      {whole.isError && <ErrorMessage error={whole.error} onRetry={() => whole.refetch()} />}
      {shown.isError && filtered && <ErrorMessage error={shown.error} onRetry={() => shown.refetch()} />}
      {mineWithoutPerson && <Text c="gray.7">{t('checklist.filters.mineWithoutPerson')}</Text>}
      {shown.data && filtered && groups.length === 0 && (
        <Group gap="sm">
          <Text>{t('checklist.nothingMatches')}</Text>
          <Button variant="default" size="xs" onClick={() => changeFilters({})}>
            {t('checklist.clearFilters')}
          </Button>
        </Group>
      )}
      {groups.map((group) => (
        <GroupTable key={group.key} group={group} controls={controls} />
      ))}
      <DeleteActivityDialog
        projectId={projectId}
        activity={findActivity(whole.data, removingId)}
        onDeleted={(activity) => {
          setRemovingId(null);
          status.announce(t('checklist.actions.removed', { title: activity.title }));
        }}
        onClose={() => setRemovingId(null)}
      />
    </Stack>
  );
}

const activityIds = (checklist: Checklist | undefined, groupKey: string): string[] =>
  checklist?.groups.find((group) => group.key === groupKey)?.activities.map((activity) => activity.id) ?? [];

/** The activity form's choices, loaded only for those who may edit. */
function useFormOptions(project: ProjectDetail, checklist: Checklist | undefined) {
  const canEdit = project.permissions.edit;
  const organisation = useOrganisation(project.id);
  const customerPeople = usePeople(canEdit ? project.customer.id : undefined);
  const vendorPeople = useVendorPeople(canEdit);
  return useMemo(
    () =>
      organisation.data
        ? activityFormOptions(organisation.data, checklist, {
            customer: customerPeople.data?.items ?? [],
            vendor: vendorPeople.data?.items ?? [],
          })
        : null,
    [organisation.data, checklist, customerPeople.data, vendorPeople.data],
  );
}

/**
 * The activity the page address's hash names (a reminder e-mail's link), once the list is on
 * screen: scrolled into view and returned so its row can be highlighted.
 */
function useLinkedActivity(listShown: boolean): string | null {
  useScrollToHash(listShown, 'center');
  return activityIdFromHash(useLocation().hash);
}
