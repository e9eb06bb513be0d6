import {
  Alert,
  Badge,
  Button,
  Group,
  Input,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ImportCommitBody,
  type ImportKind,
  type ImportPreview,
  type ImportResult,
  type ImportRowStatus,
  importFields,
  type PersonImportPreview,
  type RejectedRow,
} from '../../shared/imports.js';
import { type SchoolForm, schoolFormLabels } from '../../shared/organisation.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useProjects } from '../projects/api.js';
import { useImportCommit, useImportPreview } from './api.js';
import { rejectedRowsCsv } from './rejectedCsv.js';

/** Rows shown at once: a register of thousands is summarised, and filtered to the rows that need attention. */
const SHOWN_ROWS = 500;
const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Filter = 'all' | ImportRowStatus;
const statusColor: Record<ImportRowStatus, string> = { new: 'green', duplicate: 'gray', error: 'red' };

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What is wrong with a row, in one line: "E-post: Ange en giltig e-postadress; Skola: …". */
const rowReason = (errors: Record<string, string>, fieldLabel: (field: string) => string) =>
  Object.entries(errors)
    .map(([field, message]) => `${fieldLabel(field)}: ${message}`)
    .join('; ');

/**
 * The preview's new rows with their lines in the file. With `valid`, the rows with errors go along
 * with their reasons, so that the result and the history list them too.
 */
function commitBody(
  preview: ImportPreview,
  mode: 'all' | 'valid',
  fieldLabel: (field: string) => string,
): ImportCommitBody {
  const rejected =
    mode === 'valid'
      ? preview.rows
          .filter((row) => row.status === 'error')
          .map((row) => ({ rowNumber: row.rowNumber, reason: rowReason(row.errors, fieldLabel) }))
      : [];
  if (preview.kind === 'schools') {
    const rows = preview.rows.filter((row) => row.status === 'new');
    return { kind: 'schools', mode, rejected, rows: rows.map((row) => ({ rowNumber: row.rowNumber, ...row.values })) };
  }
  const rows = preview.rows.filter((row) => row.status === 'new');
  return {
    kind: 'people',
    mode,
    rejected,
    ...(preview.project ? { projectId: preview.project.id } : {}),
    rows: rows.map((row) => ({ rowNumber: row.rowNumber, ...row.values })),
  };
}

