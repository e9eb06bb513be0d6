import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCustomerBody, Customer } from '../../shared/customers.js';
import type { CreateProjectBody, ProjectDetail } from '../../shared/projects.js';
import { api } from '../api/client.js';

export const useCustomers = () =>
  useQuery({ queryKey: ['customers'], queryFn: () => api<{ items: Customer[] }>('GET', '/api/customers') });

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomerBody) => api<Customer>('POST', '/api/customers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjectBody) => api<ProjectDetail>('POST', '/api/projects', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
