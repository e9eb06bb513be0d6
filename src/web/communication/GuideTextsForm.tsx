import { Alert, Box, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichText } from '../../shared/rich-text.js';
import { ApiError } from '../api/client.js';
import { isVersionConflict } from '../api/versioned-edit.js';
import { FormActions } from '../layout/FormActions.js';
import { RichTextEditor } from '../plan/RichTextEditor.js';
import { RichTextView } from '../plan/RichTextView.js';
import { useUnsavedChanges } from '../plan/UnsavedChanges.js';

export interface GuideField<Key extends string> {
  key: Key;
  label: string;
}

/** What is saved: the version and the texts a save builds on. */
export interface GuideTexts<Key extends string> {
  version: number;
  texts: Record<Key, RichText>;
}

const sameText = (a: RichText, b: RichText) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Formatted texts of the process guide saved together on the version they were read at. When
 * someone else saved meanwhile, the saved texts are fetched and shown while the user's stay in
 * the editors; the next save builds on what was fetched.
 */
export function GuideTextsForm<Key extends string>({
  fields,
  saved,
  save,
  reload,
  onDone,
}: {
  fields: GuideField<Key>[];
  saved: GuideTexts<Key>;
  save: (version: number, texts: Record<Key, RichText>) => Promise<unknown>;
  reload: () => Promise<GuideTexts<Key> | undefined>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [basis, setBasis] = useState(saved);
  const [texts, setTexts] = useState(saved.texts);
  const [problems, setProblems] = useState<Partial<Record<Key, string | null>>>({});
  const [conflict, setConflict] = useState<GuideTexts<Key> | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useUnsavedChanges(fields.some((field) => !sameText(basis.texts[field.key], texts[field.key])));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.values(problems).some(Boolean)) return;
    setFailure(null);
    setPending(true);
    try {
      await save(basis.version, texts);
      onDone();
    } catch (error) {
      if (isVersionConflict(error)) {
        const latest = await reload().catch((reloadError: unknown) => {
          setFailure(reloadError);
          return undefined;
        });
        if (latest) {
          setBasis(latest);
          setConflict(latest);
        }
      } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const byField: Partial<Record<Key, string>> = {};
        for (const field of fields) {
          const message = Object.entries(error.fields).find(([path]) => path.split('.')[0] === field.key)?.[1];
          if (message) byField[field.key] = message;
        }
        setProblems((current) => ({ ...current, ...byField }));
        if (Object.keys(byField).length === 0) setFailure(error);
      } else {
        setFailure(error);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <Alert color="orange" role="alert" title={t('communication.guide.conflictTitle')}>
            <Text size="sm">{t('communication.guide.conflictKept')}</Text>
            {fields.map((field) => (
              <Box key={field.key} mt="xs">
                <Text size="sm" fw={600}>
                  {field.label}
                </Text>
                <RichTextView doc={conflict.texts[field.key]} />
              </Box>
            ))}
          </Alert>
        )}
        {fields.map((field, index) => (
          <RichTextEditor
            key={field.key}
            autoFocus={index === 0}
            label={field.label}
            value={texts[field.key]}
            error={problems[field.key]}
            onChange={(value, problem) => {
              setTexts((current) => ({ ...current, [field.key]: value }));
              setProblems((current) => ({ ...current, [field.key]: problem }));
            }}
          />
        ))}
        <FormActions error={failure} submitLabel={t('communication.guide.save')} pending={pending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
