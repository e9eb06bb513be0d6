import { useQuery } from '@tanstack/react-query';
import type { ProjectDetail, ProjectSummary } from '../../shared/projects.js';
import { api } from '../api/client.js';

export const useProjects = (customerId?: string) =>
  useQuery({
    queryKey: ['projects', { customerId }],
    queryFn: () =>
      api<{ items: ProjectSummary[] }>('GET', customerId ? `/api/projects?customerId=${customerId}` : '/api/projects'),
  });

export const useProject = (projectId: string) =>
  useQuery({
    queryKey: ['projects', projectId],
    queryFn: () => api<ProjectDetail>('GET', `/api/projects/${projectId}`),
  });
