import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ContactPointDirectory, type ContactPointQuery } from '../../../contract/contact-points';
import { api } from '../../api/client';

export function useContactPoints(query: ContactPointQuery) {
  return useQuery({
    queryKey: ['directory', 'contact-points', query],
    queryFn: ({ signal }) => api(ContactPointDirectory, '/api/directory/contact-points', { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
