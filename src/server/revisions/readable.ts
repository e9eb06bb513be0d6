import type { deliverables, goalKinds, goalUnits, meetingModes, riskLevels, riskStatuses } from '../../shared/plan.js';
import { stockholmDay } from '../core/days.js';

/**
 * Values as a reader of the plan sees them, in Swedish: what a comparison shows before and after
 * a change, so that "high" reads "Hög" and a date reads the same whoever looks at it.
 */

export const goalKindLabels: Record<(typeof goalKinds)[number], string> = {
  effect: 'Effektmål',
  project: 'Projektmål',
};

export const goalUnitLabels: Record<(typeof goalUnits)[number], string> = {
  percent: 'procent',
  count: 'antal',
};

export const deliverableLabels: Record<(typeof deliverables)[number], string> = {
  organisation: 'Organisation',
  function: 'Funktion',
  integration: 'Integration',
  other: 'Annat',
};

export const riskLevelLabels: Record<(typeof riskLevels)[number], string> = {
  low: 'Låg',
  medium: 'Medel',
  high: 'Hög',
};

export const riskStatusLabels: Record<(typeof riskStatuses)[number], string> = {
  open: 'Öppen',
  mitigating: 'Åtgärdas',
  occurred: 'Har inträffat',
  closed: 'Stängd',
};

export const meetingModeLabels: Record<(typeof meetingModes)[number], string> = {
  on_site: 'På plats',
  web: 'Via webben',
};

const swedishNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** "1 234,5"; empty for no value. */
export const readableNumber = (value: number | null): string => (value === null ? '' : swedishNumber.format(value));

export const readableKronor = (value: number | null): string => (value === null ? '' : `${readableNumber(value)} kr`);

export const readableYesNo = (value: boolean): string => (value ? 'Ja' : 'Nej');

/** The label of an enum value, or empty for no value. */
export const readableOption = <Key extends string>(labels: Record<Key, string>, value: Key | null): string =>
  value === null ? '' : labels[value];

export const readableDay = (isoTimestamp: string): string => stockholmDay(new Date(isoTimestamp));
