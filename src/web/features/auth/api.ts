import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { EnrolmentConfirmView, EnrolmentStartView, SessionView, type SignInInput } from '../../../contract/identity';
import { api } from '../../api/client';
import { sessionKeys, useSetSession } from '../../api/session';

/** After the identity changes, whatever was fetched as the previous one is dropped. */
export function useAdoptSession() {
  const queryClient = useQueryClient();
  const setSession = useSetSession();
  return (session: SessionView) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.current[0] });
    setSession(session);
  };
}

export function useSignIn() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (input: SignInInput) => api(SessionView, '/api/auth/sign-in', { method: 'POST', body: input }),
    onSuccess: adopt,
  });
}

export function useSecondFactor() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (code: string) => api(SessionView, '/api/auth/second-factor', { method: 'POST', body: { code } }),
    onSuccess: adopt,
  });
}

export function useStartEnrolment() {
  return useMutation({
    mutationFn: (currentPassword?: string) =>
      api(EnrolmentStartView, '/api/auth/enrolment/start', { method: 'POST', body: currentPassword === undefined ? {} : { currentPassword } }),
  });
}

/**
 * Confirms the authenticator; the answer carries the recovery codes (shown once) and the new
 * full session, which the caller adopts in the same breath as it shows the codes.
 */
export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: (code: string) => api(EnrolmentConfirmView, '/api/auth/enrolment/confirm', { method: 'POST', body: { code } }),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(z.unknown(), '/api/auth/sign-out', { method: 'POST' }),
    onSettled: async () => {
      queryClient.clear();
      await queryClient.invalidateQueries({ queryKey: sessionKeys.current });
    },
  });
}
