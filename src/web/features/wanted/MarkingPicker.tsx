import { Alert, Checkbox, Group, MultiSelect, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, type Marking, TLP_LEVELS } from '../../../contract/core';
import type { MarkingOptions } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { useRecipients } from './api';
import { RecipientsList } from './components';

/** Classification, TLP and releasability, with the exact recipients shown as they change. */
export function MarkingPicker({ value, onChange, options }: { value: Marking; onChange: (marking: Marking) => void; options: MarkingOptions }) {
  const { t } = useTranslation('wanted');
  const recipients = useRecipients(value);
  const set = (patch: Partial<Marking>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Group grow>
        <Select label={t('marking.classification')} data={[...CLASSIFICATIONS]} value={value.classification} onChange={(v) => v && set({ classification: v as Marking['classification'] })} allowDeselect={false} />
        <Select label={t('marking.tlp')} data={[...TLP_LEVELS]} value={value.tlp} onChange={(v) => v && set({ tlp: v as Marking['tlp'] })} allowDeselect={false} />
      </Group>
      <MultiSelect label={t('marking.economies')} data={options.economies.map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))} value={value.releasableEconomies} onChange={(v) => set({ releasableEconomies: v })} searchable clearable />
      <MultiSelect label={t('marking.organisations')} data={options.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.economy})` }))} value={value.releasableOrganisations} onChange={(v) => set({ releasableOrganisations: v })} searchable clearable />
      <MultiSelect label={t('marking.groups')} data={options.sharingGroups.map((g) => ({ value: g.id, label: g.name }))} value={value.sharingGroups} onChange={(v) => set({ sharingGroups: v })} searchable clearable />
      <Checkbox label={t('marking.originatorControl')} checked={value.originatorControl} onChange={(e) => set({ originatorControl: e.currentTarget.checked })} />
      {recipients.error ? (
        <Alert color="red" role="alert">{recipients.error instanceof ApiError ? (recipients.error.detail ?? recipients.error.title) : t('error')}</Alert>
      ) : (
        recipients.data && <RecipientsList recipients={recipients.data} />
      )}
    </Stack>
  );
}
