import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { isVersionConflict } from '../api/versioned-edit.js';
import { type Collection, type ItemOf, useReloadPlan, useSaveItem } from './api.js';

/** Someone else's change that met the user's save: the item as it is saved now, or null when removed. */
export interface ItemConflict<Item> {
  latest: Item | null;
}

const isGone = (error: unknown) => error instanceof ApiError && error.code === 'NOT_FOUND';

/**
 * Saves a goal, evaluation item, risk or success factor with the version its form was opened at.
 * When someone else saved it meanwhile, the item is fetched again while the form keeps the user's
 * values; the next save builds on what was fetched, so the user decides with the saved item in
 * view. An item removed meanwhile is added anew by the next save.
 */
export function useVersionedSave<Name extends Collection, Body>(
  projectId: string,
  collection: Name,
  item: ItemOf<Name> | undefined,
) {
  const save = useSaveItem<Name, Body>(projectId, collection);
  const reload = useReloadPlan(projectId);
  const [basis, setBasis] = useState<{ itemId?: string; version?: number }>({
    itemId: item?.id,
    version: item?.version,
  });
  const [conflict, setConflict] = useState<ItemConflict<ItemOf<Name>> | null>(null);
  const [reloadError, setReloadError] = useState<unknown>(null);

  const submit = (
    body: Body,
    handlers: { onSaved: (saved: ItemOf<Name>) => void; onError: (error: unknown) => void },
  ) => {
    setConflict(null);
    setReloadError(null);
    save.mutate(
      { ...basis, body },
      {
        onSuccess: (saved) => {
          setBasis({ itemId: saved.id, version: saved.version });
          handlers.onSaved(saved);
        },
        onError: (error) => {
          if (!isVersionConflict(error) && !(basis.itemId && isGone(error))) {
            handlers.onError(error);
            return;
          }
          reload().then((plan) => {
            const items = plan[collection] as ItemOf<Name>[];
            const latest = items.find((candidate) => candidate.id === basis.itemId) ?? null;
            setBasis(latest ? { itemId: latest.id, version: latest.version } : {});
            setConflict({ latest });
          }, setReloadError);
        },
      },
    );
  };

  const handled = conflict !== null || isVersionConflict(save.error) || (isGone(save.error) && Boolean(basis.itemId));
  return {
    submit,
    isPending: save.isPending,
    conflict,
    /** A failure that is neither a conflict nor about particular fields. */
    error: reloadError ?? (handled ? null : save.error),
  };
}
