import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Plan } from '../../shared/plan.js';
import {
  type ChangeRequest,
  changeAreas,
  changeRequestInputSchema,
  type SteeringMeeting,
} from '../../shared/steering.js';
import { useSchemaForm } from '../api/forms.js';
import { useVersionedEdit } from '../api/versioned-edit.js';
import { FormProblem } from '../layout/FormProblem.js';
import { formatDate } from '../plan/format.js';
import { RemoveIcon } from '../plan/icons.js';
import { changeRequestsQuery, useSaveChangeRequest } from './api.js';
import { useFocusOnMount } from './focus.js';
import { hintBelowInput, legendStyles } from './form-layout.js';
import { MeetingSelect } from './MeetingSelect.js';
import { useGoalValueText } from './PlanChanges.js';
import {
  type ChangeRequestValues,
  changeableFields,
  changeRequestBody,
  changeRequestValuesOf,
  emptyChangeRequest,
  type GoalChangeField,
  isDateField,
} from './view.js';

/**
 * Prepares a change request for the steering group, or rewrites a waiting one (sending the version
 * it was read at): what changes, why, the consequence and the proposal, and the key activity dates
 * and goal values that change when it is approved.
 */
export function ChangeRequestForm({
  projectId,
  request,
  plan,
  meetings,
  onSaved,
  onCancel,
}: {
  projectId: string;
  request?: ChangeRequest;
  plan: Plan | undefined;
  meetings: SteeringMeeting[];
  onSaved: (saved: ChangeRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveChangeRequest(projectId);
  const form = useSchemaForm<ChangeRequestValues>(
    changeRequestInputSchema,
    request ? changeRequestValuesOf(request) : emptyChangeRequest,
  );
  const { values, errors } = form;
  const titleInput = useFocusOnMount<HTMLInputElement>();
  const edit = useVersionedEdit({
    entity: request,
    valuesOf: changeRequestValuesOf,
    form,
    save,
    latest: {
      query: changeRequestsQuery(projectId),
      find: (list) => list.items.find((candidate) => candidate.id === request?.id),
    },
  });
  const title = request
    ? t('steering.requests.form.editTitle', { number: request.number })
    : t('steering.requests.form.newTitle');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = changeRequestBody(values);
    if (!form.check(body)) return;
    save.mutate(
      { ...body, requestId: request?.id, version: edit.version },
      {
        onSuccess: (saved) => {
          if (!request) form.reset();
          onSaved(saved);
        },
        onError: form.showServerErrors,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={request ? 4 : 3} size="h4">
          {title}
        </Title>
        <TextInput ref={titleInput} label={t('steering.requests.form.title')} required {...form.field('title')} />
        <Checkbox.Group
          label={t('steering.requests.form.areas')}
          required
          value={values.areas}
          error={errors.areas}
          onChange={(areas) => form.set('areas', areas)}
        >
          <Group gap="lg" mt={6}>
            {changeAreas.map((area) => (
              <Checkbox key={area} value={area} label={t(`steering.requests.areas.${area}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={t('steering.requests.form.change')}
          description={t('steering.requests.form.changeHint')}
          required
          autosize
          minRows={2}
          {...form.field('change')}
        />
        <Textarea label={t('steering.requests.form.reason')} required autosize minRows={2} {...form.field('reason')} />
        <Textarea
          label={t('steering.requests.form.consequence')}
          description={t('steering.requests.form.consequenceHint')}
          autosize
          minRows={2}
          {...form.field('consequence')}
        />
        <Textarea
          label={t('steering.requests.form.proposal')}
          required
          autosize
          minRows={2}
          {...form.field('proposal')}
        />
        <DateChanges plan={plan} values={values} errors={errors} set={form.set} />
        <GoalChanges plan={plan} values={values} errors={errors} set={form.set} />
        <MeetingSelect
          label={t('steering.requests.form.meeting')}
          meetings={meetings}
          value={values.meetingId}
          error={errors.meetingId}
          onChange={(meetingId) => form.set('meetingId', meetingId)}
        />
        <FormProblem {...edit.problem} />
        {!request && <Text size="sm">{t('steering.requests.form.notifies')}</Text>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {request ? t('steering.requests.form.save') : t('steering.requests.form.submitNew')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('steering.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A choice not made is said as what to do ("Välj mål") rather than the schema's "Ogiltigt id". */
const chosenOr = (value: string, error: string | undefined, choose: string) =>
  error !== undefined && value === '' ? choose : error;

interface ChangesProps {
  plan: Plan | undefined;
  values: ChangeRequestValues;
  errors: Record<string, string>;
  set: <Name extends keyof ChangeRequestValues>(name: Name, value: ChangeRequestValues[Name]) => void;
}

/** "Flytta datum": key activities of the timeline and the date each moves to. */
function DateChanges({ plan, values, errors, set }: ChangesProps) {
  const { t, i18n } = useTranslation();
  const keyActivities = plan?.keyActivities ?? [];
  const rows = values.dateChanges;
  const update = (index: number, change: Partial<ChangeRequestValues['dateChanges'][number]>) =>
    set(
      'dateChanges',
      rows.map((row, at) => (at === index ? { ...row, ...change } : row)),
    );
  return (
    <Fieldset legend={t('steering.requests.form.moveDates')} radius="md" styles={legendStyles}>
      <Stack gap="xs">
        <Text size="sm" c="gray.7">
          {keyActivities.length === 0
            ? t('steering.requests.form.noKeyActivities')
            : t('steering.requests.form.moveDatesHint')}
        </Text>
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are controlled and may name the same activity while chosen, so the position is their identity
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <NativeSelect
              label={t('steering.requests.form.keyActivity')}
              value={row.keyActivityId}
              error={chosenOr(
                row.keyActivityId,
                errors[`dateChanges.${index}.keyActivityId`],
                t('steering.requests.form.chooseKeyActivity'),
              )}
              onChange={(event) => {
                const keyActivityId = event.currentTarget.value;
                update(index, { keyActivityId });
              }}
              data={[
                { value: '', label: t('steering.requests.form.chooseKeyActivity') },
                ...keyActivities.map((activity) => ({
                  value: activity.id,
                  label: t('steering.requests.form.keyActivityOption', {
                    title: activity.title,
                    date: activity.date ? formatDate(activity.date, i18n.language) : t('steering.requests.noDate'),
                  }),
                })),
              ]}
              style={{ flex: 1 }}
            />
            <TextInput
              type="date"
              label={t('steering.requests.form.newDate')}
              value={row.to}
              error={errors[`dateChanges.${index}.to`]}
              onChange={(event) => {
                const to = event.currentTarget.value;
                update(index, { to });
              }}
            />
            <ActionIcon
              variant="subtle"
              color="dark"
              size="lg"
              mt={26}
              aria-label={t('steering.requests.form.removeDateChange', { number: index + 1 })}
              onClick={() =>
                set(
                  'dateChanges',
                  rows.filter((_row, at) => at !== index),
                )
              }
            >
              <RemoveIcon />
            </ActionIcon>
          </Group>
        ))}
        {errors.dateChanges && <Input.Error>{errors.dateChanges}</Input.Error>}
        {keyActivities.length > 0 && (
          <Button
            variant="subtle"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => set('dateChanges', [...rows, { keyActivityId: '', to: '' }])}
          >
            {t('steering.requests.form.addDateChange')}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}

const goalLabel = (goal: Goal, t: (key: string) => string) =>
  `${t(goal.kind === 'effect' ? 'plan.evaluation.effectKind' : 'plan.evaluation.projectKind')}: ${goal.title}`;

/** "Ändra mål": a goal, which of its values, and the new value. */
function GoalChanges({ plan, values, errors, set }: ChangesProps) {
  const { t } = useTranslation();
  const goalValue = useGoalValueText();
  const goals = plan?.goals ?? [];
  const rows = values.goalChanges;
  const update = (index: number, change: Partial<ChangeRequestValues['goalChanges'][number]>) =>
    set(
      'goalChanges',
      rows.map((row, at) => (at === index ? { ...row, ...change } : row)),
    );
  return (
    <Fieldset legend={t('steering.requests.form.changeGoals')} radius="md" styles={legendStyles}>
      <Stack gap="xs">
        <Text size="sm" c="gray.7">
          {goals.length === 0 ? t('steering.requests.form.noGoals') : t('steering.requests.form.changeGoalsHint')}
        </Text>
        {rows.map((row, index) => {
          const goal = goals.find((candidate) => candidate.id === row.goalId);
          const field = row.field === '' ? null : (row.field as GoalChangeField);
          const valueError = errors[`goalChanges.${index}.to`];
          const missingValue = row.to === '' && valueError !== undefined;
          const current =
            goal && field
              ? t('steering.requests.form.currentValue', { value: goalValue(field, goal[field]) })
              : undefined;
          const valueLayout = { description: current, inputWrapperOrder: hintBelowInput };
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are controlled and may name the same goal while chosen, so the position is their identity
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              <NativeSelect
                label={t('steering.requests.form.goal')}
                value={row.goalId}
                error={chosenOr(
                  row.goalId,
                  errors[`goalChanges.${index}.goalId`],
                  t('steering.requests.form.chooseGoal'),
                )}
                onChange={(event) => {
                  const goalId = event.currentTarget.value;
                  update(index, { goalId, field: '', to: '' });
                }}
                data={[
                  { value: '', label: t('steering.requests.form.chooseGoal') },
                  ...goals.map((candidate) => ({ value: candidate.id, label: goalLabel(candidate, t) })),
                ]}
                style={{ flex: 2 }}
              />
              <NativeSelect
                label={t('steering.requests.form.goalField')}
                value={row.field}
                disabled={!goal}
                error={chosenOr(
                  row.field,
                  errors[`goalChanges.${index}.field`],
                  t('steering.requests.form.chooseField'),
                )}
                onChange={(event) => {
                  const chosen = event.currentTarget.value;
                  update(index, { field: chosen, to: '' });
                }}
                data={[
                  { value: '', label: t('steering.requests.form.chooseField') },
                  ...(goal ? changeableFields(goal.kind) : []).map((candidate) => ({
                    value: candidate,
                    label: t(`steering.requests.form.fieldOptions.${candidate}`),
                  })),
                ]}
                style={{ flex: 1 }}
              />
              {field && isDateField(field) ? (
                <TextInput
                  {...valueLayout}
                  type="date"
                  label={t('steering.requests.form.newValue')}
                  value={String(row.to)}
                  error={missingValue ? t('steering.requests.form.enterDate') : valueError}
                  onChange={(event) => {
                    const to = event.currentTarget.value;
                    update(index, { to });
                  }}
                />
              ) : (
                <NumberInput
                  {...valueLayout}
                  label={t('steering.requests.form.newValue')}
                  disabled={!field}
                  value={row.to}
                  error={missingValue ? t('steering.requests.form.enterNumber') : valueError}
                  allowDecimal={field !== 'budgetSek'}
                  allowNegative={false}
                  decimalSeparator=","
                  thousandSeparator=" "
                  suffix={field === 'budgetSek' ? ' kr' : undefined}
                  onChange={(to) => update(index, { to })}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="dark"
                size="lg"
                mt={26}
                aria-label={t('steering.requests.form.removeGoalChange', { number: index + 1 })}
                onClick={() =>
                  set(
                    'goalChanges',
                    rows.filter((_row, at) => at !== index),
                  )
                }
              >
                <RemoveIcon />
              </ActionIcon>
            </Group>
          );
        })}
        {errors.goalChanges && <Input.Error>{errors.goalChanges}</Input.Error>}
        {goals.length > 0 && (
          <Button
            variant="subtle"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => set('goalChanges', [...rows, { goalId: '', field: '', to: '' }])}
          >
            {t('steering.requests.form.addGoalChange')}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
