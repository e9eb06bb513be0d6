import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SteeringMeeting } from '../../shared/steering.js';
import { formatDate } from '../plan/format.js';

/** Chooses one of the project's steering group meetings, or none ('' ). */
export function MeetingSelect({
  label,
  meetings,
  value,
  error,
  onChange,
}: {
  label: string;
  meetings: SteeringMeeting[];
  value: string;
  error?: string;
  onChange: (meetingId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[
        { value: '', label: t('steering.noMeeting') },
        ...meetings.map((meeting) => ({
          value: meeting.id,
          label: t('steering.meetingOption', { date: formatDate(meeting.date, i18n.language) }),
        })),
      ]}
    />
  );
}
