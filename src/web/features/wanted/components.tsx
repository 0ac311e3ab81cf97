import { Badge, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Recipients } from '../../../contract/wanted';

// Filled red.9 with white text is 5.5:1; a possible match is dark text on yellow (over 10:1).
const DECISION_COLOURS = { match: { color: 'red.9', c: 'white' }, possible: { color: 'yellow.4', c: 'dark.9' }, no_match: { color: 'gray.7', c: 'white' } } as const;
/** Badges never cut their label ("ACTI…"): they keep their width and wrap as a whole. */
const WHOLE_LABEL = { root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

export function DecisionBadge({ decision }: { decision: keyof typeof DECISION_COLOURS }) {
  const { t } = useTranslation('wanted');
  return <Badge {...DECISION_COLOURS[decision]} styles={WHOLE_LABEL}>{t(`decision.${decision}`)}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('wanted');
  const colour = status === 'active' ? 'green' : status === 'withdrawn' ? 'gray' : status === 'pending' ? 'orange' : status === 'confirmed' ? 'red' : 'dark';
  return <Badge color={colour} variant="light" styles={WHOLE_LABEL}>{t(`status.${status}`)}</Badge>;
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
