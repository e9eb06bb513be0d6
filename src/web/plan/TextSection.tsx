import { Button, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanField, PlanSection } from '../../shared/plan.js';
import type { RichText } from '../../shared/rich-text.js';
import { ApiError } from '../api/client.js';
import { isVersionConflict } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { useReloadPlan, useSaveSection } from './api.js';
import { ConflictPanel, type SectionConflict } from './ConflictPanel.js';
import { useFocusWhenClosed } from './ItemControls.js';
import { MeetingFields, MeetingSummary, useMeetingText } from './MeetingFields.js';
import { RichTextEditor } from './RichTextEditor.js';
import { FieldText, SectionFrame } from './SectionFrame.js';
import {
  changesFrom,
  draftOf,
  hasChanges,
  MEETING_KEY,
  mergeDrafts,
  type SectionDraft,
  samePart,
} from './section-draft.js';
import { useUnsavedChanges } from './UnsavedChanges.js';

/** A section written as formatted text (and, for the project meeting, its date and form). */
export function TextSection({
  projectId,
  section,
  number,
  canEdit,
}: {
  projectId: string;
  section: PlanSection;
  number: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useFocusWhenClosed(editing);

  const editAction = canEdit && !editing && (
    <Button
      ref={editButton}
      variant="light"
      onClick={() => setEditing(true)}
      aria-label={t('plan.editSection', { title: section.title })}
    >
      {t('plan.edit')}
    </Button>
  );

  return (
    <SectionFrame section={section} number={number} actions={editAction}>
      {editing ? (
        <TextSectionForm projectId={projectId} section={section} onDone={() => setEditing(false)} />
      ) : (
        section.fields.map((field) => <FieldRead key={field.key} section={section} field={field} />)
      )}
    </SectionFrame>
  );
}

function FieldRead({ section, field }: { section: PlanSection; field: PlanField }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {field.label}
      </Title>
      {field.kind === 'text' ? (
        <FieldText content={field.content} hint={field.hint} />
      ) : (
        section.meeting && (
          <>
            <MeetingSummary meeting={section.meeting} />
            {field.hint && (
              <Text size="sm" c="gray.7" maw={760}>
                {field.hint}
              </Text>
            )}
          </>
        )
      )}
    </Stack>
  );
}

/** Field key → message, from the API's `texts.<field>…` and `meeting.…` paths. */
function fieldProblems(error: ApiError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const [head, fieldKey] = path.split('.');
    const part = head === 'texts' ? fieldKey : head === MEETING_KEY ? MEETING_KEY : null;
    if (part) problems[part] ??= message;
  }
  return problems;
}

function TextSectionForm({
  projectId,
  section,
  onDone,
}: {
  projectId: string;
  section: PlanSection;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSection(projectId);
  const reload = useReloadPlan(projectId);
  const meetingText = useMeetingText();
  // The saved section the draft builds on: its version goes with the save.
  const [base, setBase] = useState(section);
  const [draft, setDraft] = useState<SectionDraft>(() => draftOf(section));
  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  // Raised to load a text into an editor from outside (the saved text, after a conflict).
  const [editorGenerations, setEditorGenerations] = useState<Record<string, number>>({});
  const [conflict, setConflict] = useState<SectionConflict | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useUnsavedChanges(hasChanges(draftOf(base), draft));

  const reloadEditors = (fieldKeys: string[]) =>
    setEditorGenerations((current) => {
      const next = { ...current };
      for (const key of fieldKeys) next[key] = (next[key] ?? 0) + 1;
      return next;
    });

  const setText = (fieldKey: string, value: RichText, problem: string | null) => {
    setDraft((current) => ({ ...current, texts: { ...current.texts, [fieldKey]: value } }));
    setProblems((current) => ({ ...current, [fieldKey]: problem }));
  };

  const showConflict = async () => {
    let fresh: PlanSection | undefined;
    try {
      fresh = (await reload()).sections.find((candidate) => candidate.key === section.key);
    } catch (error) {
      setFailure(error);
      return;
    }
    if (!fresh) return;
    const mine = latestDraft.current;
    const theirs = draftOf(fresh);
    const { merged, conflicts } = mergeDrafts(draftOf(base), mine, theirs);
    reloadEditors(Object.keys(merged.texts).filter((key) => merged.texts[key] !== mine.texts[key]));
    setDraft(merged);
    setBase(fresh);
    setConflict({ theirs, savedBy: fresh.updatedBy, savedAt: fresh.updatedAt, parts: conflicts, chosen: {} });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.values(problems).some(Boolean)) return;
    const changes = changesFrom(draftOf(base), draft);
    if (!changes.texts && !changes.meeting) {
      onDone();
      return;
    }
    setFailure(null);
    save.mutate(
      { sectionKey: section.key, version: base.version, ...changes },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isVersionConflict(error)) void showConflict();
          else if (error instanceof ApiError && Object.keys(fieldProblems(error)).length > 0)
            setProblems((current) => ({ ...current, ...fieldProblems(error) }));
          else setFailure(error);
        },
      },
    );
  };

  const choose = (part: string, side: 'mine' | 'theirs') => {
    if (!conflict) return;
    if (side === 'theirs') {
      setDraft((current) =>
        part === MEETING_KEY
          ? { ...current, meeting: conflict.theirs.meeting }
          : { ...current, texts: { ...current.texts, [part]: conflict.theirs.texts[part] } },
      );
      setProblems((current) => ({ ...current, [part]: null }));
      if (part !== MEETING_KEY) reloadEditors([part]);
    }
    setConflict({ ...conflict, chosen: { ...conflict.chosen, [part]: side } });
  };

  const firstTextField = section.fields.find((field) => field.kind === 'text')?.key;
  const labels: Record<string, string> = {
    ...Object.fromEntries(section.fields.map((field) => [field.key, field.label])),
    [MEETING_KEY]: t('plan.meeting.conflictLabel'),
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {conflict && (
          <ConflictPanel
            conflict={conflict}
            // A part the user has since made equal to the saved one needs no choice.
            openParts={conflict.parts.filter(
              (part) => conflict.chosen[part] || !samePart(draft, conflict.theirs, part),
            )}
            draft={draft}
            labels={labels}
            meetingText={meetingText}
            onKeepMine={(part) => choose(part, 'mine')}
            onUseSaved={(part) => choose(part, 'theirs')}
          />
        )}
        {section.fields.map((field) =>
          field.kind === 'text' ? (
            <RichTextEditor
              key={`${field.key}-${editorGenerations[field.key] ?? 0}`}
              autoFocus={field.key === firstTextField && !conflict}
              label={field.label}
              hint={field.hint}
              value={draft.texts[field.key]}
              error={problems[field.key]}
              onChange={(value, problem) => setText(field.key, value, problem)}
            />
          ) : (
            draft.meeting && (
              <MeetingFields
                key={field.key}
                label={field.label}
                hint={field.hint}
                meeting={draft.meeting}
                error={problems[MEETING_KEY]}
                onChange={(meeting) => {
                  setDraft((current) => ({ ...current, meeting }));
                  setProblems((current) => ({ ...current, [MEETING_KEY]: null }));
                }}
              />
            )
          ),
        )}
        <FormActions error={failure} submitLabel={t('plan.save')} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
