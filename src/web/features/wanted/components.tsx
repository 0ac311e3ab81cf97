import { Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Recipients, ScreenCandidate } from '../../../contract/wanted';

const DECISION_COLOURS = { match: 'red', possible: 'orange', no_match: 'gray' } as const;

export function DecisionBadge({ decision }: { decision: keyof typeof DECISION_COLOURS }) {
  const { t } = useTranslation('wanted');
  return <Badge color={DECISION_COLOURS[decision]}>{t(`decision.${decision}`)}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('wanted');
  const colour = status === 'active' ? 'green' : status === 'withdrawn' ? 'gray' : status === 'pending' ? 'orange' : status === 'confirmed' ? 'red' : 'dark';
  return <Badge color={colour} variant="light">{t(`status.${status}`)}</Badge>;
}

/** One screening answer: the full summary when the user may read it, or the bare hit. */
export function CandidateCard({ candidate }: { candidate: ScreenCandidate }) {
  const { t } = useTranslation('wanted');
  if (candidate.visibility === 'hit') {
    return (
      <Card withBorder padding="md" role="article" aria-label={t('screen.hitOnlyTitle')}>
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color="red">{t('screen.hit')}</Badge>
            <Text fw={600}>{t('screen.hitOnlyTitle')}</Text>
          </Group>
          <Text>{t('screen.hitOnly', { desk: `${candidate.holdingDesk.name} (${candidate.holdingDesk.economy})` })}</Text>
          <Text>
            <strong>{t('screen.doNow')}</strong> {candidate.actionToTake}
          </Text>
          <Text>
            <strong>{t('screen.reference')}</strong> <code>{candidate.reference}</code>
          </Text>
        </Stack>
      </Card>
    );
  }
  return (
    <Card withBorder padding="md" role="article" aria-label={candidate.alert.label}>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600} component={Link} to={`/wanted/alerts/${candidate.alert.id}`} c="blue.8">
            {candidate.alert.label}
          </Text>
          <Group gap="xs">
            <DecisionBadge decision={candidate.decision} />
            <Badge variant="outline">{t('screen.score', { score: Math.round(candidate.score * 100) })}</Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`kind.${candidate.alert.kind}`)} · {candidate.alert.reference} · {candidate.alert.issuingDesk.name}
        </Text>
        <Text>
          <strong>{t('screen.doNow')}</strong> {candidate.actionToTake}
        </Text>
        <List size="sm">
          {candidate.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
        {candidate.hitReference && (
          <Text size="sm">
            {t('screen.hitRecorded')} <code>{candidate.hitReference}</code>
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Exactly who may read the alert, by name. */
export function RecipientsList({ recipients }: { recipients: Recipients }) {
  const { t } = useTranslation('wanted');
  return (
    <Stack gap={2} aria-live="polite">
      <Text size="sm" fw={600}>{t('marking.recipients')}</Text>
      <List size="sm">
        <List.Item>{t('marking.owner', { name: recipients.ownerOrganisation.name })}</List.Item>
        {recipients.everyone && <List.Item>{t('marking.everyone')}</List.Item>}
        {recipients.economies.map((economy) => (
          <List.Item key={economy.code}>{t('marking.economy', { name: economy.name })}</List.Item>
        ))}
        {recipients.organisations.map((organisation) => (
          <List.Item key={organisation.id}>{organisation.name}</List.Item>
        ))}
        {recipients.sharingGroups.map((group) => (
          <List.Item key={group.id}>{t('marking.group', { name: group.name })}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">{t('marking.clearance', { level: recipients.minimumClearance })}</Text>
    </Stack>
  );
}
