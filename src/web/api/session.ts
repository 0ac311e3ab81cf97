import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SessionView } from '../../contract/identity';
import { api, setCsrfToken } from './client';

export const sessionKeys = { current: ['session'] as const };

export async function fetchSession() {
  const session = await api(SessionView, '/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

/** Who is signed in, at which stage, and what they may do. */
export function useSession() {
  return useQuery({ queryKey: sessionKeys.current, queryFn: fetchSession, staleTime: 30_000 });
}

export function useSetSession() {
  const queryClient = useQueryClient();
  return (session: SessionView) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionKeys.current, session);
  };
}

export function useAbility(action: string): boolean {
  const { data } = useSession();
  return data?.abilities[action] === true;
}
