import { useTranslation } from 'react-i18next';
import type { AccessChangeField } from '../../../contract/admin';
import { useEconomies } from './api';

/** Names a value of a waiting change: codes through the translations, records by the name the server sent. */
export function useValueLabel() {
  const { t } = useTranslation('admin');
  const economies = useEconomies();
  const economyNames = new Map((economies.data?.items ?? []).map((economy) => [economy.code, economy.name]));
  return (field: AccessChangeField, value: { value: string; label: string }): string => {
    switch (field) {
      case 'roles':
        return t(`roles.${value.value}`);
      case 'clearance':
        return t(`clearances.${value.value}`);
      case 'kind':
        return t(`kinds.${value.value}`);
      case 'economy':
      case 'economies':
        return economyNames.has(value.value) ? `${value.value} – ${economyNames.get(value.value)}` : value.value;
      case 'organisation':
      case 'organisations':
      case 'desk':
        return value.label;
    }
  };
}
