import { Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Trainee, Training } from '../../shared/trainings.js';
import { Collapsible } from '../organisation/Collapsible.js';
import { useBookSplit } from './api.js';
import type { TrainingControls } from './controls.js';
import { formatSessionDate } from './dates.js';
import { noSplitReason, splitLines } from './rules.js';

/** A line names this many schools at most; the rest are counted. */
const SCHOOLS_NAMED = 4;

/** Who is not booked yet, how the server would spread them over the sessions, and booking that. */
export function SplitSuggestion({ training, controls }: { training: Training; controls: TrainingControls }) {
  const { t } = useTranslation();
  const book = useBookSplit(controls.projectId);
  const lines = splitLines(training);
  const schoolsText = (schools: string[]) => {
    const named = schools.slice(0, SCHOOLS_NAMED).join(', ');
    const more = schools.length - SCHOOLS_NAMED;
    return more > 0 ? t('trainings.split.moreSchools', { schools: named, count: more }) : named;
  };

  return (
    <Stack gap="xs">
      <Text fw={600}>{t('trainings.split.unbooked', { count: training.unbooked.length })}</Text>
      {lines.length === 0 ? (
        <Text size="sm">{t(`trainings.split.${noSplitReason(training, controls.today)}`)}</Text>
      ) : (
        <>
          <Text size="sm">{t('trainings.split.suggestion')}</Text>
          <List size="sm" spacing={2}>
            {lines.map((line) => (
              <List.Item key={line.session.id}>
                {t('trainings.split.line', {
                  number: line.sessionNumber,
                  date: formatSessionDate(line.session.date, controls.language),
                  count: line.people.length,
                })}
                {line.schools.length > 0 && ` (${schoolsText(line.schools)})`}
              </List.Item>
            ))}
          </List>
          {controls.may.plan && (
            <div>
              <Button
                loading={book.isPending}
                onClick={() =>
                  book.mutate(training.key, {
                    onSuccess: () => controls.announce(t('trainings.split.booked')),
                    onError: controls.fail,
                  })
                }
              >
                {t('trainings.split.book')}
              </Button>
            </div>
          )}
        </>
      )}
      <Collapsible label={t('trainings.split.showUnbooked', { count: training.unbooked.length })}>
        <PeopleList people={training.unbooked} />
      </Collapsible>
    </Stack>
  );
}

function PeopleList({ people }: { people: Trainee[] }) {
  return (
    <List size="sm" spacing={2} style={{ columns: '16rem auto', columnGap: '2rem' }}>
      {people.map((person) => (
        <List.Item key={person.personId}>
          {person.name}
          {person.schoolName && (
            <Text component="span" size="sm" c="gray.7">
              {' '}
              · {person.schoolName}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
