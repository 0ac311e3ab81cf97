import { Button, Card, Container, Group, Pagination, ScrollArea, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AuditOutcome, type AuditEventSummary } from '../../../contract/audit';
import { FIT_TABLE } from '../../components/fitTable';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n/format';
import { useAbility } from '../../api/session';
import { type AuditFilters, auditCsvUrl, useAuditEvents } from './api';
import { AuditEventDrawer } from './AuditEventDrawer';
import { AuditFilterForm } from './AuditFilterForm';
import { OutcomeBadge } from './OutcomeBadge';
import { RecordCell } from './RecordCell';
import { VerifyChainPanel } from './VerifyChainPanel';

const PAGE_SIZE = 25;
const FILTER_NAMES = ['user', 'action', 'recordType', 'recordId', 'from', 'to'] as const;

function filtersFrom(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const outcome = AuditOutcome.safeParse(params.get('outcome'));
  if (outcome.success) filters.outcome = outcome.data;
  return filters;
}

/** The auditor's view of the chain: who did what to which record, filtered and paged. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const events = useAuditEvents(filters, page, PAGE_SIZE);
  const exportAllowed = useAbility('audit.export');

  const applyFilters = (next: AuditFilters) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) search.set(name, value);
    setParams(search);
  };
  const goToPage = (next: number) => {
    const search = new URLSearchParams(params);
    search.set('page', String(next));
    setParams(search);
  };

  return (
    <Container size="xl">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="gray.7" mt={4}>
            {t('intro')}
          </Text>
        </div>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('verify.title')}
          </Title>
          <VerifyChainPanel onShowEvent={setSelectedId} />
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('filters.title')}
          </Title>
          <AuditFilterForm filters={filters} onApply={applyFilters} />
        </Card>
        <section aria-labelledby="audit-events-heading">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="audit-events-heading">
              {t('table.title')}
            </Title>
            <Group gap="sm">
              {events.data && (
                <Text size="sm" c="gray.7" aria-live="polite">
                  {t('table.total', { count: events.data.total })}
                </Text>
              )}
              {exportAllowed && (
                <Button component="a" href={auditCsvUrl(filters)} variant="light" size="xs" download>
                  {t('export.button')}
                </Button>
              )}
            </Group>
          </Group>
          <QueryState query={events}>
            {(data) =>
              data.items.length === 0 ? (
                <Text c="gray.7">{t('table.empty')}</Text>
              ) : (
                <Stack gap="sm">
                  <ScrollArea type="auto">
                    <Table striped highlightOnHover miw={760} className={FIT_TABLE} aria-labelledby="audit-events-heading">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('field.time')}</Table.Th>
                          <Table.Th scope="col">{t('field.who')}</Table.Th>
                          <Table.Th scope="col">{t('field.economy')}</Table.Th>
                          <Table.Th scope="col">{t('field.action')}</Table.Th>
                          <Table.Th scope="col">{t('field.record')}</Table.Th>
                          <Table.Th scope="col">{t('field.outcome')}</Table.Th>
                          <Table.Th scope="col">
                            <VisuallyHidden>{t('table.open')}</VisuallyHidden>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.items.map((event) => (
                          <EventRow key={event.id} event={event} onOpen={() => setSelectedId(event.id)} />
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollArea>
                  <Pagination
                    total={Math.max(1, Math.ceil(data.total / data.pageSize))}
                    value={data.page}
                    onChange={goToPage}
                    getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                    getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
                  />
                </Stack>
              )
            }
          </QueryState>
        </section>
      </Stack>
      <AuditEventDrawer id={selectedId} onClose={() => setSelectedId(null)} />
    </Container>
  );
}

interface EventRowProps {
  event: AuditEventSummary;
  onOpen(): void;
}

function EventRow({ event, onOpen }: EventRowProps) {
  const { t } = useTranslation('audit');
  return (
    <Table.Tr>
      <Table.Td>
        <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{event.actorLabel}</Table.Td>
      <Table.Td>{event.actorEconomy ?? '—'}</Table.Td>
      <Table.Td>
        <Text ff="monospace" size="sm">
          {event.action}
        </Text>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <RecordCell event={event} />
      </Table.Td>
      <Table.Td>
        <OutcomeBadge outcome={event.outcome} />
      </Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant="subtle" onClick={onOpen} aria-label={t('table.openEvent', { action: event.action, time: formatDateTime(event.occurredAt) })}>
          {t('table.open')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

