import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, RoleWithHolders } from '../../shared/organisation.js';
import { AcknowledgementState } from '../acknowledgements/AcknowledgementState.js';
import { RoleTextEditor } from '../acknowledgements/RoleTextEditor.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../layout/ErrorMessage.js';
import { useAssignRole, useUnassignRole } from './api.js';

/** Responsibility texts longer than this open with "Visa mer". */
const LONG_TEXT = 160;

function Responsibility({ text }: { text: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (text.length <= LONG_TEXT) {
    return (
      <Text size="sm" c="gray.7">
        {text}
      </Text>
    );
  }
  return (
    <div>
      <Text size="sm" c="gray.7" id={id} lineClamp={open ? undefined : 2}>
        {text}
      </Text>
      <Anchor component="button" type="button" size="sm" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('organisation.showLess') : t('organisation.showMore')}
      </Anchor>
    </div>
  );
}

function problemText(error: unknown, t: (key: string) => string): string {
  const message = errorText(error, t);
  // A refusal such as "role already held" says it all; field messages add to a validation error.
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return message;
  const fields = Object.values(error.fields).filter((field) => !message.includes(field));
  return fields.length > 0 ? `${message} (${fields.join(', ')})` : message;
}

/** Shown after a holder's name: e.g. an invitation button. */
export type HolderExtra = (holder: RoleWithHolders['holders'][number], roleTitle: string) => ReactNode;

/**
 * One role in the project: what it is responsible for (the project's own wording, editable), who
 * holds it (each removable, each with whether they have confirmed the text), and a person picker
 * to add one more. A role with fewer holders than it needs shows "Saknas".
 */
export function RoleCard({
  projectId,
  role,
  schoolId,
  level,
  canEdit,
  people,
  preferSchoolId,
  noPeopleText,
  holderExtra,
}: {
  projectId: string;
  role: RoleWithHolders;
  schoolId: string | null;
  level: 3 | 4;
  canEdit: boolean;
  /** Who may be chosen; undefined while loading. */
  people: Person[] | undefined;
  /** People at this school are listed first. */
  preferSchoolId?: string;
  /** Said instead of the picker when there is no one to choose. */
  noPeopleText: ReactNode;
  /** Put in for the template's `{vendor}` token. */
  holderExtra?: HolderExtra;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const assign = useAssignRole(projectId);
  const unassign = useUnassignRole(projectId);
  const [chosen, setChosen] = useState('');
  const [chooseError, setChooseError] = useState<string | null>(null);
  const have = role.holders.length;
  const lacking = have < role.minHolders;

  const holderIds = new Set(role.holders.map((holder) => holder.person.id));
  const candidates = (people ?? []).filter((person) => !holderIds.has(person.id));
  const option = (person: Person) => ({
    value: person.id,
    label: person.title ? `${person.name} (${person.title})` : person.name,
  });
  const atSchool = preferSchoolId ? candidates.filter((person) => person.schoolId === preferSchoolId) : [];
  const others = candidates.filter((person) => !atSchool.includes(person));
  const data = [
    { value: '', label: t('organisation.choosePlaceholder') },
    ...(atSchool.length > 0
      ? [
          { group: t('organisation.atSchool'), items: atSchool.map(option) },
          { group: t('organisation.otherPeople'), items: others.map(option) },
        ]
      : others.map(option)),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    unassign.reset();
    if (!chosen) {
      setChooseError(t('organisation.choosePersonFirst'));
      return;
    }
    setChooseError(null);
    assign.mutate({ roleKey: role.key, personId: chosen, schoolId }, { onSuccess: () => setChosen('') });
  };

  const problem = assign.error ?? unassign.error;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={level} size="h5" id={headingId}>
            {role.title}
          </Title>
          {lacking && (
            <Badge color="red.9" variant="filled" tt="none" style={{ flexShrink: 0 }}>
              {role.minHolders > 1
                ? `${t('organisation.missing')}: ${t('organisation.holderCount', { have, need: role.minHolders })}`
                : t('organisation.missing')}
            </Badge>
          )}
        </Group>
        <Responsibility text={role.responsibility} />
        {role.responsibilityVersion > 0 && (
          <Text size="xs" c="gray.7">
            {t('acknowledgements.editor.projectText')}
          </Text>
        )}
        {canEdit && <RoleTextEditor projectId={projectId} role={role} />}
        {have === 0 ? (
          <Text size="sm" fs="italic">
            {t('organisation.noHolders')}
          </Text>
        ) : (
          <List
            spacing={6}
            size="sm"
            listStyleType="none"
            aria-label={t('organisation.holdersOf', { role: role.title })}
          >
            {role.holders.map((holder) => (
              <List.Item key={holder.assignmentId}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {holder.person.name}
                  </Text>
                  <AcknowledgementState acknowledgement={holder.acknowledgement} />
                  {holder.person.hasLogin && (
                    <Badge variant="light" size="sm" tt="none">
                      {t('organisation.hasLogin')}
                    </Badge>
                  )}
                  {!holder.person.hasLogin && holder.person.invited && (
                    <Badge variant="outline" color="gray.8" size="sm" tt="none">
                      {t('organisation.invitedBadge')}
                    </Badge>
                  )}
                  {canEdit && (
                    <Button
                      size="compact-xs"
                      variant="default"
                      aria-label={t('organisation.removeLabel', { name: holder.person.name, role: role.title })}
                      loading={unassign.isPending && unassign.variables === holder.assignmentId}
                      onClick={() => {
                        assign.reset();
                        unassign.mutate(holder.assignmentId);
                      }}
                    >
                      {t('organisation.remove')}
                    </Button>
                  )}
                  {holderExtra?.(holder, role.title)}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {canEdit &&
          (people && people.length === 0 ? (
            <Text size="sm" c="gray.7">
              {noPeopleText}
            </Text>
          ) : (
            <form onSubmit={submit} noValidate>
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <NativeSelect
                  size="xs"
                  aria-label={t('organisation.choosePerson', { role: role.title })}
                  data={data}
                  value={chosen}
                  error={chooseError}
                  onChange={(event) => {
                    setChosen(event.currentTarget.value);
                    setChooseError(null);
                  }}
                  style={{ flex: 1, minWidth: 0 }}
                />
                <Button
                  type="submit"
                  size="xs"
                  variant="light"
                  loading={assign.isPending}
                  aria-label={t('organisation.addPersonTo', { role: role.title })}
                >
                  {t('organisation.addPerson')}
                </Button>
              </Group>
            </form>
          ))}
        {problem && (
          <Alert color="red" role="alert" p="xs">
            <Text size="sm">{problemText(problem, t)}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
