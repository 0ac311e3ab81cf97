import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useEconomies } from '../api';

/** The region's economies drawn on the map and offered first in filters. */
export const REGION_ECONOMIES = ['AL', 'BA', 'BG', 'HR', 'XK', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'GR', 'TR'];

/** Economy names in the UI language (the API's name, in English, when the portal has no string for it). */
export function useEconomyName() {
  const { t } = useTranslation('portal');
  const economies = useEconomies();
  return useCallback(
    (code: string) => {
      const apiName = economies.data?.items.find((economy) => economy.code === code)?.name;
      return t(`economy.${code}`, { defaultValue: apiName ?? code });
    },
    [t, economies.data],
  );
}

/** Options for an economy filter, sorted by name in the UI language. */
export function useEconomyOptions() {
  const economies = useEconomies();
  const name = useEconomyName();
  const { i18n } = useTranslation();
  const codes = economies.data?.items.map((economy) => economy.code) ?? REGION_ECONOMIES;
  return codes
    .map((code) => ({ value: code, label: name(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
}
