import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptBody,
  ForgotBody,
  InvitationResult,
  LoginSwitchResult,
  TokenInfo,
} from '../../shared/invitations.js';
import { isSecondFactorStep, type LoginResult } from '../../shared/two-factor.js';
import { ApiError, api, setCsrfToken } from '../api/client.js';
import { SESSION_KEY } from '../auth/session.js';

/**
 * Invites a person by e-mail. The result tells how the mail left: `outbox` means that SMTP is not
 * set up and nothing was sent (the mail was saved on the server), which the page should say.
 */
export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) =>
      api<InvitationResult>('POST', `/api/people/${encodeURIComponent(personId)}/invitation`),
    // The person now has a pending login: lists that show it are out of date.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' }),
  });
}

/** Switches a person's login off or on; every list that shows the person is out of date afterwards. */
export function useSwitchLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, disabled }: { personId: string; disabled: boolean }) =>
      api<LoginSwitchResult>('PUT', `/api/people/${encodeURIComponent(personId)}/login`, { disabled }),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' }),
  });
}

/** Whose account a mailed link is for; refused links fail with their API code (TOKEN_EXPIRED, …). */
export const useTokenInfo = (token: string) =>
  useQuery({
    queryKey: ['token', token],
    queryFn: () => api<TokenInfo>('GET', `/api/auth/token/${encodeURIComponent(token)}`),
    enabled: token.length > 0,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Chooses the password through a mailed link and signs in. */
export function useAcceptToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptBody) => api<LoginResult>('POST', '/api/auth/accept', body),
    onSuccess: (session) => {
      // A second factor is still asked for: the login page takes over.
      if (isSecondFactorStep(session)) return;
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export const useForgotPassword = () =>
  useMutation({ mutationFn: (body: ForgotBody) => api<void>('POST', '/api/auth/forgot', body) });
