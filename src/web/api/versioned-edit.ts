import { type FetchQueryOptions, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from './client.js';

export const isVersionConflict = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'VERSION_CONFLICT';

/**
 * What the form says about its last save: a failed fetch of the latest comes before the save's own
 * error, and "Hämta senaste" is offered only for a conflict on something already saved.
 */
export function editProblem(
  saveError: unknown,
  loadError: unknown,
  editing: boolean,
): { error: unknown; canLoadLatest: boolean } {
  if (loadError) return { error: loadError, canLoadLatest: false };
  return { error: saveError, canLoadLatest: editing && isVersionConflict(saveError) };
}

/** Where the saved entity is read anew: the query its view shows, and how to find it in the answer. */
export interface LatestSource<Data, Entity, Key extends QueryKey> {
  query: FetchQueryOptions<Data, Error, Data, Key>;
  find: (data: Data) => Entity | undefined;
}

type Versioned = { version: number };

type VersionOf<Entity> = Entity extends Versioned
  ? { versionOf?: (entity: Entity) => number }
  : { versionOf: (entity: Entity) => number };

export type VersionedEditOptions<Entity, Values, Data, Key extends QueryKey> = {
  /** What the form edits, as it was opened; absent while adding. */
  entity: Entity | undefined;
  /** The form's values for a saved entity. */
  valuesOf: (entity: Entity) => Values;
  form: { reset: (values: Values) => void };
  save: { error: unknown; reset: () => void };
  latest: LatestSource<Data, Entity, Key>;
} & VersionOf<Entity>;

/**
 * An edit that builds on the version it was opened at. The version goes with every save, so a
 * change someone else saved meanwhile is refused (409) rather than overwritten unseen; the basis
 * stays until the user chooses "Hämta senaste", which fetches the entity anew, puts its values in
 * the form and builds on its version from then on. Show `problem` with `<FormProblem {...problem} />`.
 */
export function useVersionedEdit<Entity, Values, Data, Key extends QueryKey>(
  options: VersionedEditOptions<Entity, Values, Data, Key>,
) {
  const { entity, valuesOf, form, save, latest } = options;
  const versionOf = options.versionOf ?? ((saved: Entity) => (saved as Versioned).version);
  const queryClient = useQueryClient();
  const [basis, setBasis] = useState(() => (entity === undefined ? undefined : versionOf(entity)));
  const [loadError, setLoadError] = useState<unknown>(null);

  const loadLatest = async () => {
    setLoadError(null);
    let found: Entity | undefined;
    try {
      found = latest.find(await queryClient.fetchQuery({ ...latest.query, staleTime: 0 }));
    } catch (error) {
      setLoadError(error);
      return;
    }
    // Removed meanwhile: the view, fetched anew above, no longer shows it nor this form.
    if (found === undefined) return;
    form.reset(valuesOf(found));
    setBasis(versionOf(found));
    save.reset();
  };

  const { error, canLoadLatest } = editProblem(save.error, loadError, entity !== undefined);
  return {
    /** The version the save builds on; undefined while adding. */
    version: basis,
    /** For a form that stays open after saving: the next save builds on what was just saved. */
    saved: (savedEntity: Entity) => setBasis(versionOf(savedEntity)),
    problem: { error, onLoadLatest: canLoadLatest ? () => void loadLatest() : undefined },
  };
}
