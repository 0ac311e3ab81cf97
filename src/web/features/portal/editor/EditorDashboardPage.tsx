import { Anchor, Button, Group, SegmentedControl, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WORKFLOW_TYPES, type WorkflowStatus, type WorkflowType } from '../../../../contract/portal';
import { useAbility } from '../../../api/session';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useEditorList } from '../api';
import { formatDate } from '../../../i18n/format';
import { PageHeader, PortalPage } from '../components/layout';
import { Pager } from '../components/Pager';
import { useUrlFilters } from '../components/useUrlFilters';
import { StatusBadge } from './WorkflowPanel';

/** "scheduled" is a view over published items whose publish time is still ahead. */
const VIEWS = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;
type View = (typeof VIEWS)[number];

export function Component() {
  const { t } = useTranslation('portal');
  usePageTitle(t('editor.title'));
  const { get, set } = useUrlFilters();
  const type = WORKFLOW_TYPES.find((value) => value === get('type')) ?? 'articles';
  const view = VIEWS.find((value) => value === get('status')) ?? 'draft';

  return (
    <PortalPage size="xl">
      <PageHeader title={t('editor.title')} intro={t('editor.intro')} actions={<NewButtons />} />
      <Tabs value={type} onChange={(value) => set('type', value)}>
        <Tabs.List mb="md">
          {WORKFLOW_TYPES.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`editor.types.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={type}>
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t('filters.status')}
              value={view}
              onChange={(value) => set('status', value)}
              data={VIEWS.map((value) => ({ value, label: t(`status.${value}`) }))}
              style={{ overflowX: 'auto', maxWidth: '100%' }}
            />
            <EditorList key={`${type}-${view}`} type={type} view={view} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </PortalPage>
  );
}

function NewButtons() {
  const { t } = useTranslation('portal');
  const statistics = useAbility('portal.statistics.edit');
  return (
    <Group gap="xs">
      <Button component={Link} to="/editor/articles/new" size="sm">
        {t('editor.newArticle')}
      </Button>
      <Button component={Link} to="/editor/documents/new" size="sm" variant="light">
        {t('editor.newDocument')}
      </Button>
      <Button component={Link} to="/editor/events/new" size="sm" variant="light">
        {t('editor.newEvent')}
      </Button>
      {statistics && (
        <Button component={Link} to="/editor/indicators/new" size="sm" variant="light">
          {t('editor.newIndicator')}
        </Button>
      )}
    </Group>
  );
}

function EditorList({ type, view }: { type: WorkflowType; view: View }) {
  const { t } = useTranslation('portal');
  const [page, setPage] = useState(1);
  const status: WorkflowStatus = view === 'scheduled' ? 'published' : view;
  // The API has no "scheduled" filter: take a larger page of published items and keep those still ahead.
  const list = useEditorList(type, status, view === 'scheduled' ? 1 : page, view === 'scheduled' ? 100 : 20);

  return (
    <QueryState query={list}>
      {(data) => {
        const items = data.items.filter((item) => (view === 'scheduled' ? item.workflow.scheduled : view === 'published' ? !item.workflow.scheduled : true));
        if (items.length === 0) return <Text c="dimmed">{t('editor.empty')}</Text>;
        return (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('editor.columns.title')}</Table.Th>
                    <Table.Th scope="col">{t('editor.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('editor.columns.updated')}</Table.Th>
                    <Table.Th scope="col">{t('editor.columns.revision')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/editor/${item.type}/${item.id}`}>
                          {item.title}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {item.slug}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge workflow={item.workflow} />
                      </Table.Td>
                      <Table.Td>{formatDate(item.workflow.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Table.Td>
                      <Table.Td>{item.workflow.revision}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {view !== 'scheduled' && <Pager total={data.total} page={data.page} pageSize={data.pageSize} onChange={setPage} />}
          </>
        );
      }}
    </QueryState>
  );
}
