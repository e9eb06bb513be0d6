import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Plan, PlanSection, UpdatePlanSectionBody } from '../../shared/plan.js';
import { api } from '../api/client.js';

export const planKey = (projectId: string) => ['projects', projectId, 'plan'];

const fetchPlan = (projectId: string) => api<Plan>('GET', `/api/projects/${projectId}/plan`);

export const usePlan = (projectId: string) =>
  useQuery({ queryKey: planKey(projectId), queryFn: () => fetchPlan(projectId) });

/** The plan fetched anew, e.g. after a version conflict, to compare with what the user wrote. */
export function useReloadPlan(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    queryClient.fetchQuery({ queryKey: planKey(projectId), queryFn: () => fetchPlan(projectId), staleTime: 0 });
}

function updateCachedPlan(queryClient: QueryClient, projectId: string, change: (plan: Plan) => Plan) {
  queryClient.setQueryData<Plan>(planKey(projectId), (plan) => (plan ? change(plan) : plan));
}

/** A saved plan change also shows in the project's history and in what a new revision would hold. */
function useProjectChanged(projectId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
}

export function useSaveSection(projectId: string) {
  const queryClient = useQueryClient();
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ sectionKey, ...body }: UpdatePlanSectionBody & { sectionKey: string }) =>
      api<PlanSection>('PUT', `/api/projects/${projectId}/plan/sections/${sectionKey}`, body),
    // The read view shows the saved text at once instead of the old one until the refetch lands.
    onSuccess: (saved) =>
      updateCachedPlan(queryClient, projectId, (plan) => ({
        ...plan,
        sections: plan.sections.map((section) => (section.key === saved.key ? saved : section)),
      })),
    onSettled: changed,
  });
}

/** The plan's lists that are edited one item at a time, and where the API keeps them. */
const collections = {
  goals: 'goals',
  evaluation: 'evaluation-items',
  risks: 'risks',
  successFactors: 'success-factors',
} as const;
export type Collection = keyof typeof collections;
export type RemovableCollection = Exclude<Collection, 'successFactors'>;

export type ItemOf<Name extends Collection> = Plan[Name][number];

export interface SaveItemVariables<Body> {
  /** Absent when adding. */
  itemId?: string;
  version?: number;
  body: Body;
}

export function useSaveItem<Name extends Collection, Body>(projectId: string, collection: Name) {
  const queryClient = useQueryClient();
  const changed = useProjectChanged(projectId);
  const base = `/api/projects/${projectId}/${collections[collection]}`;
  return useMutation({
    mutationFn: ({ itemId, version, body }: SaveItemVariables<Body>) =>
      itemId
        ? api<ItemOf<Name>>('PUT', `${base}/${itemId}`, { ...body, version })
        : api<ItemOf<Name>>('POST', base, body),
    onSuccess: (saved) =>
      updateCachedPlan(queryClient, projectId, (plan) => {
        const items = plan[collection] as ItemOf<Name>[];
        const exists = items.some((item) => item.id === saved.id);
        return {
          ...plan,
          [collection]: exists ? items.map((item) => (item.id === saved.id ? saved : item)) : [...items, saved],
        };
      }),
    onSettled: changed,
  });
}

export function useRemoveItem(projectId: string, collection: RemovableCollection) {
  const queryClient = useQueryClient();
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: ({ itemId, version }: { itemId: string; version: number }) =>
      api<void>('DELETE', `/api/projects/${projectId}/${collections[collection]}/${itemId}?version=${version}`),
    onSuccess: (_nothing, { itemId }) =>
      updateCachedPlan(queryClient, projectId, (plan) => ({
        ...plan,
        [collection]: (plan[collection] as { id: string }[]).filter((item) => item.id !== itemId),
      })),
    onSettled: changed,
  });
}
