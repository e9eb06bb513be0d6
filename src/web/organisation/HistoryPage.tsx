import { Button, Paper, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AuditEvent } from '../../shared/audit.js';
import { type SchoolForm, schoolFormLabels } from '../../shared/organisation.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { useHistory, useOrganisation, usePeople } from './api.js';

/** Bookkeeping, not something the reader changed. */
const hiddenFields = new Set(['id', 'version']);

const formatTime = (at: string) => new Date(at).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });

/** Names for the ids a change refers to: schools, roles and people. */
type Names = Map<string, string>;

function useNames(projectId: string, customerId: string | undefined): Names {
  const organisation = useOrganisation(projectId);
  const people = usePeople(customerId);
  const names: Names = new Map();
  for (const person of people.data?.items ?? []) names.set(`personId:${person.id}`, person.name);
  const data = organisation.data;
  if (data) {
    for (const role of [...data.customerRoles, ...data.vendorRoles]) names.set(`roleKey:${role.key}`, role.title);
    for (const { school, roles } of data.schools) {
      names.set(`schoolId:${school.id}`, school.name);
      for (const role of roles) names.set(`roleKey:${role.key}`, role.title);
    }
  }
  return names;
}

function formatValue(key: string, value: unknown, names: Names, t: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (Array.isArray(value)) {
    return value
      .map((item) => (key === 'schoolForms' ? (schoolFormLabels[item as SchoolForm] ?? String(item)) : String(item)))
      .join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return names.get(`${key}:${String(value)}`) ?? String(value);
}

/** The rows of a change: for an edit only what changed, otherwise everything recorded. */
function changedFields(event: AuditEvent): string[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !hiddenFields.has(key));
  // A name saved with the change says more than the id beside it.
  const named = keys.filter((key) => !(key === 'personId' && keys.includes('personName')));
  if (!event.before || !event.after) return named;
  return named.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** `/projekt/:projectId/historik`: who changed what and when, with the values before and after. */
export function HistoryPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const history = useHistory(projectId);
  const names = useNames(projectId, project.data?.customer.id);

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  const data = project.data;

  return (
    <Stack gap="xl" maw={1200}>
      <ProjectSubpageHeader project={data} title={t('history.title')} intro={t('history.intro')} />
      {history.isError && <ErrorMessage error={history.error} onRetry={() => history.refetch()} />}
      {history.data &&
        (history.data.items.length === 0 ? (
          <Text>{t('history.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={160}>
                    {t('history.time')}
                  </Table.Th>
                  <Table.Th scope="col" w={200}>
                    {t('history.who')}
                  </Table.Th>
                  <Table.Th scope="col">{t('history.what')}</Table.Th>
                  <Table.Th scope="col" w={170}>
                    <span className="visually-hidden">{t('history.details')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.items.map((event) => (
                  <EventRows key={event.id} event={event} names={names} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Stack>
  );
}

function EventRows({ event, names }: { event: AuditEvent; names: Names }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const fields = changedFields(event);
  const detailsId = `andring-${event.id}`;
  const summaryId = `sammanfattning-${event.id}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={event.at}>{formatTime(event.at)}</time>
        </Table.Td>
        <Table.Td>{event.actor.name}</Table.Td>
        <Table.Td id={summaryId}>{event.summary}</Table.Td>
        <Table.Td ta="right">
          {fields.length > 0 && (
            <Button
              size="compact-sm"
              variant="default"
              aria-expanded={open}
              aria-controls={detailsId}
              aria-describedby={summaryId}
              onClick={() => setOpen(!open)}
            >
              {open ? t('history.hide') : t('history.show')}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={4} bg="gray.0">
            <Paper withBorder p="sm" radius="sm" maw={760}>
              <Table verticalSpacing={4} aria-label={t('history.changeOf', { summary: event.summary })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('history.field')}</Table.Th>
                    {event.before && <Table.Th scope="col">{t('history.before')}</Table.Th>}
                    {event.after && <Table.Th scope="col">{t('history.after')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {fields.map((key) => (
                    <Table.Tr key={key}>
                      <Table.Th scope="row" fw={600}>
                        {t(`history.fields.${key}`, { defaultValue: key })}
                      </Table.Th>
                      {event.before && <Table.Td>{formatValue(key, event.before[key], names, t)}</Table.Td>}
                      {event.after && <Table.Td>{formatValue(key, event.after[key], names, t)}</Table.Td>}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
