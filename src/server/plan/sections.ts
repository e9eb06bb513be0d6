import type { ProjectMeeting } from '../../shared/plan.js';

/**
 * Template fields that the plan fills in with structured data instead of free text: the goals,
 * the evaluation items, the risks and success factors, and the meeting's form. Their template hints
 * still guide the writer; everything else is formatted text.
 */
const structuredFields: Record<string, readonly string[]> = {
  mal: ['effektmal', 'projektmal', 'informeras'],
  utvardering: ['varfor', 'vad', 'hur-mata', 'nar-samla-data'],
  'risk-och-framgangsfaktorer': ['hinder', 'framgangsfaktorer'],
  projektmote: ['utbildningsform'],
};

export const isStructuredField = (sectionKey: string, fieldKey: string): boolean =>
  structuredFields[sectionKey]?.includes(fieldKey) ?? false;

/** Sections holding the person informed when goals cannot be met, and the project meeting. */
export const GOALS_SECTION = 'mal';
export const MEETING_SECTION = 'projektmote';

/** What a section stores besides its texts. */
export interface PlanSectionDetails {
  informedPersonId?: string | null;
  meeting?: ProjectMeeting;
}
