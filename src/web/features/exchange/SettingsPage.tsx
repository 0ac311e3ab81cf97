import { ActionIcon, Alert, Button, Card, Group, List, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EconomySettings, EconomySettingsInput, RoutingMode, SettingsProposal } from '../../../contract/exchange-routing';
import { ROUTING_MODES, SETTINGS_PROBLEM_PREFIX } from '../../../contract/exchange-routing';
import { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDateTime } from '../../i18n/format';
import { economyName } from './components';
import { useApproveSettings, useEconomySettings, useRejectSettings, useSaveSettings } from './settings-api';

const ECONOMIES = ['AL', 'BA', 'BG', 'HR', 'GR', 'XK', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'TR'];
const NONE = 'none';

/** A refusal in the UI language, from the problem's stable code and its fields' codes (never the server's English). */
function problemText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError) || !error.code?.startsWith(SETTINGS_PROBLEM_PREFIX)) return t('error');
  const code = error.code.slice(SETTINGS_PROBLEM_PREFIX.length);
  const refusal = /^refused_(.+)$/.exec(code)?.[1];
  const main = refusal ? t(`settings.refusal.${refusal}`, { defaultValue: t('error') }) : t(`settings.problem.${code}`, { defaultValue: t('error') });
  const fields = error.errors
    .filter((problem) => problem.code)
    .map((problem) => t(`settings.problem.${problem.code}`, { n: Number(/^rules\.(\d+)\./.exec(problem.path)?.[1] ?? 0) + 1, defaultValue: '' }));
  return [main, ...fields.filter(Boolean)].join(' ');
}

function inputOf(settings: EconomySettings): EconomySettingsInput {
  return { contactDeskId: settings.contactDeskChosen ? (settings.contactDesk?.id ?? null) : null, approval: settings.approval, rules: settings.rules };
}

/** Routing per crime area, the contact-point desk and the release approval level of one economy; widening changes wait for a second person. */
export function SettingsPage() {
  const { t, i18n } = useTranslation('exchange');
  const session = useSession();
  const own = session.data?.user?.economy ?? null;
  const regional = own !== null && !ECONOMIES.includes(own);
  const [economy, setEconomy] = useState<string | null>(regional ? null : own);
  useEffect(() => {
    if (!regional && own) setEconomy(own);
  }, [own, regional]);
  const settings = useEconomySettings(economy);
  const [saved, setSaved] = useState(false);

  return (
    <Stack>
      <Title order={1}>{t('settings.title')}</Title>
      <Text>{t('settings.intro')}</Text>
      {regional && (
        <Select label={t('settings.economy')} data={ECONOMIES.map((code) => ({ value: code, label: economyName(code, i18n.language) }))} value={economy} onChange={setEconomy} searchable />
      )}
      {settings.isPending && economy && <Loader aria-label={t('settings.loading')} />}
      {settings.isError && <Alert color="red" role="alert">{problemText(t, settings.error)}</Alert>}
      {settings.data && economy && (
        <>
          {saved && !settings.data.pending && <Alert color="green" variant="light">{t('settings.applied')}</Alert>}
          {settings.data.pending && <PendingChange economy={economy} userId={session.data?.user?.id ?? ''} settings={settings.data} pending={settings.data.pending} />}
          <SettingsForm key={`${economy}-${settings.data.updatedAt ?? ''}-${settings.data.pending ? 'p' : ''}`} economy={economy} settings={settings.data} onSaved={setSaved} />
        </>
      )}
    </Stack>
  );
}

function useLabels(settings: EconomySettings) {
  const { t, i18n } = useTranslation('exchange');
  const area = (slug: string) => {
    if (slug === '*') return t('settings.everyOtherArea');
    const topic = settings.choices.crimeAreas.find((candidate) => candidate.slug === slug);
    return topic ? (topic.names[i18n.language] ?? topic.names.en ?? slug) : slug;
  };
  const desk = (id: string | null) => {
    if (id === null) return t('settings.defaultDesk');
    return settings.choices.desks.find((candidate) => candidate.id === id)?.name ?? id;
  };
  return { area, desk };
}

