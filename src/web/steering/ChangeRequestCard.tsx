import { Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../shared/plan.js';
import type { ChangeRequest, ChangeRequestStatus, SteeringMeeting } from '../../shared/steering.js';
import { stockholmToday } from '../checklist/dates.js';
import { formatDate } from '../plan/format.js';
import { useFocusWhenClosed } from '../plan/ItemControls.js';
import { decisionAnchor, requestAnchor } from './anchors.js';
import { ChangeRequestForm } from './ChangeRequestForm.js';
import { DecideForm } from './DecideForm.js';
import { LabelledText } from './LabelledText.js';
import { PlanChanges } from './PlanChanges.js';

/** Waiting stands out in yellow with dark text; the badge's words say it, not the colour. */
const statusBadge: Record<ChangeRequestStatus, { color: string; variant: 'filled' | 'outline' }> = {
  pending: { color: 'yellow.3', variant: 'filled' },
  approved: { color: 'teal.9', variant: 'filled' },
  rejected: { color: 'gray.8', variant: 'outline' },
};

/** One change request: what it changes and why, and its decision or the controls to make one. */
export function ChangeRequestCard({
  projectId,
  request,
  may,
  plan,
  meetings,
  announce,
}: {
  projectId: string;
  request: ChangeRequest;
  may: { prepare: boolean; decide: boolean };
  plan: Plan | undefined;
  meetings: SteeringMeeting[];
  announce: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'read' | 'edit' | 'decide'>('read');
  const editButton = useFocusWhenClosed(mode === 'edit');
  const decideButton = useFocusWhenClosed(mode === 'decide');
  // Once decided, the buttons are gone: the focus goes to the request, which now shows its decision.
  const heading = useRef<HTMLHeadingElement>(null);
  const pending = request.status === 'pending';
  const headingId = `${requestAnchor(request.id)}-rubrik`;
  const day = (iso: string) => formatDate(stockholmToday(new Date(iso)), i18n.language);
  const badge = statusBadge[request.status];

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      id={requestAnchor(request.id)}
      aria-labelledby={headingId}
      style={pending ? { borderLeft: '6px solid var(--mantine-color-yellow-5)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={headingId} ref={heading} tabIndex={-1}>
            {t('steering.requests.heading', { number: request.number, title: request.title })}
          </Title>
          <Badge color={badge.color} variant={badge.variant} autoContrast size="lg" tt="none" style={{ flexShrink: 0 }}>
            {t(`steering.requests.status.${request.status}`)}
          </Badge>
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('steering.requests.areasLabel')}:
          </Text>
          {request.areas.map((area) => (
            <Badge key={area} variant="outline" color="dark" tt="none">
              {t(`steering.requests.areas.${area}`)}
            </Badge>
          ))}
        </Group>
        {mode === 'edit' ? (
          <ChangeRequestForm
            projectId={projectId}
            request={request}
            plan={plan}
            meetings={meetings}
            onSaved={(saved) => {
              setMode('read');
              announce(t('steering.requests.updated', { number: saved.number }));
            }}
            onCancel={() => setMode('read')}
          />
        ) : (
          <RequestText request={request} />
        )}
        <Text size="sm" c="gray.7">
          {t('steering.requests.preparedBy', { name: request.preparedBy.name, date: day(request.createdAt) })}
          {request.meeting &&
            ` · ${t('steering.requests.onAgenda', { date: formatDate(request.meeting.date, i18n.language) })}`}
        </Text>
        {request.decision && (
          <Box>
            <Text fw={600}>
              {t(request.status === 'approved' ? 'steering.requests.approvedBy' : 'steering.requests.rejectedBy', {
                name: request.decision.by.name,
                date: day(request.decision.at),
              })}
            </Text>
            {request.decision.comment.trim() !== '' && (
              <Text style={{ whiteSpace: 'pre-wrap' }}>
                {t('steering.requests.comment', { comment: request.decision.comment })}
              </Text>
            )}
            {request.decision.decisionId && (
              <Anchor href={`#${decisionAnchor(request.decision.decisionId)}`} size="sm">
                {t('steering.requests.toDecision')}
              </Anchor>
            )}
          </Box>
        )}
        {pending && mode === 'decide' && (
          <DecideForm
            projectId={projectId}
            request={request}
            meetings={meetings}
            onDecided={(decided) => {
              setMode('read');
              requestAnimationFrame(() => heading.current?.focus());
              announce(
                t(decided.status === 'approved' ? 'steering.requests.approved' : 'steering.requests.rejected', {
                  number: decided.number,
                }),
              );
            }}
            onCancel={() => setMode('read')}
          />
        )}
        {pending && mode === 'read' && (may.prepare || may.decide) && (
          <Group gap="xs">
            {may.decide && (
              <Button
                ref={decideButton}
                size="xs"
                aria-label={t('steering.requests.decideLabel', { number: request.number })}
                onClick={() => setMode('decide')}
              >
                {t('steering.requests.decide')}
              </Button>
            )}
            {may.prepare && (
              <Button
                ref={editButton}
                size="xs"
                variant="default"
                aria-label={t('steering.requests.editLabel', { number: request.number })}
                onClick={() => setMode('edit')}
              >
                {t('steering.edit')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function RequestText({ request }: { request: ChangeRequest }) {
  const { t } = useTranslation();
  const hasPlanChanges = request.dateChanges.length > 0 || request.goalChanges.length > 0;
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <LabelledText label={t('steering.requests.change')} text={request.change} />
        <LabelledText label={t('steering.requests.reason')} text={request.reason} />
        <LabelledText label={t('steering.requests.consequence')} text={request.consequence} />
        <LabelledText label={t('steering.requests.proposal')} text={request.proposal} />
      </SimpleGrid>
      {hasPlanChanges && (
        <Box>
          <Text fw={600} size="sm">
            {t(request.status === 'approved' ? 'steering.requests.planChangesMade' : 'steering.requests.planChanges')}
          </Text>
          <PlanChanges request={request} />
        </Box>
      )}
    </>
  );
}
