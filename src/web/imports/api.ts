import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportCommitBody, ImportKind, ImportPreview, ImportResult } from '../../shared/imports.js';
import { api } from '../api/client.js';

/**
 * Uploads the file and gets back what would be imported; nothing is stored. With a project, a
 * person file's roles are read for that project.
 */
export function useImportPreview(customerId: string, kind: ImportKind) {
  return useMutation({
    mutationFn: ({ file, projectId }: { file: File; projectId?: string }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const project = projectId ? `&projectId=${projectId}` : '';
      return api<ImportPreview>('POST', `/api/customers/${customerId}/imports/preview?kind=${kind}${project}`, form);
    },
  });
}

/** Imports the confirmed rows (all or none, or the valid ones); then the customer's lists and projects are fetched again. */
export function useImportCommit(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportCommitBody) =>
      api<ImportResult>('POST', `/api/customers/${customerId}/imports/commit`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['customers', customerId] });
      // Also the projects' organisation pages, where roles given by the import show.
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
