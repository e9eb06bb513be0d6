import { Fieldset, FileInput, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FileInspection } from '../../shared/measurements.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useInspectFile } from './api.js';
import type { ChosenColumns, FileSlot } from './files.js';
import { ScrollRegion } from './ScrollRegion.js';

const ACCEPTED = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const delimiterNames: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

export interface InspectedFile {
  file: File;
  inspection: FileInspection;
}

/**
 * One file a method reads: chosen, read at once for its columns, which are then offered for the
 * fields the method needs, with the first rows shown so the user sees what they map.
 */
export function FileSlotField({
  projectId,
  goalId,
  slot,
  inspected,
  chosen,
  errors,
  onInspected,
  onCleared,
  onColumnChange,
}: {
  projectId: string;
  goalId: string;
  slot: FileSlot;
  inspected: InspectedFile | undefined;
  chosen: ChosenColumns | undefined;
  /** Field messages keyed like the settings: `roster` for the file, `columns.roster.student` for a column. */
  errors: Record<string, string>;
  onInspected: (inspected: InspectedFile) => void;
  onCleared: () => void;
  onColumnChange: (field: string, column: string) => void;
}) {
  const { t } = useTranslation();
  const inspect = useInspectFile(projectId, goalId);

  const choose = (file: File | null) => {
    inspect.reset();
    if (!file) {
      onCleared();
      return;
    }
    inspect.mutate(file, { onSuccess: (inspection) => onInspected({ file, inspection }) });
  };

  const fileError = inspect.error ? errorText(inspect.error, t) : errors[slot.name];

  return (
    <Stack gap="sm">
      <FileInput
        label={t(`measurements.file.${slot.name}`)}
        placeholder={t('measurements.file.choose')}
        accept={ACCEPTED}
        required
        clearable
        clearButtonProps={{ 'aria-label': t('measurements.file.clearFile') }}
        value={inspected?.file ?? null}
        onChange={choose}
        error={fileError}
        description={inspect.isPending ? t('measurements.file.inspecting') : undefined}
        maw={480}
      />
      {inspected && !inspect.isPending && (
        <Fieldset
          legend={t('measurements.file.columnsOf', { file: inspected.inspection.fileName })}
          variant="filled"
          styles={{ legend: { fontWeight: 600 } }}
        >
          <Stack gap="sm">
            <Text size="sm" c="gray.7">
              {formatText(inspected.inspection, t)}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: slot.fields.length }} spacing="sm">
              {slot.fields.map((field) => (
                <Select
                  key={field.key}
                  label={t(`measurements.file.fields.${field.textKey}`)}
                  required={!field.optional}
                  clearable={field.optional}
                  allowDeselect={false}
                  placeholder={field.optional ? t('measurements.file.groupNone') : t('measurements.file.chooseColumn')}
                  data={columnChoices(inspected.inspection.columns)}
                  value={chosen?.[field.key] || null}
                  onChange={(column) => onColumnChange(field.key, column ?? '')}
                  error={errors[`columns.${slot.name}.${field.key}`]}
                />
              ))}
            </SimpleGrid>
            <SampleTable inspection={inspected.inspection} />
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}

/** Each named column once: a choice must say one column. */
const columnChoices = (columns: string[]) => [...new Set(columns.filter((column) => column.trim() !== ''))];

const formatText = (inspection: FileInspection, t: (key: string, options?: Record<string, unknown>) => string) => {
  if (inspection.format === 'xlsx') return t('measurements.file.xlsx');
  const delimiter = inspection.delimiter ? delimiterNames[inspection.delimiter] : undefined;
  return delimiter
    ? t('measurements.file.csvWith', { delimiter: t(`measurements.file.delimiters.${delimiter}`) })
    : t('measurements.file.csv');
};

function SampleTable({ inspection }: { inspection: FileInspection }) {
  const { t } = useTranslation();
  const caption = t('measurements.file.sampleCaption', { file: inspection.fileName });
  return (
    <ScrollRegion label={caption} style={{ maxHeight: 260 }}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" captionSide="top">
        <Table.Caption ta="left">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {inspection.columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns may repeat a name; their order is fixed
              <Table.Th key={index} scope="col" style={{ whiteSpace: 'nowrap' }}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.sampleRows.map((row, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sample rows are shown as read, never reordered
            <Table.Tr key={rowIndex}>
              {inspection.columns.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the columns' fixed order
                <Table.Td key={index} style={{ whiteSpace: 'nowrap' }}>
                  {row[index] ?? ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
