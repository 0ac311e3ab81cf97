import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Activity } from '../../../contract/registry';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../i18n/format';
import { ActivityExtras } from './ActivityExtras';
import { useActivity } from './api';
import { StatusBadge, euro, period } from './components';

function Details({ activity, scope }: { activity: Activity; scope: 'secure' | 'public' }) {
  const { t } = useTranslation('registry');
  usePageTitle(activity.title[0]?.text ?? '');
  const contact = activity.contacts[0];
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={1}>{activity.title[0]?.text}</Title>
          {activity.title.slice(1).map((entry) => (
            <Text key={entry.lang} lang={entry.lang} c="dimmed">{entry.text}</Text>
          ))}
          <Text size="sm">{activity.identifier}</Text>
        </Stack>
        <Group>
          <StatusBadge status={activity.status} />
          {activity.visibility.public ? <Badge color="teal.9">{t('field.public')}</Badge> : <Badge color="red.9">{`${activity.visibility.marking.classification} · TLP:${activity.visibility.marking.tlp}`}</Badge>}
          {activity.abilities.update && <Button component={Link} to={`/registry/${activity.id}/edit`}>{t('activity.edit')}</Button>}
          {scope === 'public' && <Button component="a" variant="outline" href={`/api/registry/public/iati.xml?q=${encodeURIComponent(activity.identifier)}`} download>{t('list.iati')}</Button>}
        </Group>
      </Group>
      {activity.description.map((entry) => (
        <Text key={entry.lang} lang={entry.lang}>{entry.text}</Text>
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4">{t('activity.who')}</Title>
          <List>
            <List.Item>{t('field.reportingOrg')}: {activity.reportingOrg.name}</List.Item>
            {activity.participatingOrgs.map((org) => (
              <List.Item key={`${org.role}-${org.name}`}>{t(`role.${org.role}`)}: {org.name}</List.Item>
            ))}
          </List>
          {contact && (
            <Text mt="sm">
              {t('activity.contact')}: {[contact.person, contact.organisation].filter(Boolean).join(', ')} {contact.email && <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4">{t('activity.whereWhen')}</Title>
          <List>
            {activity.recipientEconomies.map((economy) => (
              <List.Item key={economy.code}>{economy.code}: {formatNumber(economy.percentage)}%</List.Item>
            ))}
          </List>
          <Text mt="sm">{t('field.planned')}: {period(activity.plannedStart, activity.plannedEnd)}</Text>
          {activity.actualStart && <Text>{t('field.actualStart')}: {formatCalendarDate(activity.actualStart)}</Text>}
          {activity.actualEnd && <Text>{t('field.actualEnd')}: {formatCalendarDate(activity.actualEnd)}</Text>}
          <Text>{t('field.topics')}: {activity.topics.map((topic) => t(`topic.${topic}`, { defaultValue: topic })).join(', ')}</Text>
          <Text>{t('field.targetGroups')}: {activity.targetGroups.map((group) => t(`group.${group}`)).join(', ')}</Text>
          <Text>{t('field.sectors')}: {activity.sectors.map((code) => `${code} ${t(`sector.${code}`)}`).join('; ')}</Text>
        </Card>
      </SimpleGrid>
      <Title order={2} size="h3">{t('activity.budgets')}</Title>
      <Table.ScrollContainer minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('field.period')}</Table.Th><Table.Th ta="right">{t('field.value')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activity.budgets.map((budget) => (
              <Table.Tr key={budget.periodStart}>
                <Table.Td>{period(budget.periodStart, budget.periodEnd)}</Table.Td>
                <Table.Td ta="right">{`${formatNumber(budget.value)} ${budget.currency}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fw={700}>{t('field.budgetEur')}: {euro(activity.budgetEur)}</Text>
      <ActivityExtras activity={activity} />
      {activity.results.length > 0 && (
        <>
          <Title order={2} size="h3">{t('activity.results')}</Title>
          <List>
            {activity.results.map((result) => (
              <List.Item key={result.title}>
                {result.title}: {result.indicators.map((indicator) => `${indicator.title}${indicator.target ? ` → ${formatNumber(indicator.target.value)}` : ''}`).join('; ')}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {scope === 'secure' && activity.acknowledgements.length > 0 && (
        <>
          <Title order={2} size="h3">{t('activity.acknowledged')}</Title>
          <List>
            {activity.acknowledgements.map((entry) => (
              <List.Item key={entry.at}>
                {formatDateTime(entry.at)} · {entry.by} · {entry.shown.length === 0 ? t('activity.noneShown') : entry.shown.map((shown) => <Anchor key={shown.id} component={Link} to={`/registry/${shown.id}`} mr="xs">{formatNumber(Math.round(shown.score * 100))}%</Anchor>)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

export function ActivityPage({ scope }: { scope: 'secure' | 'public' }) {
  const { id = '' } = useParams();
  const activity = useActivity(scope, id);
  return <QueryState query={activity}>{(data) => <Details activity={data} scope={scope} />}</QueryState>;
}
