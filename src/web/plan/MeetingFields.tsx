import { Fieldset, Group, Radio, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { meetingModes, type ProjectMeeting } from '../../shared/plan.js';
import { formatDate } from './format.js';

/** "12 januari 2027 · På plats", or that nothing is decided yet. */
export function useMeetingText() {
  const { t, i18n } = useTranslation();
  return (meeting: ProjectMeeting | null): string => {
    const date = meeting?.date ? formatDate(meeting.date, i18n.language) : null;
    const mode = meeting?.mode ? t(`plan.meeting.modes.${meeting.mode}`) : null;
    if (date && mode) return t('plan.meeting.summary', { date, mode });
    if (date) return t('plan.meeting.dateOnly', { date });
    if (mode) return t('plan.meeting.modeOnly', { mode });
    return t('plan.meeting.notDecided');
  };
}

export function MeetingSummary({ meeting }: { meeting: ProjectMeeting }) {
  const meetingText = useMeetingText();
  const decided = Boolean(meeting.date || meeting.mode);
  return (
    <Text c={decided ? undefined : 'gray.7'} fs={decided ? undefined : 'italic'}>
      {meetingText(meeting)}
    </Text>
  );
}

/** When and how the project meeting is held, with the template's description of it as guidance. */
export function MeetingFields({
  label,
  hint,
  meeting,
  error,
  onChange,
}: {
  label: string;
  hint: string;
  meeting: ProjectMeeting;
  error?: string | null;
  onChange: (meeting: ProjectMeeting) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={label} variant="unstyled" className="plan-fieldset">
      {hint && (
        <Text size="sm" c="gray.7" maw={760} mb="xs">
          {hint}
        </Text>
      )}
      <Group align="flex-start" gap="xl">
        <TextInput
          type="date"
          label={t('plan.meeting.date')}
          value={meeting.date ?? ''}
          error={error}
          onChange={(event) => onChange({ ...meeting, date: event.currentTarget.value || null })}
        />
        <Radio.Group
          label={t('plan.meeting.mode')}
          value={meeting.mode ?? ''}
          onChange={(value) => onChange({ ...meeting, mode: value as ProjectMeeting['mode'] })}
        >
          <Group gap="lg" mt={8}>
            {meetingModes.map((mode) => (
              <Radio key={mode} value={mode} label={t(`plan.meeting.modes.${mode}`)} />
            ))}
          </Group>
        </Radio.Group>
      </Group>
    </Fieldset>
  );
}
