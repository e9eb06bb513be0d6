import { Alert, Badge, Button, Group, Input, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ImportCommitBody,
  type ImportKind,
  type ImportPreview,
  type ImportResult,
  type ImportRowStatus,
  importFields,
} from '../../shared/imports.js';
import { type SchoolForm, schoolFormLabels } from '../../shared/organisation.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useImportCommit, useImportPreview } from './api.js';

/** Rows shown at once: a register of thousands is summarised, and filtered to the rows that need attention. */
const SHOWN_ROWS = 500;
const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Filter = 'all' | ImportRowStatus;
const statusColor: Record<ImportRowStatus, string> = { new: 'green', duplicate: 'gray', error: 'red' };

function commitBody(preview: ImportPreview): ImportCommitBody {
  return preview.kind === 'schools'
    ? { kind: 'schools', rows: preview.rows.filter((row) => row.status === 'new').map((row) => row.values) }
    : { kind: 'people', rows: preview.rows.filter((row) => row.status === 'new').map((row) => row.values) };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((form) => schoolFormLabels[form as SchoolForm] ?? String(form)).join(', ');
  return String(value);
}

/**
 * Imports a customer's schools or people from a CSV or Excel file: the file is read on the server
 * and shown row by row with what is wrong; nothing is stored until the user confirms, and then
 * only when no row has errors.
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
    previewUpload.mutate(file, {
      onSuccess: (result) => setFilter(result.summary.errors > 0 ? 'error' : 'all'),
    });
  };

  const confirm = () => {
    if (!preview) return;
    commit.mutate(commitBody(preview), {
      onSuccess: (result) => {
        setImported(result);
        previewUpload.reset();
        setInputKey((key) => key + 1);
        onImported?.(result);
      },
    });
  };

  const fields = importFields[kind];
  const fieldLabel = (field: string) => t(`imports.fields.${field}`, { defaultValue: field });
  const fieldOrder = (field: string) => {
    const index = (fields as readonly string[]).indexOf(field);
    return index < 0 ? fields.length : index;
  };
  const columnText = (field: string, header: string) =>
    header.toLocaleLowerCase() === fieldLabel(field).toLocaleLowerCase() ? header : `${fieldLabel(field)} (${header})`;
  const rows = preview ? preview.rows.filter((row) => filter === 'all' || row.status === filter) : [];
  const blocked = Boolean(preview && preview.summary.errors > 0);
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
            {imported.skipped > 0 && <> {t('imports.skipped', { count: imported.skipped })}</>}
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

            <Table.ScrollContainer minWidth={700} maxHeight={520}>
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
                onClick={confirm}
                disabled={blocked || nothingNew}
                loading={commit.isPending}
                aria-describedby={blocked || nothingNew ? commitHintId : undefined}
              >
                {t('imports.commit', { count: preview.summary.ok })}
              </Button>
              {blocked && (
                <Text id={commitHintId} c="red.9" fw={600}>
                  {t('imports.fixErrors')}
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
