import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanSection, Risk } from '../../shared/plan.js';
import { ItemActions, RemoveControl, useFocusWhenClosed } from './ItemControls.js';
import { RiskForm } from './RiskForm.js';
import { SectionFrame } from './SectionFrame.js';
import { SuccessFactors } from './SuccessFactors.js';

/** Risk- och framgångsfaktorer: the risks the template names and those the project adds, then the keywords. */
export function RisksSection({
  projectId,
  customerId,
  section,
  number,
  plan,
  canEdit,
}: {
  projectId: string;
  customerId: string;
  section: PlanSection;
  number: number;
  plan: Plan;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const label = (key: string, fallback: string) => section.fields.find((field) => field.key === key)?.label ?? fallback;
  return (
    <SectionFrame section={section} number={number}>
      <Stack gap="xs" component="section" aria-labelledby="risker">
        <Title order={3} size="h4" id="risker">
          {label('hinder', t('plan.risks.title'))}
        </Title>
        <RiskTable projectId={projectId} customerId={customerId} risks={plan.risks} canEdit={canEdit} />
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="nyckelord">
        <Title order={3} size="h4" id="nyckelord">
          {label('framgangsfaktorer', t('plan.factors.keyword'))}
        </Title>
        <SuccessFactors projectId={projectId} factors={plan.successFactors} canEdit={canEdit} />
      </Stack>
    </SectionFrame>
  );
}

function RiskTable({
  projectId,
  customerId,
  risks,
  canEdit,
}: {
  projectId: string;
  customerId: string;
  risks: Risk[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const addButton = useFocusWhenClosed(adding);
  const columns = canEdit ? 7 : 6;
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" aria-labelledby="risker">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="20%">
                {t('plan.risks.risk')}
              </Table.Th>
              <Table.Th scope="col">{t('plan.risks.likelihood')}</Table.Th>
              <Table.Th scope="col">{t('plan.risks.impact')}</Table.Th>
              <Table.Th scope="col" w="26%">
                {t('plan.risks.mitigation')}
              </Table.Th>
              <Table.Th scope="col">{t('plan.risks.owner')}</Table.Th>
              <Table.Th scope="col">{t('plan.risks.status')}</Table.Th>
              {canEdit && (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('plan.risks.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {risks.map((risk) => (
              <RiskRow
                key={risk.id}
                projectId={projectId}
                customerId={customerId}
                risk={risk}
                columns={columns}
                canEdit={canEdit}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {risks.some((risk) => risk.leadershipIssue) && (
        <Text size="sm">
          <LeadershipMark /> {t('plan.risks.legend')}
        </Text>
      )}
      {canEdit &&
        (adding ? (
          <Paper withBorder radius="sm" p="md" bg="gray.0">
            <RiskForm
              projectId={projectId}
              customerId={customerId}
              title={t('plan.risks.newRisk')}
              onDone={() => setAdding(false)}
            />
          </Paper>
        ) : (
          <Button ref={addButton} variant="light" onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
            {t('plan.risks.add')}
          </Button>
        ))}
    </>
  );
}

/** The template's asterisk for a leadership issue; the words are in the title for screen readers. */
function LeadershipMark() {
  return (
    <Text component="span" fw={700} c="red.9" aria-hidden="true">
      *
    </Text>
  );
}

function RiskRow({
  projectId,
  customerId,
  risk,
  columns,
  canEdit,
}: {
  projectId: string;
  customerId: string;
  risk: Risk;
  columns: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);
  const level = (value: Risk['likelihood']) =>
    value ? (
      <Text size="sm" fw={value === 'high' ? 700 : undefined}>
        {t(`plan.risks.levels.${value}`)}
      </Text>
    ) : (
      <Text size="sm" c="gray.7">
        {t('plan.risks.notAssessed')}
      </Text>
    );

  if (editing) {
    return (
      <Table.Tr bg="gray.0">
        <Table.Td colSpan={columns}>
          <RiskForm
            projectId={projectId}
            customerId={customerId}
            risk={risk}
            title={t('plan.risks.editing', { title: risk.title })}
            onDone={() => setEditing(false)}
          />
        </Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {risk.title}
          {risk.leadershipIssue && (
            <>
              <LeadershipMark />
              <span className="visually-hidden"> {t('plan.risks.leadershipMarker')}</span>
            </>
          )}
        </Text>
      </Table.Td>
      <Table.Td>{level(risk.likelihood)}</Table.Td>
      <Table.Td>{level(risk.impact)}</Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {risk.mitigation || t('plan.risks.none')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{risk.owner?.name ?? t('plan.risks.none')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`plan.risks.statuses.${risk.status}`)}</Text>
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <ItemActions>
            <Button
              ref={editButton}
              size="xs"
              variant="light"
              aria-label={t('plan.risks.editRisk', { title: risk.title })}
              onClick={() => setEditing(true)}
            >
              {t('plan.change')}
            </Button>
            {risk.causeKey === null && (
              <RemoveControl
                projectId={projectId}
                collection="risks"
                item={risk}
                label={t('plan.risks.removeRisk', { title: risk.title })}
                question={t('plan.risks.confirmRemove', { title: risk.title })}
              />
            )}
          </ItemActions>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
