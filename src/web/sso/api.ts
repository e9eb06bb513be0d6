import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateIdentityProviderBody,
  IdentityProvider,
  IdentityProviderCheck,
  IdentityProviderList,
  SsoDiscoverBody,
  SsoDiscoverResult,
  UpdateIdentityProviderBody,
} from '../../shared/sso.js';
import { api } from '../api/client.js';

const providersKey = ['sso', 'providers'];

export const identityProvidersQuery = queryOptions({
  queryKey: providersKey,
  queryFn: () => api<IdentityProviderList>('GET', '/api/sso/providers'),
});

export const useIdentityProviders = (enabled: boolean) => useQuery({ ...identityProvidersQuery, enabled });

export type SaveIdentityProvider =
  | ({ providerId?: undefined } & CreateIdentityProviderBody)
  | ({ providerId: string } & UpdateIdentityProviderBody);

/** Adds a provider, or changes the one named by `providerId` (sending the version it was read at). */
export function useSaveIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ providerId, ...body }: SaveIdentityProvider) =>
      providerId
        ? api<IdentityProvider>('PATCH', `/api/sso/providers/${providerId}`, body)
        : api<IdentityProvider>('POST', '/api/sso/providers', body),
    // Settled, not only on success: after a version conflict the list holds what is saved now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: providersKey }),
  });
}

export function useRemoveIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (providerId: string) => api<void>('DELETE', `/api/sso/providers/${providerId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: providersKey }),
  });
}

/** Reads the provider's discovery document now; nothing is saved, so nothing is invalidated. */
export const useCheckIdentityProvider = () =>
  useMutation({
    mutationFn: (providerId: string) => api<IdentityProviderCheck>('POST', `/api/sso/providers/${providerId}/check`),
  });

export const useDiscoverSso = () =>
  useMutation({
    mutationFn: (body: SsoDiscoverBody) => api<SsoDiscoverResult>('POST', '/api/auth/sso/discover', body),
  });