function SettingsForm({ economy, settings, onSaved }: { economy: string; settings: EconomySettings; onSaved: (applied: boolean) => void }) {
  const { t } = useTranslation('exchange');
  const labels = useLabels(settings);
  const save = useSaveSettings(economy);
  const [draft, setDraft] = useState<EconomySettingsInput>(() => inputOf(settings));
  const editable = settings.abilities.update && settings.pending === null;
  const usedAreas = new Set(draft.rules.map((rule) => rule.crimeArea));
  const areaChoices = ['*', ...settings.choices.crimeAreas.map((area) => area.slug)];
  const setRule = (index: number, patch: Partial<{ crimeArea: string; mode: RoutingMode }>) =>
    setDraft((current) => ({ ...current, rules: current.rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)) }));
  const nextArea = areaChoices.find((slug) => !usedAreas.has(slug));

  const submit = () =>
    save.mutate(draft, {
      onSuccess: (result) => onSaved(result.pending === null),
    });

  return (
    <Card withBorder component="section" aria-labelledby="settings-current">
      <Stack>
        <Title order={2} size="h3" id="settings-current">{t('settings.current', { economy })}</Title>
        {settings.updatedAt && <Text size="sm" c="dimmed">{t('settings.updatedAt', { at: formatDateTime(settings.updatedAt) })}</Text>}
        {!settings.abilities.update && <Text size="sm">{t('settings.readOnly')}</Text>}
        {settings.abilities.update && settings.pending && <Text size="sm">{t('settings.lockedWhilePending')}</Text>}
        <Select
          label={t('settings.contactDesk')}
          description={t('settings.contactDeskHint')}
          disabled={!editable}
          data={[{ value: NONE, label: t('settings.defaultDesk') }, ...settings.choices.desks.map((desk) => ({ value: desk.id, label: desk.active ? desk.name : t('settings.inactiveDesk', { desk: desk.name }), disabled: !desk.active }))]}
          value={draft.contactDeskId ?? NONE}
          onChange={(value) => setDraft((current) => ({ ...current, contactDeskId: !value || value === NONE ? null : value }))}
          allowDeselect={false}
        />
        <div>
          <Text fw={600} size="sm">{t('settings.rules')}</Text>
          <Text size="xs" c="dimmed">{t('settings.rulesHint')}</Text>
          {draft.rules.length === 0 && <Text size="sm" mt="xs">{t('settings.noRules')}</Text>}
          {draft.rules.length > 0 && (
            <Table mt="xs" aria-label={t('settings.rules')}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('settings.area')}</Table.Th><Table.Th>{t('settings.mode')}</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {draft.rules.map((rule, index) => (
                  <Table.Tr key={`${rule.crimeArea}-${index}`}>
                    <Table.Td>
                      <Select
                        aria-label={t('settings.area')}
                        disabled={!editable}
                        data={areaChoices.filter((slug) => slug === rule.crimeArea || !usedAreas.has(slug)).map((slug) => ({ value: slug, label: labels.area(slug) }))}
                        value={rule.crimeArea}
                        onChange={(value) => value && setRule(index, { crimeArea: value })}
                        allowDeselect={false}
                        searchable
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('settings.mode')}
                        disabled={!editable}
                        data={ROUTING_MODES.map((mode) => ({ value: mode, label: t(`settings.modes.${mode}`) }))}
                        value={rule.mode}
                        onChange={(value) => value && setRule(index, { mode: value as RoutingMode })}
                        allowDeselect={false}
                      />
                    </Table.Td>
                    <Table.Td>
                      {editable && (
                        <ActionIcon variant="subtle" color="red" aria-label={t('settings.removeRule', { area: labels.area(rule.crimeArea) })} onClick={() => setDraft((current) => ({ ...current, rules: current.rules.filter((_, at) => at !== index) }))}>
                          ×
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {editable && nextArea && (
            <Button mt="xs" size="xs" variant="light" onClick={() => setDraft((current) => ({ ...current, rules: [...current.rules, { crimeArea: nextArea, mode: 'via_contact_point' }] }))}>
              {t('settings.addRule')}
            </Button>
          )}
        </div>
        <Group grow preventGrowOverflow={false} wrap="wrap">
          <Select
            label={t('settings.approvalClassification')}
            disabled={!editable}
            data={[{ value: NONE, label: t('settings.noApproval') }, { value: 'RESTRICTED', label: 'RESTRICTED' }, { value: 'CONFIDENTIAL', label: 'CONFIDENTIAL' }]}
            value={draft.approval.classification ?? NONE}
            onChange={(value) => setDraft((current) => ({ ...current, approval: { ...current.approval, classification: value === 'RESTRICTED' || value === 'CONFIDENTIAL' ? value : null } }))}
            allowDeselect={false}
          />
          <Select
            label={t('settings.approvalTlp')}
            disabled={!editable}
            data={[{ value: NONE, label: t('settings.noApproval') }, ...(['AMBER', 'AMBER+STRICT', 'RED'] as const).map((tlp) => ({ value: tlp, label: `TLP:${tlp}` }))]}
            value={draft.approval.tlp ?? NONE}
            onChange={(value) => setDraft((current) => ({ ...current, approval: { ...current.approval, tlp: value === 'AMBER' || value === 'AMBER+STRICT' || value === 'RED' ? value : null } }))}
            allowDeselect={false}
          />
          <Select
            label={t('settings.approverScope')}
            disabled={!editable}
            data={(['organisation', 'economy'] as const).map((scope) => ({ value: scope, label: t(`settings.scopes.${scope}`) }))}
            value={draft.approval.approverScope}
            onChange={(value) => setDraft((current) => ({ ...current, approval: { ...current.approval, approverScope: value === 'economy' ? 'economy' : 'organisation' } }))}
            allowDeselect={false}
          />
        </Group>
        <Text size="xs" c="dimmed">{t('settings.fourEyesHint')}</Text>
        {save.error && <Alert color="red" role="alert">{problemText(t, save.error)}</Alert>}
        {editable && (
          <Group>
            <Button onClick={submit} loading={save.isPending}>{t('settings.save')}</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function PendingChange({ economy, userId, settings, pending }: { economy: string; userId: string; settings: EconomySettings; pending: SettingsProposal }) {
  const { t } = useTranslation('exchange');
  const labels = useLabels(settings);
  const approve = useApproveSettings(economy);
  const reject = useRejectSettings(economy);
  const { approval } = pending.proposal;
  const error = approve.error ?? reject.error;
  const mine = pending.proposedBy.id === userId;
  return (
    <Alert color="yellow" variant="light" title={t('settings.pendingTitle')} data-testid="settings-pending">
      <Stack gap="xs">
        <Text size="sm">{t('settings.pendingBy', { name: pending.proposedBy.name, at: formatDateTime(pending.proposedAt) })}</Text>
        <Text size="sm" fw={600}>{t('settings.widens')}</Text>
        <List size="sm">
          {pending.widens.map((part) => <List.Item key={part}>{t(`settings.widening.${part.replace('.', '_')}`)}</List.Item>)}
        </List>
        <Text size="sm">{t('settings.proposedDesk', { desk: pending.contactDesk?.name ?? labels.desk(null) })}</Text>
        <List size="sm">
          {pending.proposal.rules.map((rule) => <List.Item key={rule.crimeArea}>{labels.area(rule.crimeArea)}: {t(`settings.modes.${rule.mode}`)}</List.Item>)}
        </List>
        <Text size="sm">
          {t('settings.proposedApproval', {
            classification: approval.classification ?? t('settings.noApproval'),
            tlp: approval.tlp ? `TLP:${approval.tlp}` : t('settings.noApproval'),
            scope: t(`settings.scopes.${approval.approverScope}`),
          })}
        </Text>
        {pending.approvalRefusal && <Text size="sm" c="dimmed">{t(`settings.refusal.${pending.approvalRefusal}`)}</Text>}
        <Group gap="xs">
          {pending.abilities.approve && <Button size="xs" onClick={() => approve.mutate(undefined)} loading={approve.isPending}>{t('settings.approve')}</Button>}
          {pending.abilities.reject && (
            <Button size="xs" variant="light" color="red" onClick={() => reject.mutate(undefined)} loading={reject.isPending}>
              {mine ? t('settings.withdraw') : t('settings.reject')}
            </Button>
          )}
        </Group>
        {error && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
      </Stack>
    </Alert>
  );
}
