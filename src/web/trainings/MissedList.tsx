import { Button, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissedTraining, Training, TrainingSession } from '../../shared/trainings.js';
import { useBookParticipant } from './api.js';
import type { TrainingControls } from './controls.js';
import { formatSessionDate } from './dates.js';
import { upcomingCatchUpSessions } from './rules.js';

/** Those absent from a session of the training, and booking each on a catch-up session in one click. */
export function MissedList({
  missed,
  trainings,
  controls,
}: {
  missed: MissedTraining[];
  trainings: Training[];
  controls: TrainingControls;
}) {
  const { t } = useTranslation();
  const book = useBookParticipant(controls.projectId);
  const catchUps = upcomingCatchUpSessions(trainings, controls.today);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = catchUps.find((session) => session.id === chosenId) ?? catchUps[0];
  const sessionById = new Map(
    trainings.flatMap((training) => training.sessions).map((session) => [session.id, session]),
  );
  const dateOf = (session: TrainingSession) => formatSessionDate(session.date, controls.language);
  const canBook = controls.may.plan && chosen !== undefined;

  return (
    <Stack gap="sm">
      {catchUps.length === 0 && <Text size="sm">{t('trainings.missed.noCatchUp')}</Text>}
      {controls.may.plan && catchUps.length > 1 && (
        <NativeSelect
          label={t('trainings.missed.chooseCatchUp')}
          maw={420}
          value={chosen?.id}
          onChange={(event) => setChosenId(event.currentTarget.value)}
          data={catchUps.map((session) => ({
            value: session.id,
            label: `${dateOf(session)}, ${t('trainings.session.time', { start: session.startTime, end: session.endTime })}`,
          }))}
        />
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainings.missed.name')}</Table.Th>
              <Table.Th scope="col">{t('trainings.missed.school')}</Table.Th>
              <Table.Th scope="col">{t('trainings.missed.session')}</Table.Th>
              <Table.Th scope="col">{t('trainings.missed.catchUp')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {missed.map((person) => {
              const bookedOn = person.catchUpSessionId ? sessionById.get(person.catchUpSessionId) : undefined;
              return (
                <Table.Tr key={`${person.personId}-${person.sessionId}`}>
                  <Table.Th scope="row" fw={600}>
                    {person.name}
                  </Table.Th>
                  <Table.Td>{person.schoolName ?? '–'}</Table.Td>
                  <Table.Td>{formatSessionDate(person.sessionDate, controls.language)}</Table.Td>
                  <Table.Td>
                    {bookedOn ? (
                      <Text size="sm" fw={600} c="teal.9">
                        <span aria-hidden="true">✓ </span>
                        {t('trainings.missed.bookedOn', { date: dateOf(bookedOn) })}
                      </Text>
                    ) : canBook ? (
                      <Button
                        size="xs"
                        aria-label={t('trainings.missed.bookLabel', { name: person.name })}
                        loading={book.isPending && book.variables?.personId === person.personId}
                        onClick={() =>
                          book.mutate(
                            { sessionId: chosen.id, personId: person.personId },
                            {
                              onSuccess: () =>
                                controls.announce(
                                  t('trainings.missed.booked', { name: person.name, date: dateOf(chosen) }),
                                ),
                              onError: controls.fail,
                            },
                          )
                        }
                      >
                        {t('trainings.missed.book')}
                      </Button>
                    ) : (
                      <Text size="sm">{t('trainings.missed.notBooked')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
