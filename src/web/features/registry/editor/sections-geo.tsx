import { Group, MultiSelect, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_ECONOMIES, useEconomyName } from '../../portal/components/economies';
import { LocationMap } from './LocationMap';
import { Rows, Section } from './Rows';
import type { SectionProps } from './sections-core';

const coordinate = (value: number | string) => (value === '' ? null : Number(value));

export function GeographySection({ draft, update, error }: SectionProps) {
  const { t } = useTranslation('registry');
  const economyName = useEconomyName();
  const [selected, setSelected] = useState(0);
  const shares = draft.recipientEconomies;
  const codes = shares.map((share) => share.code);
  const setCodes = (next: string[]) =>
    update({ recipientEconomies: next.map((code) => shares.find((share) => share.code === code) ?? { code, percentage: next.length === 1 ? 100 : 0 }).map((share) => (next.length === 1 ? { ...share, percentage: 100 } : share)) });
  const location = draft.locations[selected];
  return (
    <Section title={t('editor.section.geography')}>
      <MultiSelect label={t('field.economies')} data={REGION_ECONOMIES.map((code) => ({ value: code, label: economyName(code) }))} value={codes} onChange={setCodes} required searchable />
      {shares.length > 0 && (
        <Group>
          {shares.map((share) => (
            <NumberInput key={share.code} label={t('field.percentageOf', { economy: economyName(share.code) })} value={share.percentage} min={0} max={100} w={170} onChange={(value) => update({ recipientEconomies: shares.map((entry) => (entry.code === share.code ? { ...entry, percentage: Number(value) || 0 } : entry)) })} />
          ))}
        </Group>
      )}
      {error('recipientEconomies') && <Text c="red.9" size="sm" role="alert">{error('recipientEconomies')}</Text>}
      <Text size="sm" fw={600}>{t('field.locations')}</Text>
      <Text size="sm" c="dimmed">{t('editor.mapHelp')}</Text>
      <Radio.Group value={String(selected)} onChange={(value) => setSelected(Number(value))} aria-label={t('editor.mapSelected')}>
        <Rows
          label={t('field.location')}
          items={draft.locations}
          onChange={(locations) => update({ locations })}
          blank={() => ({ name: '', economy: codes[0] ?? 'ME', point: null, adminArea: null })}
          render={(entry, set, index) => (
            <Stack gap={4}>
              <Group align="end" grow>
                <Radio value={String(index)} label={t('editor.mapPick')} maw={140} />
                <TextInput label={t('field.locationName')} value={entry.name} onChange={(event) => set({ ...entry, name: event.currentTarget.value })} />
                <Select label={t('field.economy')} data={codes.map((code) => ({ value: code, label: economyName(code) }))} value={entry.economy} onChange={(economy) => set({ ...entry, economy: economy ?? entry.economy })} error={error(`locations.${index}.economy`)} allowDeselect={false} />
                <TextInput label={t('field.adminArea')} value={entry.adminArea ?? ''} onChange={(event) => set({ ...entry, adminArea: event.currentTarget.value })} />
              </Group>
              <Group grow>
                <NumberInput label={t('field.latitude')} value={entry.point?.lat ?? ''} min={-90} max={90} decimalScale={4} onChange={(value) => set({ ...entry, point: coordinate(value) === null ? null : { lat: Number(value), lng: entry.point?.lng ?? 0 } })} />
                <NumberInput label={t('field.longitude')} value={entry.point?.lng ?? ''} min={-180} max={180} decimalScale={4} onChange={(value) => set({ ...entry, point: coordinate(value) === null ? null : { lat: entry.point?.lat ?? 0, lng: Number(value) } })} />
              </Group>
            </Stack>
          )}
        />
      </Radio.Group>
      <LocationMap
        points={draft.locations.flatMap((entry, index) => (entry.point ? [{ label: entry.name, lat: entry.point.lat, lng: entry.point.lng, selected: index === selected }] : []))}
        onPick={location ? (point) => update({ locations: draft.locations.map((entry, index) => (index === selected ? { ...entry, point } : entry)) }) : null}
      />
    </Section>
  );
}
