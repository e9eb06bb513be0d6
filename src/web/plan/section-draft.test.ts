import { describe, expect, it } from 'vitest';
import type { PlanSection } from '../../shared/plan.js';
import { emptyRichText, richTextFromPlainText } from '../../shared/rich-text.js';
import { changesFrom, draftOf, hasChanges, MEETING_KEY, mergeDrafts, type SectionDraft } from './section-draft.js';

const text = richTextFromPlainText;

const draft = (texts: Record<string, string>, meeting: SectionDraft['meeting'] = null): SectionDraft => ({
  texts: Object.fromEntries(Object.entries(texts).map(([key, value]) => [key, text(value)])),
  meeting,
});

describe('draftOf', () => {
  it('takes the text fields and the meeting, not the structured fields', () => {
    const section: PlanSection = {
      key: 'projektmote',
      title: 'Projektmöte',
      instruction: '',
      fields: [
        { key: 'utbildningsform', label: 'Utbildningsform', hint: '', kind: 'structured', content: null },
        { key: 'innehall', label: 'Innehåll', hint: 'Exempel', kind: 'text', content: text('Vi går igenom planen') },
      ],
      meeting: { date: '2027-01-12', mode: 'web' },
      version: 3,
      updatedAt: '2026-11-28T10:00:00.000Z',
      updatedBy: 'Åsa Öberg',
    };
    expect(draftOf(section)).toEqual({
      texts: { innehall: text('Vi går igenom planen') },
      meeting: { date: '2027-01-12', mode: 'web' },
    });
  });
});

describe('changesFrom', () => {
  it('sends only the fields and meeting that changed', () => {
    const saved = draft({ syfte: 'Syftet', behov: 'Behovet' }, { date: null, mode: null });
    const edited = draft({ syfte: 'Syftet', behov: 'Ett nytt behov' }, { date: '2027-02-01', mode: 'on_site' });
    expect(changesFrom(saved, edited)).toEqual({
      texts: { behov: text('Ett nytt behov') },
      meeting: { date: '2027-02-01', mode: 'on_site' },
    });
    expect(changesFrom(saved, saved)).toEqual({});
  });

  it('treats an emptied editor as equal to an empty field, whatever its shape', () => {
    const saved: SectionDraft = { texts: { syfte: emptyRichText() }, meeting: null };
    const typedAndDeleted: SectionDraft = {
      texts: { syfte: { type: 'doc', content: [{ type: 'paragraph' }] } },
      meeting: null,
    };
    expect(hasChanges(saved, typedAndDeleted)).toBe(false);
  });

  it('compares documents by content, not by the order of their keys', () => {
    const saved: SectionDraft = {
      texts: { syfte: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Å' }] }] } },
      meeting: null,
    };
    const reordered: SectionDraft = {
      texts: { syfte: { content: [{ content: [{ text: 'Å', type: 'text' }], type: 'paragraph' }], type: 'doc' } },
      meeting: null,
    };
    expect(hasChanges(saved, reordered)).toBe(false);
  });
});

describe('mergeDrafts', () => {
  const base = draft({ syfte: 'Syftet', tidigare: 'Tidigare', behov: 'Behovet' }, { date: null, mode: null });

  it('takes the saved value of parts only the other person changed, and keeps the user’s own changes', () => {
    const mine = draft({ syfte: 'Mitt syfte', tidigare: 'Tidigare', behov: 'Behovet' }, { date: null, mode: null });
    const theirs = draft(
      { syfte: 'Syftet', tidigare: 'Deras tidigare', behov: 'Behovet' },
      { date: '2027-03-01', mode: 'web' },
    );
    const { merged, conflicts } = mergeDrafts(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual(
      draft({ syfte: 'Mitt syfte', tidigare: 'Deras tidigare', behov: 'Behovet' }, { date: '2027-03-01', mode: 'web' }),
    );
  });

  it('names the parts both changed differently and keeps the user’s text in them', () => {
    const mine = draft(
      { syfte: 'Mitt syfte', tidigare: 'Samma ändring', behov: 'Behovet' },
      { date: '2027-01-10', mode: null },
    );
    const theirs = draft(
      { syfte: 'Deras syfte', tidigare: 'Samma ändring', behov: 'Behovet' },
      { date: '2027-01-12', mode: null },
    );
    const { merged, conflicts } = mergeDrafts(base, mine, theirs);
    expect(conflicts).toEqual(['syfte', MEETING_KEY]);
    expect(merged).toEqual(mine);
  });
});
