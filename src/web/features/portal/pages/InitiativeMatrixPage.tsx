import { Anchor, Breadcrumbs, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useMembershipMatrix } from '../api';
import { useEconomyName } from '../components/economies';
import { PageHeader, PortalPage } from '../components/layout';
import { useMetaDescription } from '../components/useMetaDescription';
import { useUrlFilters } from '../components/useUrlFilters';

/** Initiatives × economies as a real data table: row headers are initiatives, column headers economies. */
export function InitiativeMatrixPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('matrix.title'));
  useMetaDescription(t('matrix.intro'));
  const { get, set } = useUrlFilters();
  const statusParam = get('status');
  const status = statusParam === 'active' || statusParam === 'historic' ? statusParam : 'all';
  const matrix = useMembershipMatrix(status);
  const economyName = useEconomyName();

  return (
    <PortalPage size="xl">
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Anchor component={Link} to="/initiatives">
          {t('nav.initiatives')}
        </Anchor>
      </Breadcrumbs>
      <PageHeader title={t('matrix.title')} intro={t('matrix.intro')} />
      <Stack gap="sm">
        <SegmentedControl
          w="fit-content"
          aria-label={t('filters.status')}
          value={status}
          onChange={(value) => set('status', value === 'all' ? null : value)}
          data={[
            { value: 'all', label: t('matrix.all') },
            { value: 'active', label: t('initiativeStatus.active') },
            { value: 'historic', label: t('initiativeStatus.historic') },
          ]}
        />
        <QueryState query={matrix}>
          {(data) => (
            <Table.ScrollContainer minWidth={720}>
              <Table className="portal-matrix" striped highlightOnHover withTableBorder withColumnBorders stickyHeader>
                <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 8 }}>
                  {t('matrix.caption')}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('matrix.initiative')}</Table.Th>
                    {data.economies.map((economy) => (
                      <Table.Th key={economy.code} scope="col" ta="center">
                        <abbr title={economyName(economy.code)}>{economy.code === 'XK' ? 'XK*' : economy.code}</abbr>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row) => (
                    <Table.Tr key={row.initiative.slug}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/initiatives/${row.initiative.slug}`} size="sm" title={row.initiative.name}>
                          {row.initiative.acronym ?? row.initiative.name}
                        </Anchor>
                        {row.status === 'historic' && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('initiativeStatus.historic')})
                          </Text>
                        )}
                      </Table.Th>
                      {data.economies.map((economy) => {
                        const member = row.members.includes(economy.code);
                        return (
                          <Table.Td key={economy.code}>
                            {member ? <span aria-hidden="true">●</span> : null}
                            <VisuallyHidden>{member ? t('matrix.member') : t('matrix.notMember')}</VisuallyHidden>
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
    </PortalPage>
  );
}
