import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcknowledgementOverview } from '../../shared/acknowledgements.js';
import type { ProjectDetail } from '../../shared/projects.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../layout/ErrorMessage.js';
import { AcknowledgementState } from './AcknowledgementState.js';
import { useAcknowledge, useAcknowledgements } from './api.js';

type MyRole = AcknowledgementOverview['mine'][number];
type Acknowledge = ReturnType<typeof useAcknowledge>;

/**
 * On the project page, for someone holding roles they have not yet confirmed (or whose text has
 * changed since): each role's responsibility text and "Jag har tagit del av mitt ansvar".
 */
export function MyResponsibilityPrompt({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const overview = useAcknowledgements(project.id);
  // Held here: a confirmed role leaves the list, and its thanks must outlive it.
  const acknowledge = useAcknowledge(project.id);
  const [confirmedRole, setConfirmedRole] = useState<string | null>(null);
  // A closed project takes no more confirmations.
  if (project.phase === 'operations') return null;
  const mine = overview.data?.mine ?? [];
  if (mine.length === 0 && !confirmedRole) return null;
  const outdated = mine.some((role) => role.state === 'outdated');
  const confirm = (role: MyRole) =>
    acknowledge.mutate(
      { roleKey: role.roleKey, responsibility: role.responsibility },
      { onSuccess: () => setConfirmedRole(role.roleTitle) },
    );
  return (
    <Paper withBorder radius="md" p="lg" bg="blue.0" component="section" aria-labelledby="mitt-ansvar">
      <Stack gap="md">
        <div>
          <Title order={2} id="mitt-ansvar">
            {t('acknowledgements.prompt.title')}
          </Title>
          {mine.length > 0 && (
            <Text mt={4}>
              {t(outdated ? 'acknowledgements.prompt.introOutdated' : 'acknowledgements.prompt.intro')}
            </Text>
          )}
          <div role="status">
            {confirmedRole && (
              <Alert color="teal" variant="light" mt="sm">
                <Text size="sm">{t('acknowledgements.prompt.done', { role: confirmedRole })}</Text>
              </Alert>
            )}
          </div>
        </div>
        {mine.map((role) => (
          <RoleToConfirm key={role.roleKey} role={role} acknowledge={acknowledge} onConfirm={() => confirm(role)} />
        ))}
      </Stack>
    </Paper>
  );
}

function RoleToConfirm({
  role,
  acknowledge,
  onConfirm,
}: {
  role: MyRole;
  acknowledge: Acknowledge;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `mitt-ansvar-${role.roleKey}`;
  const mine = acknowledge.variables?.roleKey === role.roleKey;
  const error = mine ? acknowledge.error : null;
  const textChanged = error instanceof ApiError && error.code === 'CONFLICT';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm" align="flex-start">
        <Title order={3} size="h4" id={headingId}>
          {t('acknowledgements.prompt.roleHeading', { role: role.roleTitle })}
        </Title>
        {role.state === 'outdated' && (
          <AcknowledgementState acknowledgement={{ state: role.state, acknowledgedAt: null }} size="sm" />
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {role.responsibility}
        </Text>
        {error && (
          <Alert color={textChanged ? 'orange' : 'red'} role="alert" p="xs">
            <Text size="sm">{textChanged ? t('acknowledgements.prompt.textChanged') : errorText(error, t)}</Text>
          </Alert>
        )}
        <Button
          loading={mine && acknowledge.isPending}
          aria-label={t('acknowledgements.confirmLabel', { role: role.roleTitle })}
          onClick={onConfirm}
        >
          {t('acknowledgements.confirm')}
        </Button>
      </Stack>
    </Paper>
  );
}
