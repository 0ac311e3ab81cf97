import { Badge, Button, Container, Group, Pagination, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessChangeStatus, AccessChangeView } from '../../../contract/admin';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useAccessChanges, useApproveChange } from './api';
import { ConfirmModal } from './ConfirmModal';
import { notifyFailure, notifySuccess } from './notifyResult';
import { RejectChangeModal } from './RejectChangeModal';
import { useValueLabel } from './useValueLabel';

const PAGE_SIZE = 25;
const STATUSES: AccessChangeStatus[] = ['pending', 'approved', 'rejected'];

function ChangeCard({ change, onApprove, onReject }: { change: AccessChangeView; onApprove(): void; onReject(): void }) {
  const { t } = useTranslation('admin');
  const headingId = useId();
  const valueLabel = useValueLabel();
  const subject = change.member ? t('accessChanges.deskSeat', { user: change.member.label, desk: change.subject.label }) : change.subject.label;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase">
              {t(`accessChanges.kinds.${change.kind}`)}
            </Text>
            <Title order={2} size="h4" id={headingId}>
              {subject}
            </Title>
            <Text size="sm" c="dimmed">
              {t('accessChanges.proposed', { name: change.proposedBy.displayName, when: formatDateTime(change.proposedAt) })}
            </Text>
          </div>
          <Group gap={4}>
            {change.economies.map((economy) => (
              <Badge key={economy} variant="outline">
                {economy}
              </Badge>
            ))}
          </Group>
        </Group>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accessChanges.field')}</Table.Th>
              <Table.Th>{t('accessChanges.before')}</Table.Th>
              <Table.Th>{t('accessChanges.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {change.changes.map((item) => (
              <Table.Tr key={item.field}>
                <Table.Th scope="row">{t(`accessChanges.fields.${item.field}`)}</Table.Th>
                <Table.Td>{item.from.length ? item.from.map((value) => valueLabel(item.field, value)).join(', ') : '–'}</Table.Td>
                <Table.Td>
                  {item.to.map((value) => valueLabel(item.field, value)).join(', ') || '–'}
                  {item.added.length > 0 && (
                    <Text size="xs" c="red.9" fw={600}>
                      {t('accessChanges.added', { values: item.added.map((value) => valueLabel(item.field, value)).join(', ') })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm">
          {t(`accessChanges.effect.${change.kind}`, { subject: change.member?.label ?? change.subject.label })}{' '}
          {t('accessChanges.affected', { count: change.affectedUsers, formatted: formatNumber(change.affectedUsers) })}
        </Text>
        {change.decidedBy && change.decidedAt && (
          <Text size="sm" c="dimmed">
            {t(change.status === 'approved' ? 'accessChanges.approvedBy' : 'accessChanges.rejectedBy', { name: change.decidedBy.displayName, when: formatDateTime(change.decidedAt) })}
            {change.reason ? ` — ${change.reason}` : ''}
          </Text>
        )}
        {change.status === 'pending' && !change.abilities.approve && (
          <Text size="sm" c="dimmed">
            {t('accessChanges.cannotApprove')}
          </Text>
        )}
        {(change.abilities.approve || change.abilities.reject) && (
          <Group justify="flex-end">
            {change.abilities.reject && (
              <Button variant="default" onClick={onReject}>
                {t('accessChanges.reject')}
              </Button>
            )}
            {change.abilities.approve && <Button onClick={onApprove}>{t('accessChanges.approve')}</Button>}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The four-eyes queue: what other administrators proposed, before → after, to approve or reject. */
export function AdminAccessChangesPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('accessChanges.title'));
  const [status, setStatus] = useState<AccessChangeStatus>('pending');
  const [page, setPage] = useState(1);
  const changes = useAccessChanges(status, page, PAGE_SIZE);
  const approve = useApproveChange();
  const [approveTarget, setApproveTarget] = useState<AccessChangeView | null>(null);
  const [rejectTarget, setRejectTarget] = useState<AccessChangeView | null>(null);

  const confirmApprove = () => {
    if (!approveTarget) return;
    approve.mutate(approveTarget.id, {
      onSuccess: () => {
        setApproveTarget(null);
        notifySuccess(t('accessChanges.approvedDone'));
      },
      onError: (error) => {
        setApproveTarget(null);
        notifyFailure(t, error);
      },
    });
  };

  return (
    <Container size="lg">
      <Stack>
        <Title order={1}>{t('accessChanges.title')}</Title>
        <Text c="dimmed">{t('accessChanges.intro')}</Text>
        <SegmentedControl
          aria-label={t('fields.status')}
          value={status}
          onChange={(value) => {
            setStatus(value as AccessChangeStatus);
            setPage(1);
          }}
          data={STATUSES.map((value) => ({ value, label: t(`accessChanges.statuses.${value}`) }))}
          w="fit-content"
        />
        <QueryState query={changes}>
          {(data) => (
            <>
              {data.items.length === 0 && <Text>{t(`accessChanges.none.${status}`)}</Text>}
              {data.items.map((change) => (
                <ChangeCard key={change.id} change={change} onApprove={() => setApproveTarget(change)} onReject={() => setRejectTarget(change)} />
              ))}
              {data.total > PAGE_SIZE && (
                <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })} />
              )}
            </>
          )}
        </QueryState>
      </Stack>
      <ConfirmModal
        opened={approveTarget !== null}
        title={t('accessChanges.approveTitle')}
        message={t('accessChanges.approveMessage', { subject: approveTarget?.member?.label ?? approveTarget?.subject.label ?? '' })}
        confirmLabel={t('accessChanges.approve')}
        color="blue"
        loading={approve.isPending}
        onConfirm={confirmApprove}
        onClose={() => setApproveTarget(null)}
      />
      <RejectChangeModal change={rejectTarget} onClose={() => setRejectTarget(null)} />
    </Container>
  );
}
