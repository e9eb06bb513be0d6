import { Alert, Button, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleToConfirm } from '../../shared/acknowledgements.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../layout/ErrorMessage.js';
import { AcknowledgementState } from './AcknowledgementState.js';
import type { useAcknowledge } from './api.js';

type Acknowledge = ReturnType<typeof useAcknowledge>;

/**
 * The viewer's roles in one project, each with its responsibility text and "Jag har tagit del av mitt
 * ansvar". `acknowledge` is held by the page's prompt: a confirmed role leaves the list, perhaps the
 * list itself, and the thanks (`onConfirmed`) must outlive them. `compact` folds long texts, where
 * several projects share the page.
 */
export function RolesToConfirm({
  projectId,
  roles,
  headingOrder,
  compact = false,
  acknowledge,
  onConfirmed,
}: {
  projectId: string;
  roles: RoleToConfirm[];
  headingOrder: 3 | 4;
  compact?: boolean;
  acknowledge: Acknowledge;
  onConfirmed: (roleTitle: string) => void;
}) {
  const confirm = (role: RoleToConfirm) =>
    acknowledge.mutate(
      { projectId, roleKey: role.roleKey, responsibility: role.responsibility },
      { onSuccess: () => onConfirmed(role.roleTitle) },
    );
  const confirming = (role: RoleToConfirm) =>
    acknowledge.variables?.projectId === projectId && acknowledge.variables.roleKey === role.roleKey;
  return roles.map((role) => (
    <RoleConfirmation
      key={role.roleKey}
      headingId={`mitt-ansvar-${projectId}-${role.roleKey}`}
      role={role}
      headingOrder={headingOrder}
      compact={compact}
      pending={confirming(role) && acknowledge.isPending}
      error={confirming(role) ? acknowledge.error : null}
      onConfirm={() => confirm(role)}
    />
  ));
}

/** "Tack! Du har bekräftat ditt ansvar som …", in a status region that is there before it speaks. */
export function ConfirmationThanks({ roleTitle }: { roleTitle: string | null }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      {roleTitle && (
        <Alert color="teal" variant="light" mt="sm">
          <Text size="sm">{t('acknowledgements.prompt.done', { role: roleTitle })}</Text>
        </Alert>
      )}
    </div>
  );
}

function RoleConfirmation({
  headingId,
  role,
  headingOrder,
  compact,
  pending,
  error,
  onConfirm,
}: {
  headingId: string;
  role: RoleToConfirm;
  headingOrder: 3 | 4;
  compact: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const textChanged = error instanceof ApiError && error.code === 'CONFLICT';
  const text = (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {role.responsibility}
    </Text>
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm" align="flex-start">
        <Title order={headingOrder} size={compact ? 'h5' : 'h4'} id={headingId}>
          {t('acknowledgements.prompt.roleHeading', { role: role.roleTitle })}
        </Title>
        {role.state === 'outdated' && (
          <AcknowledgementState acknowledgement={{ state: role.state, acknowledgedAt: null }} size="sm" />
        )}
        {compact ? (
          <Spoiler
            maxHeight={60}
            showLabel={t('acknowledgements.prompt.showText')}
            hideLabel={t('acknowledgements.prompt.hideText')}
            showAriaLabel={t('acknowledgements.prompt.showTextLabel', { role: role.roleTitle })}
            hideAriaLabel={t('acknowledgements.prompt.hideTextLabel', { role: role.roleTitle })}
          >
            {text}
          </Spoiler>
        ) : (
          text
        )}
        {Boolean(error) && (
          <Alert color={textChanged ? 'orange' : 'red'} role="alert" p="xs">
            <Text size="sm">{textChanged ? t('acknowledgements.prompt.textChanged') : errorText(error, t)}</Text>
          </Alert>
        )}
        <Button
          size={compact ? 'sm' : undefined}
          loading={pending}
          aria-label={t('acknowledgements.confirmLabel', { role: role.roleTitle })}
          onClick={onConfirm}
        >
          {t('acknowledgements.confirm')}
        </Button>
      </Stack>
    </Paper>
  );
}
