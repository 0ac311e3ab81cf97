import { Badge, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../contract/registry';
import { formatCalendarDate, formatNumber } from '../../i18n/format';
import { REGION_ECONOMIES, useEconomyName } from '../portal/components/economies';
import { useUrlFilters } from '../portal/components/useUrlFilters';
import type { Filters } from './api';

export const FILTER_NAMES = ['q', 'economy', 'topic', 'status', 'organisation'] as const;

/** The filters of the registry pages, kept in the URL. */
export function useRegistryFilters() {
  const url = useUrlFilters();
  const filters: Filters = {
    q: url.get('q'),
    organisation: url.get('organisation'),
    economy: url.getAll('economy').length ? url.getAll('economy') : undefined,
    topic: url.getAll('topic').length ? url.getAll('topic') : undefined,
    status: url.getAll('status').length ? url.getAll('status') : undefined,
  };
  return { ...url, filters };
}

export function FilterBar({ url, topics }: { url: ReturnType<typeof useRegistryFilters>; topics: { slug: string; name: string }[] }) {
  const { t } = useTranslation('registry');
  const economyName = useEconomyName();
  return (
    <Group align="end" wrap="wrap">
      <TextInput label={t('filter.search')} defaultValue={url.get('q') ?? ''} onBlur={(event) => url.set('q', event.currentTarget.value)} onKeyDown={(event) => event.key === 'Enter' && url.set('q', event.currentTarget.value)} />
      <MultiSelect label={t('filter.economy')} data={REGION_ECONOMIES.map((code) => ({ value: code, label: economyName(code) }))} value={url.getAll('economy')} onChange={(value) => url.set('economy', value)} clearable w={220} />
      <MultiSelect label={t('filter.topic')} data={topics.map((topic) => ({ value: topic.slug, label: t(`topic.${topic.slug}`, { defaultValue: topic.name }) }))} value={url.getAll('topic')} onChange={(value) => url.set('topic', value)} clearable w={240} />
      <Select label={t('filter.status')} data={ACTIVITY_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} value={url.get('status') ?? null} onChange={(value) => url.set('status', value)} clearable w={180} />
    </Group>
  );
}

export function StatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation('registry');
  // Light badges get AA text from the theme's resolver; white on a filled green.9 is 4.4:1.
  return <Badge variant="light" color={status === 'implementation' ? 'green' : status === 'pipeline' ? 'blue' : 'gray'}>{t(`status.${status}`)}</Badge>;
}

export const euro = (value: number) => `€${formatNumber(Math.round(value))}`;
export const period = (start: string, end: string) => `${formatCalendarDate(start)} – ${formatCalendarDate(end)}`;

/** A CSV file of rows, offered for download beside a table. */
export function csvHref(rows: (string | number)[][]): string {
  const text = rows.map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${text}`)}`;
}
