import type { PlanSection, ProjectMeeting, UpdatePlanSectionBody } from '../../shared/plan.js';
import { emptyRichText, isRichTextEmpty, type RichText } from '../../shared/rich-text.js';

/** What a section's edit form holds: the text of each text field, and the meeting where there is one. */
export interface SectionDraft {
  texts: Record<string, RichText>;
  meeting: ProjectMeeting | null;
}

/** The key a conflict on the meeting's date and form goes by, beside the text fields' keys. */
export const MEETING_KEY = 'meeting';

export function draftOf(section: PlanSection): SectionDraft {
  return {
    texts: Object.fromEntries(
      section.fields
        .filter((field) => field.kind === 'text')
        .map((field) => [field.key, field.content ?? emptyRichText()]),
    ),
    meeting: section.meeting ?? null,
  };
}

/** JSON with keys in one order, so that equal documents compare equal however they were built. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameText = (a: RichText, b: RichText): boolean =>
  isRichTextEmpty(a) && isRichTextEmpty(b) ? true : canonicalJson(a.content) === canonicalJson(b.content);

const sameMeeting = (a: ProjectMeeting | null, b: ProjectMeeting | null): boolean =>
  (a?.date ?? null) === (b?.date ?? null) && (a?.mode ?? null) === (b?.mode ?? null);

/** Whether the draft's value under `key` (a field key or MEETING_KEY) equals the other's. */
export const samePart = (a: SectionDraft, b: SectionDraft, key: string): boolean =>
  key === MEETING_KEY
    ? sameMeeting(a.meeting, b.meeting)
    : sameText(a.texts[key] ?? emptyRichText(), b.texts[key] ?? emptyRichText());

const partKeys = (draft: SectionDraft): string[] => [
  ...Object.keys(draft.texts),
  ...(draft.meeting ? [MEETING_KEY] : []),
];

/** The parts of `draft` that differ from `saved`, as the section PUT takes them (without the version). */
export function changesFrom(saved: SectionDraft, draft: SectionDraft): Omit<UpdatePlanSectionBody, 'version'> {
  const changed = partKeys(draft).filter((key) => !samePart(saved, draft, key));
  const texts = Object.fromEntries(
    changed.filter((key) => key !== MEETING_KEY).map((key) => [key, draft.texts[key] ?? emptyRichText()]),
  );
  return {
    ...(Object.keys(texts).length > 0 ? { texts } : {}),
    ...(changed.includes(MEETING_KEY) && draft.meeting ? { meeting: draft.meeting } : {}),
  };
}

export const hasChanges = (saved: SectionDraft, draft: SectionDraft): boolean =>
  partKeys(draft).some((key) => !samePart(saved, draft, key));

/**
 * After someone else saved the section: `base` is what the user started from, `mine` what they
 * have written, `theirs` what is saved now. A part only one side changed takes that side's value;
 * a part both changed differently is a conflict, and keeps the user's text until they choose.
 */
export function mergeDrafts(
  base: SectionDraft,
  mine: SectionDraft,
  theirs: SectionDraft,
): { merged: SectionDraft; conflicts: string[] } {
  const merged: SectionDraft = { texts: { ...mine.texts }, meeting: mine.meeting };
  const conflicts: string[] = [];
  for (const key of partKeys(theirs)) {
    const iChanged = !samePart(base, mine, key);
    const theyChanged = !samePart(base, theirs, key);
    if (!theyChanged) continue;
    if (!iChanged) {
      if (key === MEETING_KEY) merged.meeting = theirs.meeting;
      else merged.texts[key] = theirs.texts[key];
    } else if (!samePart(mine, theirs, key)) {
      conflicts.push(key);
    }
  }
  return { merged, conflicts };
}
