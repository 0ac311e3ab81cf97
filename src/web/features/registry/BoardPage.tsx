import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { useBoard } from './api';
import { period } from './components';

/** The secretariat's coordination board: pairs of activities that look like the same work. */
export function BoardPage() {
  const { t } = useTranslation('registry');
  usePageTitle(t('board.title'));
  const board = useBoard();
  return (
    <Stack>
      <Title order={1}>{t('board.title')}</Title>
      <Text>{t('board.intro')}</Text>
      <QueryState query={board}>
        {(data) =>
          data.pairs.length === 0 ? (
            <Text>{t('board.empty')}</Text>
          ) : (
            <Stack>
              {data.pairs.map((pair) => (
                <Card key={`${pair.a.id}-${pair.b.id}`} withBorder>
                  <Group justify="space-between">
                    <Badge color="red.9">{t('overlap.score', { score: formatNumber(Math.round(pair.score * 100)) })}</Badge>
                    <Text size="sm">{pair.reasons.map((reason) => t(`reason.${reason.code}`)).join(' · ')}</Text>
                  </Group>
                  {[pair.a, pair.b].map((side) => (
                    <Text key={side.id} mt="xs">
                      <Anchor component={Link} to={`/registry/${side.id}`}>{side.title}</Anchor> — {side.reportingOrg}, {side.economies.join(', ')}, {period(side.plannedStart, side.plannedEnd)}
                    </Text>
                  ))}
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
