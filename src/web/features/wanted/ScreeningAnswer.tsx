import { Alert, Anchor, Badge, Box, Card, Group, Image, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CandidateFacts, DeskContact, MatchClass, ScreenCandidate, ScreeningReason } from '../../../contract/wanted';
import type { ActionCode } from '../../../contract/wanted-actions';
import { formatCalendarDate, formatPercent } from '../../i18n/format';
import { economyName, languageName } from './alert-labels';
import { AskHoldingDeskButton } from '../exchange/AskHoldingDeskButton';
import { DecisionBadge } from './components';

/** A reason in the reader's language; the engine's English when a code is not known yet. */
export function ReasonText({ reason }: { reason: ScreeningReason }) {
  const { t } = useTranslation('wanted');
  const values = { ...reason.values, ...(reason.values.kind ? { kind: t(`identifier.${reason.values.kind}`) } : {}) };
  return <>{t(`reason.${reason.code}`, { ...values, defaultValue: reason.text })}</>;
}

/** How to reach the holding desk: its name and economy, e-mail and duty phone when known. */
export function DeskContactLine({ desk }: { desk: DeskContact }) {
  const { t } = useTranslation('wanted');
  return (
    <Stack gap={2}>
      <Text fw={600}>{t('answer.desk', { desk: desk.name, economy: desk.economy })}</Text>
      {desk.phone && <Anchor href={`tel:${desk.phone}`}>{t('answer.phone', { phone: desk.phone })}</Anchor>}
      {desk.email && <Anchor href={`mailto:${desk.email}`}>{desk.email}</Anchor>}
      {!desk.phone && !desk.email && <Text size="sm">{t('answer.noContact')}</Text>}
    </Stack>
  );
}

/**
 * What the officer must do, first and large: on a match the action on a hit; on a possible
 * match never the action, but the referral to the holding desk with its contact.
 */
export function DecisionPanel({ decision, actionCode, actionToTake, desk }: { decision: MatchClass; actionCode: ActionCode | null; actionToTake: string | null; desk: DeskContact }) {
  const { t } = useTranslation('wanted');
  const match = decision === 'match';
  // The coded action in the reader's language, then the desk's free-text addition.
  const action = [actionCode ? t(`wanted-alerts:action.${actionCode}`) : '', actionToTake ?? ''].filter(Boolean).join('. ');
  return (
    <Box p="md" bg={match ? 'red.9' : 'yellow.3'} c={match ? 'white' : 'dark.9'} style={{ borderRadius: 8 }} data-decision={decision}>
      <Title order={3} size="h2" c="inherit">{t(`decision.${decision}`)}</Title>
      {match && action ? (
        <Text size="xl" fw={700} mt="xs" c="inherit">
          {t('screen.doNow')} {action}
        </Text>
      ) : (
        <Text size="lg" fw={700} mt="xs" c="inherit">{t('answer.referToDesk')}</Text>
      )}
      {!match && (
        <Box mt="xs">
          <DeskContactLine desk={desk} />
        </Box>
      )}
    </Box>
  );
}

/** What the officer compares with the person or object in front of him: photos and the alert's facts (readable answers only). */
export function AlertFacts({ alertId, label, facts }: { alertId: string; label: string; facts: CandidateFacts }) {
  const { t, i18n } = useTranslation('wanted');
  const { t: ta } = useTranslation('wanted-alerts');
  const rows: [string, string | null][] = [
    [t('field.dateOfBirth'), facts.dateOfBirth ? formatCalendarDate(facts.dateOfBirth) : null],
    [ta('field.sex'), facts.sex ? ta(`sex.${facts.sex}`) : null],
    [t('field.nationality'), facts.nationality ? economyName(facts.nationality, i18n.language) : null],
    [ta('field.languages'), facts.languages.map((code) => languageName(code, i18n.language)).join(', ') || null],
    [ta('field.physicalDescription'), facts.physicalDescription],
  ];
  const shown = rows.filter((row): row is [string, string] => Boolean(row[1]));
  return (
    <Stack gap="xs" data-testid="alert-facts">
      {facts.identityMisused && <Alert color="red" variant="filled" title={ta('misused.title')}>{ta('misused.body')}</Alert>}
      {facts.photoIds.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          {facts.photoIds.map((photoId, index) => (
            <Image key={photoId} src={`/api/wanted/alerts/${alertId}/photos/${photoId}?size=thumb`} alt={t('detail.photoAlt', { index: index + 1, name: label })} radius="sm" h={120} fit="contain" />
          ))}
        </SimpleGrid>
      )}
      {shown.length > 0 && (
        <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'minmax(6rem, max-content) 1fr', columnGap: '0.75rem', rowGap: 2 }}>
          {shown.map(([name, value]) => (
            <Box key={name} style={{ display: 'contents' }}>
              <Text component="dt" size="sm" fw={600}>{name}</Text>
              <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-line' }}>{value}</Text>
            </Box>
          ))}
        </Box>
      )}
    </Stack>
  );
}

/** One screening answer: the decision and the action first; the alert's summary and reasons only when readable. */
export function CandidateCard({ candidate }: { candidate: ScreenCandidate }) {
  const { t } = useTranslation('wanted');
  const reference = candidate.visibility === 'hit' ? candidate.reference : candidate.hitReference;
  return (
    <Card withBorder padding="sm" role="article" aria-label={candidate.visibility === 'hit' ? t('screen.hitOnlyTitle') : candidate.alert.label}>
      <Stack gap="sm">
        <DecisionPanel decision={candidate.decision} actionCode={candidate.actionCode} actionToTake={candidate.actionToTake} desk={candidate.holdingDesk} />
        {candidate.visibility === 'hit' ? (
          <Text>{t('screen.hitOnly', { desk: `${candidate.holdingDesk.name} (${candidate.holdingDesk.economy})` })}</Text>
        ) : (
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/wanted/alerts/${candidate.alert.id}`} fw={700} size="lg">{candidate.alert.label}</Anchor>
              <Group gap="xs" wrap="nowrap">
                <DecisionBadge decision={candidate.decision} />
                <Badge variant="outline" color="dark" style={{ flexShrink: 0 }}>{t('screen.score', { score: formatPercent(candidate.score) })}</Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">{[t(`kind.${candidate.alert.kind}`), candidate.alert.reference, candidate.alert.issuingDesk.name].join(' · ')}</Text>
            <AlertFacts alertId={candidate.alert.id} label={candidate.alert.label} facts={candidate.facts} />
            <List size="sm">
              {candidate.reasons.map((reason, index) => (
                <List.Item key={`${reason.code}-${index}`}><ReasonText reason={reason} /></List.Item>
              ))}
            </List>
          </Stack>
        )}
        {reference && (
          <Text size="sm">
            {t('screen.hitRecorded')} <code>{reference}</code>
          </Text>
        )}
        {reference && <AskHoldingDeskButton hitReference={reference} />}
        {candidate.screenCount > 1 && <Text size="sm">{t('answer.repeated', { count: candidate.screenCount })}</Text>}
      </Stack>
    </Card>
  );
}
