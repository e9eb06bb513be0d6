import { addDays } from '../core/days.js';

/** The template's "about six months after the start". */
export const FOLLOW_UP_WEEKS_AFTER_START = 26;

/** How far ahead the meeting goes when its usual day has already passed: time enough to book it. */
export const LATE_FOLLOW_UP_DAYS_AHEAD = 14;

/**
 * The day the follow-up meeting with the vendor is put on when nobody has planned it: `weeksAfterStart`
 * after the project's start or, when that day has already passed, two weeks from `today`.
 */
export function followUpDate(input: { startDate: string; today: string; weeksAfterStart?: number }): string {
  const usual = addDays(input.startDate, (input.weeksAfterStart ?? FOLLOW_UP_WEEKS_AFTER_START) * 7);
  return usual < input.today ? addDays(input.today, LATE_FOLLOW_UP_DAYS_AHEAD) : usual;
}

/**
 * The follow-on project's name offered from the template's next step, "Planera införande av Acme
 * Hub – inloggning för vårdnadshavare och elever.", as "Införande av Acme Hub – Åkerby kommun": what is
 * introduced, for whom. Without such a step, "Nästa steg – Åkerby kommun".
 */
export function followOnName(nextStepTitle: string | null, customerName: string): string {
  const introduced = (nextStepTitle ?? '')
    .split(/\s[–-]\s/)[0]
    .replace(/^planera\b\s*/i, '')
    .replace(/[.\s]+$/, '')
    .trim();
  const what = introduced === '' ? 'Nästa steg' : introduced[0].toLocaleUpperCase('sv') + introduced.slice(1);
  return `${what} – ${customerName}`;
}
