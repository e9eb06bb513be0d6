import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCustomerBody, Customer, CustomerTerms } from '../../shared/customers.js';
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

const termsKey = (customerId: string) => ['customers', customerId, 'terms'];

/** The customer's own school terms (null: the default terms). */
export const useCustomerTerms = (customerId: string) =>
  useQuery({
    queryKey: termsKey(customerId),
    queryFn: () => api<CustomerTerms>('GET', `/api/customers/${customerId}/terms`),
    enabled: customerId !== '',
  });

export function useSetCustomerTerms(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerTerms) => api<CustomerTerms>('PUT', `/api/customers/${customerId}/terms`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(termsKey(customerId), saved);
      // The goal tracking carries the customer's terms for its term picker.
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