/** Offers the rows turned away as a file, named in the user's language. */
function downloadRejected(
  t: Translate,
  fields: readonly string[],
  fieldLabel: (field: string) => string,
  rejected: RejectedRow[],
  valuesByRow: Map<number, Record<string, unknown>>,
) {
  const csv = rejectedRowsCsv(
    {
      row: t('imports.row'),
      reason: t('imports.reason'),
      fields: fields.map((key) => ({ key, label: fieldLabel(key) })),
    },
    rejected.map((row) => ({ ...row, values: valuesByRow.get(row.rowNumber) })),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = t('imports.rejectedFile');
  link.click();
  URL.revokeObjectURL(url);
}

/** How the file's role values become the template's roles in the chosen project. */
function RoleMappingTable({ preview, t }: { preview: PersonImportPreview; t: Translate }) {
  if (preview.roleMapping.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={300} maxHeight={260}>
      <Table withTableBorder verticalSpacing={4} maw={640} aria-label={t('imports.roleMappingCaption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('imports.roleValue')}</Table.Th>
            <Table.Th scope="col">{t('imports.roleInTemplate')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('imports.roleRows')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.roleMapping.map((entry) => (
            <Table.Tr key={entry.text}>
              <Table.Td>{entry.text}</Table.Td>
              <Table.Td>
                {entry.roleTitle ? (
                  t('imports.roleLevel', { context: entry.level, title: entry.roleTitle })
                ) : (
                  <Text span size="sm" c={preview.roleSource === 'column' ? 'red.9' : 'gray.7'}>
                    {t(preview.roleSource === 'column' ? 'imports.unknownRole' : 'imports.noRole')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{entry.rows}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((form) => schoolFormLabels[form as SchoolForm] ?? String(form)).join(', ');
  return String(value);
}

/**
 * Imports a customer's schools or people from a CSV or Excel file: the file is read on the server
 * and shown row by row with what is wrong; nothing is stored until the user confirms, and then
 * only when no row has errors, or only the valid rows when the user asks for that. A person file's
 * roles are given in the chosen project.
 */
export function ImportPanel({
  customerId,
  kind,
  onImported,
}: {
  customerId: string;
  kind: ImportKind;
  onImported?: (result: ImportResult) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const inputId = `${id}-file`;
  // The file is read from the input when the form is sent: the input is the one truth even when a
  // change event reaches the panel while it is still opening.
  const fileInput = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const [imported, setImported] = useState<ImportResult | null>(null);
  // The values of the rows turned away, kept after the preview is gone so that they can be downloaded.
  const [rejectedValues, setRejectedValues] = useState(new Map<number, Record<string, unknown>>());
  const projects = useProjects(kind === 'people' ? customerId : undefined);
  const projectList = kind === 'people' ? (projects.data?.items ?? []) : [];
  // Roles are given only in a project the user chooses: a staff register's titles ("Rektor") are
  // not taken as roles in a project unasked.
  const [projectId, setProjectId] = useState('');
  // A new key empties the file input after an import.
  const [inputKey, setInputKey] = useState(0);
  const previewUpload = useImportPreview(customerId, kind);
  const commit = useImportCommit(customerId);
  const preview = previewUpload.data?.kind === kind ? previewUpload.data : undefined;

  const upload = (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setMissingFile(!file);
    if (!file) return;
    setImported(null);
    commit.reset();
    previewUpload.mutate(
      { file, projectId: kind === 'people' && projectId ? projectId : undefined },
      { onSuccess: (result) => setFilter(result.summary.errors > 0 ? 'error' : 'all') },
    );
  };

  const confirm = (mode: 'all' | 'valid') => {
    if (!preview) return;
    const errorRows = preview.rows.filter((row) => row.status === 'error');
    commit.mutate(commitBody(preview, mode, fieldLabel), {
      onSuccess: (result) => {
        setRejectedValues(new Map(errorRows.map((row) => [row.rowNumber, row.values as Record<string, unknown>])));
        setImported(result);
        previewUpload.reset();
        setInputKey((key) => key + 1);
        onImported?.(result);
      },
    });
  };

  // The Roll column shows only when the file's roles are read.
  const rolesRead = previewUpload.data?.kind === 'people' && previewUpload.data.roleSource !== null;
  const fields = importFields[kind].filter((field) => field !== 'roles' || rolesRead);
  const fieldLabel = (field: string) => t(`imports.fields.${field}`, { defaultValue: field });
  const fieldOrder = (field: string) => {
    const index = (fields as readonly string[]).indexOf(field);
    return index < 0 ? fields.length : index;
  };
  const columnText = (field: string, header: string) =>
    header.toLocaleLowerCase() === fieldLabel(field).toLocaleLowerCase() ? header : `${fieldLabel(field)} (${header})`;
  const rows = preview ? preview.rows.filter((row) => filter === 'all' || row.status === filter) : [];
  const blocked = Boolean(preview && preview.summary.errors > 0);
  const someValid = Boolean(preview && blocked && preview.summary.ok > 0);
  const peoplePreview = preview?.kind === 'people' ? preview : undefined;
  const nothingNew = Boolean(preview && !blocked && preview.summary.ok === 0);
  const titleId = `${id}-title`;
  const commitHintId = `${id}-commit-hint`;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t(kind === 'schools' ? 'imports.titleSchools' : 'imports.titlePeople')}
        </Title>
        <Text size="sm">{t(kind === 'schools' ? 'imports.introSchools' : 'imports.introPeople')}</Text>

        <form onSubmit={upload} noValidate>
          <Group align="flex-end" wrap="wrap">
            <Input.Wrapper
              id={inputId}
              label={t('imports.chooseFile')}
              description={t('imports.fileHint')}
              error={missingFile ? t('imports.noFile') : undefined}
            >
              <input
                key={inputKey}
                ref={fileInput}
                id={inputId}
                name="file"
                type="file"
                accept={ACCEPT}
                aria-describedby={`${inputId}-description${missingFile ? ` ${inputId}-error` : ''}`}
                aria-invalid={missingFile || undefined}
                style={{ display: 'block', marginTop: 4 }}
                onChange={() => setMissingFile(false)}
              />
            </Input.Wrapper>
            {kind === 'people' && projectList.length > 0 && (
              <NativeSelect
                label={t('imports.project')}
                description={t('imports.projectHint')}
                value={projectId}
                onChange={(event) => {
                  setProjectId(event.currentTarget.value);
                  previewUpload.reset();
                }}
                data={[
                  { value: '', label: t('imports.noProject') },
                  ...projectList.map((project) => ({ value: project.id, label: project.name })),
                ]}
              />
            )}
            <Button type="submit" loading={previewUpload.isPending}>
              {t('imports.preview')}
            </Button>
          </Group>
        </form>

        <div aria-live="polite" className="visually-hidden">
          {previewUpload.isPending ? t('imports.reading') : ''}
        </div>

        {previewUpload.isError && (
          <Alert color="red" title={t('imports.uploadFailed')} role="alert">
            {errorText(previewUpload.error, t)}
          </Alert>
        )}

        {imported && (
          <Alert color="green" role="status">
            {t(kind === 'schools' ? 'imports.importedSchools' : 'imports.importedPeople', { count: imported.created })}
            {imported.rolesAssigned > 0 && <> {t('imports.rolesAssigned', { count: imported.rolesAssigned })}</>}
            {imported.skipped > 0 && <> {t('imports.skipped', { count: imported.skipped })}</>}
          </Alert>
        )}

        {imported && imported.rejected.length > 0 && (
          <Alert color="orange">
            <Stack gap="xs">
              {/* In the body, not as the alert's title: Mantine's orange title is too pale to read. */}
              <Text fw={700}>{t('imports.rejectedTitle', { count: imported.rejected.length })}</Text>
              <List size="sm" spacing={2}>
                {imported.rejected.slice(0, SHOWN_ROWS).map((row) => (
                  <List.Item key={row.rowNumber}>
                    {t('imports.rejectedRow', { row: row.rowNumber, reason: row.reason })}
                  </List.Item>
                ))}
              </List>
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => downloadRejected(t, importFields[kind], fieldLabel, imported.rejected, rejectedValues)}
                >
                  {t('imports.downloadRejected')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}

        {preview && (
          <Stack gap="sm">
            <Text role="status" fw={600}>
              {t('imports.summary', preview.summary)}
            </Text>
            <Text size="sm" c="gray.7">
              {t('imports.columnsFound', {
                columns: Object.entries(preview.columns)
                  .map(([field, header]) => columnText(field, header))
                  .join(', '),
              })}
            </Text>
            {peoplePreview?.roleSource && peoplePreview.project && (
              <Text size="sm">
                {t('imports.rolesFrom', {
                  context: peoplePreview.roleSource,
                  column: peoplePreview.columns.roles ?? peoplePreview.columns.title,
                  project: peoplePreview.project.name,
                })}
              </Text>
            )}
            {peoplePreview?.roleSource === 'column' && !peoplePreview.project && (
              <Text size="sm" c="red.9" fw={600}>
                {t('imports.rolesNeedProject', { column: peoplePreview.columns.roles })}
              </Text>
            )}
            {peoplePreview && <RoleMappingTable preview={peoplePreview} t={t} />}

            <Group align="center" wrap="wrap" gap="sm">
              <Text size="sm" id={`${id}-filter`}>
                {t('imports.filter')}
              </Text>
              <SegmentedControl
                size="xs"
                aria-labelledby={`${id}-filter`}
                value={filter}
                onChange={(value) => setFilter(value as Filter)}
                data={(['all', 'error', 'new', 'duplicate'] as const).map((value) => ({
                  value,
                  label: t(`imports.filters.${value}`, {
                    count:
                      value === 'all'
                        ? preview.summary.total
                        : value === 'error'
                          ? preview.summary.errors
                          : value === 'new'
                            ? preview.summary.ok
                            : preview.summary.duplicates,
                  }),
                }))}
              />
            </Group>

            {/* Room for the status badge beside the Roll column of a person file. */}
            <Table.ScrollContainer minWidth={kind === 'people' ? 900 : 700} maxHeight={520}>
              <Table striped withTableBorder verticalSpacing="xs" stickyHeader>
                <Table.Caption className="visually-hidden">{t('imports.previewCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('imports.row')}</Table.Th>
                    {fields.map((field) => (
                      <Table.Th scope="col" key={field}>
                        {fieldLabel(field)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{t('imports.status')}</Table.Th>
                    <Table.Th scope="col">{t('imports.problems')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, SHOWN_ROWS).map((row) => (
                    <Table.Tr key={row.rowNumber}>
                      <Table.Th scope="row" fw={400}>
                        {row.rowNumber}
                      </Table.Th>
                      {fields.map((field) => (
                        <Table.Td key={field}>{cellText((row.values as Record<string, unknown>)[field])}</Table.Td>
                      ))}
                      <Table.Td>
                        <Badge variant="dot" color={statusColor[row.status]}>
                          {t(`imports.statuses.${row.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {Object.entries(row.errors)
                          .sort(([a], [b]) => fieldOrder(a) - fieldOrder(b))
                          .map(([field, message]) => (
                            <Text key={field} size="sm" c="red.9">
                              {fieldLabel(field)}: {message}
                            </Text>
                          ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows.length > SHOWN_ROWS && (
              <Text size="sm">{t('imports.showingFirst', { shown: SHOWN_ROWS, count: rows.length })}</Text>
            )}

            <Group align="center" wrap="wrap">
              <Button
                onClick={() => confirm('all')}
                disabled={blocked || nothingNew}
                loading={commit.isPending}
                aria-describedby={blocked || nothingNew ? commitHintId : undefined}
              >
                {t('imports.commit', { count: preview.summary.ok })}
              </Button>
              {someValid && (
                <Button variant="light" onClick={() => confirm('valid')} loading={commit.isPending}>
                  {t('imports.commitValid', { count: preview.summary.ok })}
                </Button>
              )}
              {blocked && (
                <Text id={commitHintId} c="red.9" fw={600}>
                  {t(someValid ? 'imports.fixOrImportValid' : 'imports.fixErrors')}
                </Text>
              )}
              {nothingNew && <Text id={commitHintId}>{t('imports.nothingNew')}</Text>}
            </Group>
            {commit.isError && (
              <Alert color="red" title={t('imports.commitFailed')} role="alert">
                {errorText(commit.error, t)}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
