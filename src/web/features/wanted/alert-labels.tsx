import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionCode } from '../../../contract/wanted-actions';

/** An economy's name in the UI language (Kosovo* with its asterisk, as the region writes it). */
export function economyName(code: string, language: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([language, 'en'], { type: 'region' }).of(code);
  } catch {
    name = undefined;
  }
  if (!name || name === code) return code;
  return code === 'XK' ? `${name}*` : name;
}

/** A language's name in the UI language, from its ISO 639 code. */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A desk as "Serbia – Wanted persons", translated: the stored name is English. */
export function useDeskLabel() {
  const { t, i18n } = useTranslation('wanted-alerts');
  return (desk: { economy: string; area: string; name: string }) => {
    const area = t(`admin:areas.${desk.area}`, { defaultValue: '' });
    return area ? t('desk', { economy: economyName(desk.economy, i18n.language), area }) : desk.name;
  };
}

/** The coded action, translated, with the desk's free-text addition under it. */
export function ActionOnHit({ code, note }: { code: ActionCode; note?: string | null }) {
  const { t } = useTranslation('wanted-alerts');
  return (
    <Stack gap={2}>
      <Text fw={600}>{t(`action.${code}`)}</Text>
      {note ? <Text size="sm">{note}</Text> : null}
    </Stack>
  );
}

/** Classification and TLP, never cut short. */
export function MarkingBadge({ classification, tlp, releasableEconomies = [] }: { classification: string; tlp: string; releasableEconomies?: string[] }) {
  const { t } = useTranslation('wanted-alerts');
  const to = releasableEconomies.length ? ` ${t('list.releasableTo', { to: releasableEconomies.join(', ') })}` : '';
  return (
    <Badge variant="outline" color="dark" styles={{ root: { maxWidth: 'none', flexShrink: 0, height: 'auto' }, label: { overflow: 'visible', whiteSpace: 'nowrap' } }}>
      {`${classification} · TLP:${tlp}${to}`}
    </Badge>
  );
}
