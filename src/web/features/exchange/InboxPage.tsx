import { Badge, Button, Chip, Group, Pagination, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BOXES, FLAGS, type ItemListQuery } from '../../../contract/exchange';
import { useAbility } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useComposeOptions, useItems } from './api';
import { DeadlineText, MarkingBadges, StateBadge, economyName, useDeskLabel } from './components';
import { FIT_TABLE } from '../../components/fitTable';

const PAGE_SIZE = 25;
const COUNT_OF_FLAG = { unread: 'unread', due_soon: 'dueSoon', overdue: 'overdue' } as const;

export function InboxPage() {
  const { t, i18n } = useTranslation('exchange');
  usePageTitle(t('inbox.title'));
  const deskLabel = useDeskLabel();
  const canSend = useAbility('exchange.item.send');
  const options = useComposeOptions(canSend);
  const [box, setBox] = useState<ItemListQuery['box']>('inbox');
  const [deskId, setDeskId] = useState<string | null>(null);
  const [flag, setFlag] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [crimeArea, setCrimeArea] = useState<string | null>(null);
  const [economy, setEconomy] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const reset = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };
  const items = useItems({ box, deskId: deskId ?? undefined, flag: (flag ?? undefined) as ItemListQuery['flag'], kind: (kind ?? undefined) as ItemListQuery['kind'], crimeArea: crimeArea ?? undefined, economy: economy ?? undefined, q: q || undefined, page, pageSize: PAGE_SIZE });
  const areaName = (slug: string) => options.data?.crimeAreas.find((area) => area.slug === slug)?.names[i18n.language] ?? options.data?.crimeAreas.find((area) => area.slug === slug)?.names.en ?? slug;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('inbox.title')}</Title>
        {canSend && <Button component={Link} to="/exchange/new">{t('inbox.compose')}</Button>}
      </Group>
      <Group align="end">
        <SegmentedControl value={box} onChange={(value) => reset(setBox)(value as ItemListQuery['box'])} data={BOXES.map((value) => ({ value, label: t(`box.${value}`) }))} aria-label={t('inbox.box')} />
        {options.data && options.data.senderDesks.length > 1 && (
          <Select label={t('inbox.desk')} placeholder={t('inbox.allDesks')} data={options.data.senderDesks.map((desk) => ({ value: desk.id, label: deskLabel(desk) }))} value={deskId} onChange={reset(setDeskId)} clearable />
        )}
        <TextInput label={t('inbox.search')} value={q} onChange={(e) => reset(setQ)(e.currentTarget.value)} />
      </Group>
      <QueryState query={items}>
        {(data) => (
          <Stack>
            <Group gap="xs">
              {FLAGS.map((value) => (
                <Chip key={value} checked={flag === value} onChange={() => reset(setFlag)(flag === value ? null : value)}>
                  {t(`flag.${value}`)} ({formatNumber(data.counts[COUNT_OF_FLAG[value]])})
                </Chip>
              ))}
              {data.counts.awaitingApproval > 0 && <Badge color="violet.9" size="lg">{t('flag.awaitingApproval', { count: data.counts.awaitingApproval })}</Badge>}
            </Group>
            <Group>
              <Select label={t('facet.kind')} data={data.facets.kind.map((f) => ({ value: f.value, label: `${t(`kind.${f.value}`)} (${formatNumber(f.count)})` }))} value={kind} onChange={reset(setKind)} clearable />
              <Select label={t('facet.crimeArea')} data={data.facets.crimeArea.map((f) => ({ value: f.value, label: `${areaName(f.value)} (${formatNumber(f.count)})` }))} value={crimeArea} onChange={reset(setCrimeArea)} clearable />
              <Select label={t('facet.economy')} data={data.facets.economy.map((f) => ({ value: f.value, label: `${economyName(f.value, i18n.language)} (${formatNumber(f.count)})` }))} value={economy} onChange={reset(setEconomy)} clearable />
            </Group>
            <Text size="sm" c="dimmed">{t('inbox.count', { count: data.total })}</Text>
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover className={FIT_TABLE}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('field.subject')}</Table.Th>
                    <Table.Th>{t('field.kind')}</Table.Th>
                    <Table.Th>{t('field.from')}</Table.Th>
                    <Table.Th>{t('field.to')}</Table.Th>
                    <Table.Th>{t('field.marking')}</Table.Th>
                    <Table.Th>{t('field.state')}</Table.Th>
                    <Table.Th>{t('field.sentAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id} fw={item.unread ? 700 : undefined}>
                      <Table.Td>
                        <Link to={`/exchange/items/${item.id}`}>{item.subject ?? t('retractedContent')}</Link>
                        <Text size="xs" c="dimmed">{item.reference}{item.urgency === 'urgent' ? ` · ${t('urgency.urgent')}` : ''}</Text>
                      </Table.Td>
                      <Table.Td>{t(`kind.${item.kind}`)}</Table.Td>
                      <Table.Td>{deskLabel(item.senderDesk)}</Table.Td>
                      <Table.Td>{item.recipientDesks.map(deskLabel).join(', ')}</Table.Td>
                      <Table.Td><MarkingBadges classification={item.classification} tlp={item.tlp} /></Table.Td>
                      <Table.Td><StateBadge item={item} /><DeadlineText deadline={item.deadline} /></Table.Td>
                      <Table.Td>{item.sentAt ? formatDateTime(item.sentAt) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.items.length === 0 && <Text>{t('inbox.empty')}</Text>}
            {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
