import { Button, Group, Modal, Text } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

type Report = (formId: string, dirty: boolean) => void;

const UnsavedChangesContext = createContext<Report>(() => {});

/**
 * Keeps the user from losing what they have written: while any editor or form inside has unsaved
 * changes, leaving the page asks first (another page in the app: a dialog; reload or close: the
 * browser's own question).
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [dirtyForms, setDirtyForms] = useState<ReadonlySet<string>>(new Set());
  const dirty = dirtyForms.size > 0;

  const report = useCallback<Report>((formId, isDirty) => {
    setDirtyForms((current) => {
      if (current.has(formId) === isDirty) return current;
      const next = new Set(current);
      if (isDirty) next.add(formId);
      else next.delete(formId);
      return next;
    });
  }, []);

  // Jumping to a section of this page (a hash link) is no leaving.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return (
    <UnsavedChangesContext value={report}>
      {children}
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('plan.unsaved.title')}
        withCloseButton={false}
        centered
      >
        <Text>{t('plan.unsaved.question')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('plan.unsaved.stay')}
          </Button>
          <Button color="red.9" onClick={() => blocker.proceed?.()}>
            {t('plan.unsaved.leave')}
          </Button>
        </Group>
      </Modal>
    </UnsavedChangesContext>
  );
}

/** Tells the page's guard whether this form holds unsaved changes; forgotten when the form goes. */
export function useUnsavedChanges(dirty: boolean): void {
  const report = useContext(UnsavedChangesContext);
  const formId = useId();
  useEffect(() => {
    report(formId, dirty);
    return () => report(formId, false);
  }, [report, formId, dirty]);
}
