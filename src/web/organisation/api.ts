import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEvent } from '../../shared/audit.js';
import type { Customer } from '../../shared/customers.js';
import type {
  AssignRoleBody,
  Organisation,
  Person,
  PersonInput,
  School,
  SchoolInput,
} from '../../shared/organisation.js';
import { api } from '../api/client.js';

/** Everything about one customer (its schools and people) sits under this key. */
export const customerKey = (customerId: string) => ['customers', customerId];
const schoolsKey = (customerId: string) => [...customerKey(customerId), 'schools'];
const peopleKey = (customerId: string) => [...customerKey(customerId), 'people'];
const organisationKey = (projectId: string) => ['projects', projectId, 'organisation'];
const historyKey = (projectId: string) => ['projects', projectId, 'history'];

export const schoolsQuery = (customerId: string) =>
  queryOptions({
    queryKey: schoolsKey(customerId),
    queryFn: () => api<{ items: School[] }>('GET', `/api/customers/${customerId}/schools`),
  });

export const useSchools = (customerId: string | undefined) =>
  useQuery({ ...schoolsQuery(customerId ?? ''), enabled: Boolean(customerId) });

export const peopleQuery = (customerId: string) =>
  queryOptions({
    queryKey: peopleKey(customerId),
    queryFn: () => api<{ items: Person[] }>('GET', `/api/customers/${customerId}/people`),
  });

export const usePeople = (customerId: string | undefined) =>
  useQuery({ ...peopleQuery(customerId ?? ''), enabled: Boolean(customerId) });

/** The vendor's own people (project support, integration leads, …), who take the vendor's roles. */
const vendorPeopleKey = ['vendor', 'people'];

export const vendorPeopleQuery = queryOptions({
  queryKey: vendorPeopleKey,
  queryFn: () => api<{ items: Person[] }>('GET', '/api/vendor/people'),
});

export const useVendorPeople = (enabled: boolean) => useQuery({ ...vendorPeopleQuery, enabled });

/** After a change to a customer's schools or people: its lists, and the projects that show them. */
function useCustomerChanged(customerId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
    void queryClient.invalidateQueries({ queryKey: ['projects'] });
  };
}

export function useSaveSchool(customerId: string) {
  const changed = useCustomerChanged(customerId);
  return useMutation({
    mutationFn: ({ schoolId, ...body }: SchoolInput & { schoolId?: string; version?: number }) =>
      schoolId
        ? api<School>('PATCH', `/api/customers/${customerId}/schools/${schoolId}`, body)
        : api<School>('POST', `/api/customers/${customerId}/schools`, body),
    onSettled: changed,
  });
}

/**
 * Adds or edits a customer's person; with `customerId` null, adds one of the vendor's own people
 * (who cannot be edited through the API yet).
 */
export function useSavePerson(customerId: string | null) {
  const queryClient = useQueryClient();
  const customerChanged = useCustomerChanged(customerId ?? '');
  return useMutation({
    mutationFn: ({ personId, ...body }: PersonInput & { personId?: string; version?: number }) => {
      if (customerId === null) {
        if (personId) throw new Error("The vendor's people cannot be edited");
        return api<Person>('POST', '/api/vendor/people', body);
      }
      return personId
        ? api<Person>('PATCH', `/api/customers/${customerId}/people/${personId}`, body)
        : api<Person>('POST', `/api/customers/${customerId}/people`, body);
    },
    // The organisation page's person pickers read these same lists.
    onSettled: () =>
      customerId === null ? void queryClient.invalidateQueries({ queryKey: vendorPeopleKey }) : customerChanged(),
  });
}

export const organisationQuery = (projectId: string) =>
  queryOptions({
    queryKey: organisationKey(projectId),
    queryFn: () => api<Organisation>('GET', `/api/projects/${projectId}/organisation`),
  });

export const useOrganisation = (projectId: string) => useQuery(organisationQuery(projectId));

/** Role changes alter the organisation, its readiness, the history and who may do what. */
function useProjectChanged(projectId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
}

export function useAssignRole(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: (body: AssignRoleBody) =>
      api<{ assignmentId: string }>('POST', `/api/projects/${projectId}/roles`, body),
    onSettled: changed,
  });
}

export function useUnassignRole(projectId: string) {
  const changed = useProjectChanged(projectId);
  return useMutation({
    mutationFn: (assignmentId: string) => api<void>('DELETE', `/api/projects/${projectId}/roles/${assignmentId}`),
    onSettled: changed,
  });
}

export const useHistory = (projectId: string) =>
  useQuery({
    queryKey: historyKey(projectId),
    queryFn: () => api<{ items: AuditEvent[] }>('GET', `/api/projects/${projectId}/history`),
  });

/** The customer list (the vendor's only): shares its cache with the customers page. */
export const useCustomerList = (enabled: boolean) =>
  useQuery({
    queryKey: ['customers'],
    queryFn: () => api<{ items: Customer[] }>('GET', '/api/customers'),
    enabled,
  });
