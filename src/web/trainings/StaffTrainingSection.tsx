import { Button, Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolStaffTraining, Training } from '../../shared/trainings.js';
import { Collapsible } from '../organisation/Collapsible.js';
import { useDeleteWorkshop } from './api.js';
import type { TrainingControls } from './controls.js';
import { formatSessionDate } from './dates.js';
import { trainedPercent } from './rules.js';
import { WorkshopForm } from './WorkshopForm.js';

const COLUMNS = 5;

/** The staff training: the user-supporters' workshops counted school by school against the staff to train. */
export function StaffTrainingSection({
  training,
  schools,
  controls,
}: {
  training: Training;
  schools: SchoolStaffTraining[];
  controls: TrainingControls;
}) {
  const { t } = useTranslation();
  const headingId = `utbildning-${training.key}`;
  const tableId = `${headingId}-personal`;
  const counted = schools.filter((school) => school.staffCount !== null);
  const staffTotal = counted.reduce((sum, school) => sum + (school.staffCount ?? 0), 0);
  // A school's workshops can count more people than its staff (the same people twice): count it full.
  const trainedTotal = counted.reduce((sum, school) => sum + Math.min(school.trainedCount, school.staffCount ?? 0), 0);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} id={headingId}>
            {training.title}
          </Title>
          <Text c="gray.7">{t('trainings.trainees.staff')}</Text>
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby={tableId}>
          <Title order={3} size="h4" id={tableId}>
            {t('trainings.staff.title')}
          </Title>
          {schools.length === 0 ? (
            <Text>{t('trainings.staff.noSchools')}</Text>
          ) : (
            <>
              {staffTotal > 0 && (
                <Text fw={600}>{t('trainings.staff.total', { trained: trainedTotal, staff: staffTotal })}</Text>
              )}
              <StaffTable schools={schools} controls={controls} />
            </>
          )}
          {controls.may.recordWorkshops && schools.length > 0 && (
            <Collapsible label={t('trainings.staff.record')}>
              <WorkshopForm schools={schools} controls={controls} label={t('trainings.staff.record')} />
            </Collapsible>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

function StaffTable({ schools, controls }: { schools: SchoolStaffTraining[]; controls: TrainingControls }) {
  const { t } = useTranslation();
  const [openIds, setOpenIds] = useState<Set<string>>(new Set());
  const toggle = (schoolId: string) =>
    setOpenIds((current) => {
      const next = new Set(current);
      if (!next.delete(schoolId)) next.add(schoolId);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('trainings.staff.school')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('trainings.staff.staffCount')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('trainings.staff.trained')}
            </Table.Th>
            <Table.Th scope="col">{t('trainings.staff.progress')}</Table.Th>
            <Table.Th scope="col">{t('trainings.staff.workshops')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schools.map((school) => {
            const percent = trainedPercent(school.trainedCount, school.staffCount);
            const open = openIds.has(school.schoolId);
            const detailsId = `workshoppar-${school.schoolId}`;
            return (
              <Fragment key={school.schoolId}>
                <Table.Tr>
                  <Table.Th scope="row" fw={600}>
                    {school.schoolName}
                  </Table.Th>
                  <Table.Td ta="right">{school.staffCount ?? '–'}</Table.Td>
                  <Table.Td ta="right">{school.trainedCount}</Table.Td>
                  <Table.Td>
                    {percent === null ? (
                      <Text size="sm" c="gray.7">
                        {t('trainings.staff.noStaffCount')}
                      </Text>
                    ) : (
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={percent}
                          w={140}
                          size="lg"
                          color={percent === 100 ? 'teal.9' : 'blue.8'}
                          aria-label={t('trainings.staff.progressLabel', { school: school.schoolName })}
                        />
                        <Text size="sm">{t('trainings.staff.percent', { percent })}</Text>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {school.workshops.length === 0 ? (
                      <Text size="sm" c="gray.7">
                        {t('trainings.staff.noWorkshops')}
                      </Text>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-expanded={open}
                        aria-controls={detailsId}
                        leftSection={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}
                        onClick={() => toggle(school.schoolId)}
                      >
                        {t('trainings.staff.showWorkshops', { count: school.workshops.length })}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={COLUMNS} bg="gray.0">
                      <WorkshopList school={school} controls={controls} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WorkshopList({ school, controls }: { school: SchoolStaffTraining; controls: TrainingControls }) {
  const { t } = useTranslation();
  const remove = useDeleteWorkshop(controls.projectId);
  const ordered = [...school.workshops].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return (
    <List size="sm" spacing={6} aria-label={t('trainings.staff.showWorkshopsLabel', { school: school.schoolName })}>
      {ordered.map((workshop) => {
        const date = formatSessionDate(workshop.heldOn, controls.language);
        return (
          <List.Item key={workshop.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {t('trainings.staff.workshopLine', { date, count: workshop.staffCount })}
              </Text>
              {workshop.heldBy && <Text size="sm">{t('trainings.staff.heldBy', { name: workshop.heldBy.name })}</Text>}
              <Text size="sm" c="gray.7">
                {t('trainings.staff.recordedBy', { name: workshop.recordedByName })}
              </Text>
              {controls.may.recordWorkshops && (
                <Button
                  size="compact-xs"
                  variant="default"
                  aria-label={t('trainings.staff.removeWorkshopLabel', { date, school: school.schoolName })}
                  loading={remove.isPending && remove.variables === workshop.id}
                  onClick={() =>
                    remove.mutate(workshop.id, {
                      onSuccess: () => controls.announce(t('trainings.staff.workshopRemoved', { date })),
                      onError: controls.fail,
                    })
                  }
                >
                  {t('trainings.staff.removeWorkshop')}
                </Button>
              )}
            </Group>
            {workshop.note && (
              <Text size="sm" c="gray.7">
                {workshop.note}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
