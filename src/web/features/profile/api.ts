import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type PasswordChangeInput, ProfileSessionList, ProfileView, RecoveryCodesView } from '../../../contract/identity';
import { api } from '../../api/client';
import { sessionKeys } from '../../api/session';

export const profileKeys = {
  all: ['profile'] as const,
  me: () => [...profileKeys.all, 'me'] as const,
  sessions: () => [...profileKeys.all, 'sessions'] as const,
};

export function useProfile() {
  return useQuery({ queryKey: profileKeys.me(), queryFn: ({ signal }) => api(ProfileView, '/api/profile', { signal }) });
}

export function useProfileSessions() {
  return useQuery({ queryKey: profileKeys.sessions(), queryFn: ({ signal }) => api(ProfileSessionList, '/api/profile/sessions', { signal }) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(z.unknown(), `/api/profile/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.sessions() }),
  });
}

/** Ends every session, this one included: the app is anonymous afterwards. */
export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(z.unknown(), '/api/auth/sign-out-everywhere', { method: 'POST' }),
    onSuccess: async () => {
      queryClient.clear();
      await queryClient.invalidateQueries({ queryKey: sessionKeys.current });
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => api(z.unknown(), '/api/profile/password', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.all }),
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api(RecoveryCodesView, '/api/profile/recovery-codes', { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.me() }),
  });
}
