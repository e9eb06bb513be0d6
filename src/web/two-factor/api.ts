import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../shared/auth.js';
import type {
  CustomerTwoFactorPolicy,
  EnrolmentResult,
  TotpSetup,
  TwoFactorStatus,
  VendorTwoFactorPolicy,
} from '../../shared/two-factor.js';
import { api, setCsrfToken } from '../api/client.js';
import { SESSION_KEY } from '../auth/session.js';

const STATUS_KEY = ['two-factor'];

/** The browser's WebAuthn calls, fetched only when a passkey is used: the login page starts without them. */
const webAuthn = () => import('@simplewebauthn/browser');

type Options = { options: Record<string, unknown> };

/**
 * The CSRF token of the pending sign-in (not a session's): sent on the second step's writes, and
 * forgotten once a session starts or the user goes back to the password.
 */
let pendingCsrfToken: string | undefined;
export const rememberPendingSignIn = (csrfToken: string | undefined) => {
  pendingCsrfToken = csrfToken;
};
const withPendingCsrf = () => {
  if (pendingCsrfToken) setCsrfToken(pendingCsrfToken);
};

/** A session started by the second factor: the app continues as after a password-only login. */
export function useStartedSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    pendingCsrfToken = undefined;
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(SESSION_KEY, session);
  };
}

export function useVerifyCode() {
  const started = useStartedSession();
  return useMutation({
    mutationFn: (body: { method: 'totp' | 'recovery'; code: string }) => {
      withPendingCsrf();
      return api<Session>('POST', '/api/auth/two-factor/verify', body);
    },
    onSuccess: started,
  });
}

export function usePasskeySignIn() {
  const started = useStartedSession();
  return useMutation({
    mutationFn: async () => {
      withPendingCsrf();
      const { options } = await api<Options>('POST', '/api/auth/two-factor/passkey/options');
      const { startAuthentication } = await webAuthn();
      const response = await startAuthentication({ optionsJSON: options as never });
      return api<Session>('POST', '/api/auth/two-factor/passkey', { response });
    },
    onSuccess: started,
  });
}

export const useTwoFactorStatus = (enabled = true) =>
  useQuery({ queryKey: STATUS_KEY, queryFn: () => api<TwoFactorStatus>('GET', '/api/two-factor'), enabled });

/** After a factor is added: the status again, and the session when the sign-in was waiting for it. */
function useAfterEnrolment() {
  const queryClient = useQueryClient();
  const started = useStartedSession();
  return (result: EnrolmentResult) => {
    if (result.session) started(result.session);
    void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
  };
}

export const useStartTotp = () =>
  useMutation({
    mutationFn: () => {
      withPendingCsrf();
      return api<TotpSetup>('POST', '/api/two-factor/totp');
    },
  });

export function useConfirmTotp() {
  const after = useAfterEnrolment();
  return useMutation({
    mutationFn: (code: string) => {
      withPendingCsrf();
      return api<EnrolmentResult>('POST', '/api/two-factor/totp/confirm', { code });
    },
    // The codes are shown first; the session (if any) is taken when the user has saved them.
    onSuccess: (result) => after({ ...result, session: null }),
  });
}

export function useRegisterPasskey() {
  const after = useAfterEnrolment();
  return useMutation({
    mutationFn: async (name: string) => {
      withPendingCsrf();
      const { options } = await api<Options>('POST', '/api/two-factor/passkeys/options');
      const { startRegistration } = await webAuthn();
      const response = await startRegistration({ optionsJSON: options as never });
      return api<EnrolmentResult>('POST', '/api/two-factor/passkeys', { name, response });
    },
    onSuccess: (result) => after({ ...result, session: null }),
  });
}

export function useRemoveTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api<void>('DELETE', '/api/two-factor/totp', { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api<void>('DELETE', `/api/two-factor/passkeys/${encodeURIComponent(id)}`, { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export function useRenewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      api<{ recoveryCodes: string[] }>('POST', '/api/two-factor/recovery-codes', { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export const useVendorPolicy = () =>
  useQuery({
    queryKey: ['two-factor-policy'],
    queryFn: () => api<VendorTwoFactorPolicy>('GET', '/api/two-factor/policy'),
  });

export function useSetVendorPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VendorTwoFactorPolicy) => api<VendorTwoFactorPolicy>('PUT', '/api/two-factor/policy', body),
    onSuccess: (policy) => queryClient.setQueryData(['two-factor-policy'], policy),
  });
}

export const useCustomerPolicy = (customerId: string) =>
  useQuery({
    queryKey: ['two-factor-policy', customerId],
    queryFn: () => api<CustomerTwoFactorPolicy>('GET', `/api/customers/${customerId}/two-factor-policy`),
  });

export function useSetCustomerPolicy(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerTwoFactorPolicy) =>
      api<CustomerTwoFactorPolicy>('PUT', `/api/customers/${customerId}/two-factor-policy`, body),
    onSuccess: (policy) => queryClient.setQueryData(['two-factor-policy', customerId], policy),
  });
}
