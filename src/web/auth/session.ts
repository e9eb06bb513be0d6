import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Session, SetupBody } from '../../shared/auth.js';
import { isSecondFactorStep, type LoginResult } from '../../shared/two-factor.js';
import { ApiError, api, setCsrfToken } from '../api/client.js';

export const SESSION_KEY = ['session'];

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('GET', '/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    // A sign-in that must add a second factor first is not signed in yet either.
    if (error instanceof ApiError && (error.status === 401 || error.code === 'TWO_FACTOR_ENROLMENT_REQUIRED')) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export const useSession = () => useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });

export const useSetupStatus = () =>
  useQuery({ queryKey: ['setup'], queryFn: () => api<{ needsSetup: boolean }>('GET', '/api/setup') });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api<LoginResult>('POST', '/api/auth/login', body),
    onSuccess: (session) => {
      // A second factor is asked for first: the login page shows that step.
      if (isSecondFactorStep(session)) return;
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api<Session>('POST', '/api/setup', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(['setup'], { needsSetup: false });
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
