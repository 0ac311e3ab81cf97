import { Badge, Checkbox, Group, MultiSelect, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseOptions } from '../../../contract/cases';
import { CLASSIFICATIONS, type Marking, TLP_LEVELS } from '../../../contract/core';
import { ApiError } from '../../api/client';

/** Classification, TLP and releasability of a case or of an entity's link. */
export function MarkingFields({ value, onChange, options }: { value: Marking; onChange: (marking: Marking) => void; options: CaseOptions }) {
  const { t } = useTranslation('cases');
  const set = (patch: Partial<Marking>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Group grow>
        <Select label={t('marking.classification')} data={[...CLASSIFICATIONS]} value={value.classification} onChange={(v) => v && set({ classification: v as Marking['classification'] })} allowDeselect={false} />
        <Select label={t('marking.tlp')} data={[...TLP_LEVELS]} value={value.tlp} onChange={(v) => v && set({ tlp: v as Marking['tlp'] })} allowDeselect={false} />
      </Group>
      <MultiSelect label={t('marking.economies')} data={options.economies.map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))} value={value.releasableEconomies} onChange={(v) => set({ releasableEconomies: v })} searchable clearable />
      <MultiSelect label={t('marking.organisations')} data={options.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.economy})` }))} value={value.releasableOrganisations} onChange={(v) => set({ releasableOrganisations: v })} searchable clearable />
      <Checkbox label={t('marking.originatorControl')} checked={value.originatorControl} onChange={(e) => set({ originatorControl: e.currentTarget.checked })} />
    </Stack>
  );
}

/** TLP 2.0's colours on black, as the standard draws them: legible at any size. */
const TLP_COLOURS: Record<string, string> = { CLEAR: '#FFFFFF', GREEN: '#33FF00', AMBER: '#FFC000', 'AMBER+STRICT': '#FFC000', RED: '#FF2B2B' };

export function MarkingBadge({ classification, tlp }: { classification: string; tlp: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color="dark" variant="outline">{classification}</Badge>
      <Badge styles={{ root: { background: '#000000', color: TLP_COLOURS[tlp] ?? '#FFFFFF' } }}>TLP:{tlp}</Badge>
    </Group>
  );
}

/** The problem's field errors in the user's language: the server sends codes (`invalid_iban`). */
export function useProblemText() {
  const { t } = useTranslation('cases');
  return (error: unknown): string[] => {
    if (!(error instanceof ApiError)) return error ? [t('error.generic')] : [];
    if (error.errors.length === 0) return [error.detail ?? error.title];
    return error.errors.map((item) => `${t(`path.${item.path}`, { defaultValue: item.path })}: ${t(`error.${item.message}`, { defaultValue: item.message })}`);
  };
}

