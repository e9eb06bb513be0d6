import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Gap, Organisation } from '../../shared/organisation.js';
import { inSentence, nounFor, roleTitleFormsInSentence } from '../../shared/plural.js';
import { AcknowledgementSummary } from '../acknowledgements/AcknowledgementSummary.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useProject } from '../projects/api.js';
import { ProjectSubpageHeader } from '../projects/ProjectSubpageHeader.js';
import { useOrganisation, usePeople, useVendorPeople } from './api.js';
import { useInviteControls } from './InviteControls.js';
import { RoleCard } from './RoleCard.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function gapText(gap: Gap, t: Translate, schoolName?: string): string {
  const role = inSentence(gap.roleTitle);
  // "1 av 2 administratörer": the title agrees with the number needed.
  const roles = nounFor(gap.need, roleTitleFormsInSentence({ title: gap.roleTitle, titlePlural: gap.roleTitlePlural }));
  if (gap.schoolId === null) {
    return gap.have === 0
      ? t('organisation.gap.projectNone', { role })
      : t('organisation.gap.projectSome', { role, roles, have: gap.have, need: gap.need });
  }
  const school = schoolName ?? t('organisation.gap.theSchool');
  return gap.have === 0
    ? t('organisation.gap.schoolNone', { role, school })
    : t('organisation.gap.schoolSome', { role, roles, school, have: gap.have, need: gap.need });
}

/** `/projekt/:projectId/organisation`: who holds which role, per school, and what is missing. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const organisation = useOrganisation(projectId);
  const session = useSession();
  const canEdit = project.data?.permissions.edit ?? false;
  // The API lets only the vendor admin change the vendor's roles.
  const canEditVendor = canEdit && session.data?.user.role === 'vendor_admin';
  const customerPeople = usePeople(canEdit ? project.data?.customer.id : undefined);
  const vendorPeople = useVendorPeople(canEditVendor);
  const inviteControls = useInviteControls();

  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Text>{t('common.loading')}</Text>;
  const data = project.data;

  return (
    <Stack gap="xl" maw={1200}>
      <ProjectSubpageHeader project={data} title={t('organisation.title')} intro={t('organisation.intro')} />
      {organisation.isError && <ErrorMessage error={organisation.error} onRetry={() => organisation.refetch()} />}
      {customerPeople.isError && <ErrorMessage error={customerPeople.error} />}
      {organisation.data && (
        <>
          <Status organisation={organisation.data} customerId={data.customer.id} showCustomerLink={canEdit} />
          <AcknowledgementSummary projectId={data.id} />
          <Stack gap="md" component="section" aria-labelledby="kommunens-roller">
            <Title order={2} id="kommunens-roller">
              {t('organisation.customerRoles')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {organisation.data.customerRoles.map((role) => (
                <RoleCard
                  key={role.key}
                  projectId={data.id}
                  role={role}
                  schoolId={null}
                  level={3}
                  canEdit={canEdit}
                  people={customerPeople.data?.items}
                  noPeopleText={t('organisation.noPeople')}
                  holderExtra={canEdit ? inviteControls : undefined}
                />
              ))}
            </SimpleGrid>
          </Stack>
          <Stack gap="md" component="section" aria-labelledby="leverantorens-roller">
            <Title order={2} id="leverantorens-roller">
              {t('organisation.vendorRoles')}
            </Title>
            {canEdit && !canEditVendor && <Text c="gray.7">{t('organisation.vendorRolesByAdmin')}</Text>}
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {organisation.data.vendorRoles.map((role) => (
                <RoleCard
                  key={role.key}
                  projectId={data.id}
                  role={role}
                  schoolId={null}
                  level={3}
                  canEdit={canEditVendor}
                  people={vendorPeople.data?.items}
                  noPeopleText={
                    <>
                      {t('organisation.noVendorPeople')}{' '}
                      <Anchor component={Link} to="/leverantor/personer" size="sm" underline="always">
                        {t('organisation.addVendorPeople')}
                      </Anchor>
                    </>
                  }
                  holderExtra={canEditVendor ? inviteControls : undefined}
                />
              ))}
            </SimpleGrid>
          </Stack>
          <Stack gap="md" component="section" aria-labelledby="skolornas-roller">
            <Title order={2} id="skolornas-roller">
              {t('organisation.schoolsTitle')}
            </Title>
            {organisation.data.schools.length === 0 && <Text>{t('organisation.noSchools')}</Text>}
            {organisation.data.schools.map(({ school, roles, readiness }) => (
              <Paper
                key={school.id}
                withBorder
                radius="md"
                p="md"
                bg="gray.0"
                component="section"
                aria-labelledby={`skola-${school.id}`}
              >
                <Group justify="space-between" mb="sm">
                  <Title order={3} id={`skola-${school.id}`}>
                    {school.name}
                  </Title>
                  {readiness.ready ? (
                    <Badge color="teal.9" variant="filled" size="lg" tt="none">
                      {t('organisation.ready')}
                    </Badge>
                  ) : (
                    <Badge color="red.9" variant="filled" size="lg" tt="none">
                      {t('organisation.gaps', { count: readiness.gaps.length })}
                    </Badge>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                  {roles.map((role) => (
                    <RoleCard
                      key={role.key}
                      projectId={data.id}
                      role={role}
                      schoolId={school.id}
                      level={4}
                      canEdit={canEdit}
                      people={customerPeople.data?.items}
                      preferSchoolId={school.id}
                      noPeopleText={t('organisation.noPeople')}
                      holderExtra={canEdit ? inviteControls : undefined}
                    />
                  ))}
                </SimpleGrid>
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function Status({
  organisation,
  customerId,
  showCustomerLink,
}: {
  organisation: Organisation;
  customerId: string;
  showCustomerLink: boolean;
}) {
  const { t } = useTranslation();
  const { readiness, schools } = organisation;
  const schoolName = (schoolId: string | null) =>
    schools.find((entry) => entry.school.id === schoolId)?.school.name ?? undefined;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="laget">
      <Title order={2} id="laget" mb="xs">
        {t('organisation.statusTitle')}
      </Title>
      <Text size="xl" fw={700}>
        {readiness.schoolsTotal === 0
          ? t('organisation.noSchools')
          : t('organisation.schoolsReady', { ready: readiness.schoolsReady, count: readiness.schoolsTotal })}
      </Text>
      {showCustomerLink && (
        <Anchor component={Link} to={`/kunder/${customerId}`}>
          {t('organisation.addSchools')}
        </Anchor>
      )}
      {readiness.gaps.length === 0 ? (
        readiness.schoolsTotal > 0 && <Text mt="sm">{t('organisation.allFilled')}</Text>
      ) : (
        <>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('organisation.gapsTitle')} ({readiness.gaps.length})
          </Title>
          <List size="sm" spacing={2} style={{ columns: '18rem auto', columnGap: '2rem' }}>
            {readiness.gaps.map((gap) => (
              <List.Item key={`${gap.roleKey}-${gap.schoolId ?? ''}`}>
                {gapText(gap, t, schoolName(gap.schoolId))}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
