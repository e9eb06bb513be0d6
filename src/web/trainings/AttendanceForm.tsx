import { Group, Radio, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendance, TrainingSession } from '../../shared/trainings.js';
import { FormActions } from '../layout/FormActions.js';
import { useMarkAttendance } from './api.js';
import type { TrainingControls } from './controls.js';
import { formatSessionDate } from './dates.js';

const attendanceOf = (session: TrainingSession): Record<string, Attendance> =>
  Object.fromEntries(session.participants.map((participant) => [participant.personId, participant.attendance]));

/** Present or absent for each participant of a held session, saved together. */
export function AttendanceForm({ session, controls }: { session: TrainingSession; controls: TrainingControls }) {
  const { t } = useTranslation();
  const mark = useMarkAttendance(controls.projectId);
  const [marked, setMarked] = useState(() => attendanceOf(session));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entries = session.participants.map((participant) => ({
      personId: participant.personId,
      attendance: marked[participant.personId] ?? participant.attendance,
    }));
    mark.mutate(
      { sessionId: session.id, entries },
      {
        onSuccess: (saved) => {
          setMarked(attendanceOf(saved));
          controls.announce(
            t('trainings.attendance.saved', { date: formatSessionDate(session.date, controls.language) }),
          );
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Table verticalSpacing={6}>
          <Table.Tbody>
            {session.participants.map((participant) => (
              <Table.Tr key={participant.personId}>
                <Table.Th scope="row" fw={500}>
                  <Text size="sm" fw={600}>
                    {participant.name}
                  </Text>
                  {participant.schoolName && (
                    <Text size="xs" c="gray.7">
                      {participant.schoolName}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  <Radio.Group
                    label={t('trainings.attendance.legend', { name: participant.name })}
                    labelProps={{ className: 'visually-hidden' }}
                    value={marked[participant.personId] === 'booked' ? '' : marked[participant.personId]}
                    onChange={(value) =>
                      setMarked((current) => ({ ...current, [participant.personId]: value as Attendance }))
                    }
                  >
                    <Group gap="md" wrap="nowrap">
                      <Radio value="attended" label={t('trainings.attendance.attended')} />
                      <Radio value="absent" label={t('trainings.attendance.absent')} />
                    </Group>
                  </Radio.Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <FormActions error={mark.error} submitLabel={t('trainings.attendance.save')} pending={mark.isPending} />
      </Stack>
    </form>
  );
}
