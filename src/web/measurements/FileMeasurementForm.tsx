import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermDates } from '../../shared/customers.js';
import {
  type Computation,
  type ComputationSettings,
  computationSettingsSchema,
  type GoalMeasure,
  type GoalTracking,
  goalMeasures,
  methodOfMeasure,
} from '../../shared/measurements.js';
import { ApiError } from '../api/client.js';
import { fieldErrors } from '../api/forms.js';
import { stockholmToday } from '../checklist/dates.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useCompute } from './api.js';
import { ComputationResult } from './ComputationResult.js';
import { FileSlotField, type InspectedFile } from './FileSlotField.js';
import { type ChosenColumns, columnsSetting, type FileSlot, fileSlots, rememberedColumns } from './files.js';
import { SaveComputationForm } from './SaveComputationForm.js';
import { SaveTermsButton } from './SaveTermsButton.js';
import { recentTerms, termAround, termMatching, termPeriod } from './terms.js';

type SlotName = FileSlot['name'];
type Upload = { phase: 'uploading' | 'computing'; percent: number };

/**
 * A measurement computed from exports of the school platform: the method, its files with their
 * columns mapped, the period or date; then the upload, the result, and saving it.
 */
export function FileMeasurementForm({
  projectId,
  tracking,
  termDates,
  announce,
}: {
  projectId: string;
  tracking: GoalTracking;
  /** The customer's own school terms, or null for the default terms. */
  termDates: TermDates | null;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { goal } = tracking;
  const compute = useCompute(projectId, goal.id);
  // The goal's own measure, or the one its wording suggests: what the figure is computed as.
  const [measure, setMeasure] = useState<GoalMeasure>(tracking.measure.value);
  const method = methodOfMeasure(measure);
  const [files, setFiles] = useState<Partial<Record<SlotName, InspectedFile>>>({});
  const [columns, setColumns] = useState<Partial<Record<SlotName, ChosenColumns>>>({});
  const [period, setPeriod] = useState(() => termAround(stockholmToday(), termDates));
  const [perTerm, setPerTerm] = useState(false);
  const [terms] = useState(() => recentTerms(stockholmToday(), 6, termDates));
  const chosenTerm = termMatching(period, terms, termDates);
  const [byDate, setByDate] = useState(goal.targetDate ?? stockholmToday());
  const [perStudent, setPerStudent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [upload, setUpload] = useState<Upload | null>(null);
  const [result, setResult] = useState<Computation | null>(null);
  const slots = fileSlots[method];

  /** Any change to what is computed makes a shown result stale. */
  const changed = () => {
    setResult(null);
    compute.reset();
  };

  const startOver = () => {
    changed();
    setFiles({});
    setColumns({});
    setErrors({});
  };

  const settings = (): ComputationSettings =>
    (method === 'coverage'
      ? { method, measure, columns: columnsSetting(method, columns), period, perTerm }
      : {
          method,
          measure,
          columns: columnsSetting(method, columns),
          byDate,
          countBy: perStudent ? 'students' : 'rows',
        }) as ComputationSettings;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = settings();
    const found = fieldErrors(computationSettingsSchema, body);
    for (const slot of slots) if (!files[slot.name]) found[slot.name] = t('measurements.file.chooseFile');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    changed();
    setUpload({ phase: 'uploading', percent: 0 });
    compute.mutate(
      {
        settings: body,
        files: Object.fromEntries(slots.map((slot) => [slot.name, (files[slot.name] as InspectedFile).file])),
        onProgress: (percent) => setUpload((current) => current && { ...current, percent }),
        onUploaded: () => setUpload({ phase: 'computing', percent: 100 }),
      },
      {
        onSuccess: setResult,
        onError: (error) => setErrors(settingsErrors(error)),
        onSettled: () => setUpload(null),
      },
    );
  };

  const unplacedProblem = compute.error && !placedAtFields(compute.error, slots) ? compute.error : null;

  return (
    <Stack gap="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Radio.Group
            label={t('measurements.measures.label')}
            description={
              tracking.measure.suggested
                ? `${t('measurements.measures.hint')} ${t('measurements.measures.suggested')}`
                : t('measurements.measures.hint')
            }
            value={measure}
            error={errors.measure}
            onChange={(value) => {
              changed();
              setErrors({});
              setMeasure(value as GoalMeasure);
            }}
          >
            <Stack gap="sm" mt="xs">
              {goalMeasures.map((candidate) => (
                <Radio
                  key={candidate}
                  value={candidate}
                  label={t(`measurements.measures.${candidate}`)}
                  description={t(`measurements.measures.${candidate}Hint`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {slots.map((slot) => (
            <FileSlotField
              key={`${method}-${slot.name}`}
              projectId={projectId}
              goalId={goal.id}
              slot={slot}
              inspected={files[slot.name]}
              chosen={columns[slot.name]}
              errors={errors}
              onInspected={(inspected) => {
                changed();
                setFiles((current) => ({ ...current, [slot.name]: inspected }));
                setColumns((current) => ({
                  ...current,
                  [slot.name]: rememberedColumns(tracking.mapping, method, slot, inspected.inspection.columns),
                }));
              }}
              onCleared={() => {
                changed();
                setFiles((current) => ({ ...current, [slot.name]: undefined }));
              }}
              onColumnChange={(field, column) => {
                changed();
                setColumns((current) => ({ ...current, [slot.name]: { ...current[slot.name], [field]: column } }));
              }}
            />
          ))}
          {method === 'coverage' ? (
            <Fieldset
              legend={t('measurements.file.period')}
              variant="unstyled"
              styles={{ legend: { fontWeight: 600 } }}
            >
              <Text size="sm" c="gray.7" mb="xs">
                {t('measurements.file.periodHint')}
              </Text>
              <Group gap="sm" align="flex-start">
                <NativeSelect
                  label={t('measurements.terms.label')}
                  value={chosenTerm ? `${chosenTerm.name}-${chosenTerm.year}` : ''}
                  data={[
                    { value: '', label: t('measurements.terms.none') },
                    ...terms.map((term) => ({
                      value: `${term.name}-${term.year}`,
                      label: t(`measurements.terms.${term.name}`, { year: term.year }),
                    })),
                  ]}
                  onChange={(event) => {
                    const chosen = terms.find((term) => `${term.name}-${term.year}` === event.currentTarget.value);
                    if (!chosen) return;
                    changed();
                    setPeriod(termPeriod(chosen, termDates));
                  }}
                />
                <TextInput
                  type="date"
                  label={t('measurements.file.from')}
                  required
                  value={period.from}
                  error={errors['period.from']}
                  onChange={(event) => {
                    const from = event.currentTarget.value;
                    changed();
                    setPeriod((current) => ({ ...current, from }));
                  }}
                />
                <TextInput
                  type="date"
                  label={t('measurements.file.to')}
                  required
                  value={period.to}
                  error={errors['period.to']}
                  onChange={(event) => {
                    const to = event.currentTarget.value;
                    changed();
                    setPeriod((current) => ({ ...current, to }));
                  }}
                />
              </Group>
              <Checkbox
                mt="sm"
                label={t('measurements.terms.perTerm')}
                description={t('measurements.terms.perTermHint')}
                checked={perTerm}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  changed();
                  setPerTerm(checked);
                }}
              />
            </Fieldset>
          ) : (
            <Stack gap="sm">
              <TextInput
                type="date"
                label={t('measurements.file.byDate')}
                description={t('measurements.file.byDateHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                required
                maw={220}
                value={byDate}
                error={errors.byDate}
                onChange={(event) => {
                  const date = event.currentTarget.value;
                  changed();
                  setByDate(date);
                }}
              />
              <Checkbox
                label={t('measurements.file.perStudent')}
                description={t('measurements.file.perStudentHint')}
                checked={perStudent}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  changed();
                  setPerStudent(checked);
                }}
              />
            </Stack>
          )}
          <UploadStatus upload={upload} />
          {unplacedProblem && (
            <Alert color="red" role="alert">
              {errorText(unplacedProblem, t)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={upload !== null}>
              {t('measurements.file.compute')}
            </Button>
            {(Object.values(files).some(Boolean) || result) && (
              <Button variant="default" onClick={startOver} disabled={upload !== null}>
                {t('measurements.file.startOver')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {result && (
        <ResultPanel
          key={result.id}
          projectId={projectId}
          goal={goal}
          computation={result}
          onSaved={(message) => {
            startOver();
            announce(message);
          }}
        />
      )}
    </Stack>
  );
}

/**
 * A computed figure, with focus moved to it as it appears (one panel per computation) so that
 * keyboard and screen reader users land on it.
 */
function ResultPanel({
  projectId,
  goal,
  computation,
  onSaved,
}: {
  projectId: string;
  goal: GoalTracking['goal'];
  computation: Computation;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `resultat-${goal.id}`;
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="lg" bg="blue.0">
      <Stack gap="md">
        <Title order={4} id={headingId} ref={heading} tabIndex={-1}>
          {t('measurements.result.title')}
        </Title>
        <ComputationResult projectId={projectId} computation={computation} goal={goal} headingLevel={5} />
        <SaveTermsButton
          projectId={projectId}
          goal={goal}
          computation={computation}
          headingLevel={5}
          onSaved={onSaved}
        />
        <SaveComputationForm projectId={projectId} goal={goal} computation={computation} onSaved={onSaved} />
      </Stack>
    </Paper>
  );
}

/** The upload's progress while the files go up, then that the server computes; read out as it goes. */
function UploadStatus({ upload }: { upload: Upload | null }) {
  const { t } = useTranslation();
  const text =
    upload === null
      ? ''
      : upload.phase === 'uploading'
        ? // Tens only: a screen reader would otherwise read out every percent.
          t('measurements.file.uploading', { percent: Math.floor(upload.percent / 10) * 10 })
        : t('measurements.file.computing');
  return (
    <Stack gap={4}>
      {upload && (
        <Progress.Root size="lg" maw={480}>
          <Progress.Section value={upload.percent} aria-label={t('measurements.file.uploadProgress')} />
        </Progress.Root>
      )}
      <Text aria-live="polite" fw={upload ? 600 : undefined}>
        {text}
      </Text>
    </Stack>
  );
}

/** The server's field messages keyed as the form shows them, without a leading `settings.`. */
const settingsErrors = (error: Error): Record<string, string> =>
  error instanceof ApiError
    ? Object.fromEntries(
        Object.entries(error.fields).map(([path, message]) => [path.replace(/^settings\./, ''), message]),
      )
    : {};

/** Whether every message of a failed computation is shown at a field of the form. */
function placedAtFields(error: Error, slots: FileSlot[]): boolean {
  const all = Object.keys(settingsErrors(error));
  // A file's problem comes as `file` and again under the file's field, where it is shown.
  const fields = all.length > 1 ? all.filter((field) => field !== 'file') : all;
  if (fields.length === 0) return false;
  const shown = new Set(['period.from', 'period.to', 'byDate', 'measure']);
  for (const slot of slots) {
    shown.add(slot.name);
    for (const field of slot.fields) shown.add(`columns.${slot.name}.${field.key}`);
  }
  return fields.every((field) => shown.has(field));
}
