import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EconomySettings, type EconomySettingsInput } from '../../../contract/exchange-routing';
import { api } from '../../api/client';

export const settingsKeys = { economy: (economy: string) => ['exchange', 'settings', economy] as const };

export function useEconomySettings(economy: string | null) {
  return useQuery({
    queryKey: settingsKeys.economy(economy ?? ''),
    queryFn: ({ signal }) => api(EconomySettings, `/api/exchange/settings/${economy}`, { signal }),
    enabled: economy !== null,
    retry: false,
  });
}

function useSettingsMutation<TInput>(economy: string, call: (input: TInput) => Promise<EconomySettings>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: (settings) => queryClient.setQueryData(settingsKeys.economy(economy), settings) });
}

export const useSaveSettings = (economy: string) =>
  useSettingsMutation(economy, (input: EconomySettingsInput) => api(EconomySettings, `/api/exchange/settings/${economy}`, { method: 'PUT', body: input }));
export const useApproveSettings = (economy: string) =>
  useSettingsMutation(economy, () => api(EconomySettings, `/api/exchange/settings/${economy}/proposal/approval`, { method: 'POST', body: {} }));
export const useRejectSettings = (economy: string) =>
  useSettingsMutation(economy, () => api(EconomySettings, `/api/exchange/settings/${economy}/proposal/rejection`, { method: 'POST', body: {} }));
