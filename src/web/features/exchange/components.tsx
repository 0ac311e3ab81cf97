import { Badge, Checkbox, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, type Marking, TLP_LEVELS } from '../../../contract/core';
import type { ComposeOptions, Deadline, DeskRef, ItemSummary } from '../../../contract/exchange';
import { formatDateTime } from '../../i18n/format';

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

/** A desk as "Serbia – Police cooperation", translated: the stored name is English. */
export function useDeskLabel() {
  const { t, i18n } = useTranslation('exchange');
  return (desk: DeskRef) => {
    const area = t(`admin:areas.${desk.area}`, { defaultValue: '' });
    return area ? t('desk', { economy: economyName(desk.economy, i18n.language), area }) : desk.name;
  };
}

/** TLP 2.0's own colours: the label in its colour on black, which also keeps the contrast high. */
const TLP_COLOURS: Record<string, string> = { CLEAR: '#FFFFFF', GREEN: '#33FF00', AMBER: '#FFC000', 'AMBER+STRICT': '#FFC000', RED: '#FF2B2B' };

export function MarkingBadges({ classification, tlp }: { classification: string; tlp: string }) {
  const { t } = useTranslation('exchange');
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="outline" color="dark">{t(`classification.${classification}`)}</Badge>
      <Badge styles={{ root: { background: '#000000', color: TLP_COLOURS[tlp] ?? '#FFFFFF' } }}>TLP:{tlp}</Badge>
    </Group>
  );
}

/** State, release and retraction of an item, in words. */
export function StateBadge({ item }: { item: Pick<ItemSummary, 'state' | 'release' | 'retracted'> }) {
  const { t } = useTranslation('exchange');
  if (item.retracted) return <Badge color="gray.8">{t('retracted')}</Badge>;
  if (item.release !== 'released') return <Badge color="violet.9">{t(`release.${item.release}`)}</Badge>;
  if (!item.state) return null;
  return <Badge variant="light">{t(`state.${item.state}`)}</Badge>;
}

export function DeadlineText({ deadline }: { deadline: Deadline | null }) {
  const { t } = useTranslation('exchange');
  if (!deadline?.dueAt) return null;
  const color = deadline.overdue ? 'red' : deadline.dueSoon ? 'orange' : undefined;
  const label = deadline.paused ? t('deadline.paused') : deadline.overdue ? t('deadline.overdue') : deadline.dueSoon ? t('deadline.dueSoon') : t('deadline.due');
  return (
    <Text size="sm" c={color} fw={color ? 600 : undefined}>
      {label}: {formatDateTime(deadline.dueAt)}
    </Text>
  );
}

/** Classification, TLP, releasability and originator control of an item. */
export function MarkingFields({ value, onChange, options }: { value: Marking; onChange: (marking: Marking) => void; options: ComposeOptions }) {
  const { t, i18n } = useTranslation('exchange');
  const set = (patch: Partial<Marking>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Group grow>
        <Select label={t('marking.classification')} data={CLASSIFICATIONS.map((level) => ({ value: level, label: t(`classification.${level}`) }))} value={value.classification} onChange={(v) => v && set({ classification: v as Marking['classification'] })} allowDeselect={false} />
        <Select label={t('marking.tlp')} data={[...TLP_LEVELS]} value={value.tlp} onChange={(v) => v && set({ tlp: v as Marking['tlp'] })} allowDeselect={false} />
      </Group>
      <MultiSelect label={t('marking.economies')} data={options.economies.map((e) => ({ value: e.code, label: `${economyName(e.code, i18n.language)} (${e.code})` }))} value={value.releasableEconomies} onChange={(v) => set({ releasableEconomies: v })} searchable clearable />
      <MultiSelect label={t('marking.organisations')} data={options.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.economy})` }))} value={value.releasableOrganisations} onChange={(v) => set({ releasableOrganisations: v })} searchable clearable />
      <MultiSelect label={t('marking.groups')} data={options.sharingGroups.map((g) => ({ value: g.id, label: g.name }))} value={value.sharingGroups} onChange={(v) => set({ sharingGroups: v })} searchable clearable />
      <Checkbox label={t('marking.originatorControl')} checked={value.originatorControl} onChange={(e) => set({ originatorControl: e.currentTarget.checked })} />
    </Stack>
  );
}
