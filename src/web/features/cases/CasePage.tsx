import { Alert, Badge, Button, Card, Group, Modal, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type CaseView, type EntityView, TEAM_ROLES, type TeamRole } from '../../../contract/cases';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatCalendarDate } from '../../i18n/format';
import { useAddTeamMember, useAskFollowUp, useCase, useCaseOptions, useCorrelations, useEndMembership, useUnlinkEntity } from './api';
import { Documents } from './Documents';
import { Timeline } from './Timeline';
import { CaseGraph } from './CaseGraph';
import { MarkingBadge, useProblemText } from './components';
import { EntityEditForm, EntityForm, LinkMarkingForm } from './EntityForm';
import { CaseInterop } from './interop/CaseInterop';

function Correlations({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const correlations = useCorrelations(caseId);
  const ask = useAskFollowUp();
  const problems = useProblemText();
  return (
    <QueryState query={correlations}>
      {(data) => (
        <Stack gap="xs">
          {data.items.length === 0 && <Text c="dimmed">{t('correlations.none')}</Text>}
          {ask.error && <Alert color="red" role="alert">{problems(ask.error).join(' ')}</Alert>}
          {data.items.map((item) => (
            <Card key={`${item.correlationId}:${item.holdingLinkId}`} withBorder padding="sm">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Text fw={600}>{item.visibility === 'hit' ? t('correlations.held', { desk: item.holdingDesk.name }) : (item.other?.label ?? '')}</Text>
                  <Text size="sm">{t(`entity.kind.${item.kind}`)} · {t(`correlations.basis.${item.basis}`)} · {item.reference}</Text>
                  {item.other?.caseId && <Link to={`/cases/${item.other.caseId}`}>{item.other.title}</Link>}
                </Stack>
                {item.visibility === 'hit' && !item.followUp && (
                  <Button size="xs" onClick={() => ask.mutate({ correlationId: item.correlationId, holdingLinkId: item.holdingLinkId })} loading={ask.isPending}>{t('correlations.ask')}</Button>
                )}
                {item.followUp && <Badge color="dark">{t(`followUp.state.${item.followUp.state}`)}</Badge>}
                {item.visibility === 'released' && <Badge color="dark">{t('correlations.released')}</Badge>}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

function Team({ view }: { view: CaseView }) {
  const { t } = useTranslation('cases');
  const options = useCaseOptions(view.abilities['cases.team.manage']);
  const add = useAddTeamMember(view.id);
  const end = useEndMembership(view.id);
  const problems = useProblemText();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [role, setRole] = useState<TeamRole>('member');
  const [startsOn, setStartsOn] = useState(new Date().toISOString().slice(0, 10));
  return (
    <Stack gap="xs">
      {view.team.length === 0 && <Text c="dimmed">{t('team.none')}</Text>}
      {view.team.map((member) => (
        <Group key={member.id} justify="space-between">
          <Text>{member.organisation.name} ({member.organisation.economy}) · {t(`team.role.${member.role}`)} · {formatCalendarDate(member.startsOn)}{member.endsOn ? ` – ${formatCalendarDate(member.endsOn)}` : ''}</Text>
          {member.active ? <Badge color="dark">{t('team.active')}</Badge> : <Badge color="gray.8">{t('team.ended')}</Badge>}
          {member.active && (view.abilities['cases.team.manage'] || view.abilities['cases.team.leave']) && (
            <Button size="xs" variant="default" onClick={() => end.mutate(member.id)}>{view.abilities['cases.team.manage'] ? t('team.remove') : t('team.leave')}</Button>
          )}
        </Group>
      ))}
      {view.abilities['cases.team.manage'] && options.data && (
        <Group align="end" wrap="wrap">
          <Select label={t('team.organisation')} searchable data={options.data.organisations.filter((o) => o.economy !== view.ownerEconomy).map((o) => ({ value: o.id, label: `${o.name} (${o.economy})` }))} value={organisationId} onChange={setOrganisationId} miw={260} />
          <Select label={t('team.roleLabel')} data={TEAM_ROLES.map((value) => ({ value, label: t(`team.role.${value}`) }))} value={role} onChange={(v) => v && setRole(v as TeamRole)} allowDeselect={false} />
          <TextInput type="date" label={t('team.startsOn')} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} />
          <Button disabled={!organisationId} onClick={() => organisationId && add.mutate({ organisationId, role, startsOn, endsOn: null })} loading={add.isPending}>{t('team.add')}</Button>
        </Group>
      )}
      {add.error && <Alert color="red" role="alert">{problems(add.error).join(' ')}</Alert>}
    </Stack>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const view = useCase(id);
  const unlink = useUnlinkEntity(id);
  const [editing, setEditing] = useState<EntityView | null>(null);
  usePageTitle(view.data?.reference ?? t('case.title'));
  return (
    <QueryState query={view}>
      {(data) => (
        <Stack>
          <Group justify="space-between" wrap="wrap">
            <Title order={1}>{data.reference}: {data.title}</Title>
            <MarkingBadge classification={data.classification} tlp={data.tlp} />
          </Group>
          <Text>{t(`crimeArea.${data.crimeArea}`)} · {t(`status.${data.status}`)} · {data.ownerDesk.name} · {formatCalendarDate(data.openedOn)}</Text>
          {data.summary && <Text>{data.summary}</Text>}
          <CaseInterop view={data} />
          <Tabs defaultValue="entities" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="entities">{t('case.entities')}</Tabs.Tab>
              <Tabs.Tab value="correlations">{t('case.correlations')}</Tabs.Tab>
              <Tabs.Tab value="graph">{t('case.graph')}</Tabs.Tab>
              <Tabs.Tab value="team">{t('case.team')}</Tabs.Tab>
              <Tabs.Tab value="timeline">{t('case.timeline')}</Tabs.Tab>
              <Tabs.Tab value="documents">{t('case.documents')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="entities" pt="md">
              <Stack>
                <Table.ScrollContainer minWidth={500}>
                  <Table>
                    <Table.Thead><Table.Tr><Table.Th>{t('entity.kindLabel')}</Table.Th><Table.Th>{t('entity.label')}</Table.Th><Table.Th>{t('field.marking')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
                    <Table.Tbody>
                      {data.entities.map((entity) => (
                        <Table.Tr key={entity.linkId}><Table.Td>{t(`entity.kind.${entity.kind}`)}</Table.Td><Table.Td>{entity.label}</Table.Td><Table.Td><MarkingBadge classification={entity.marking.classification} tlp={entity.marking.tlp} /></Table.Td>
                          <Table.Td>{data.abilities['cases.entity.add'] && (
                            <Group gap="xs" wrap="nowrap">
                              <Button size="xs" variant="default" onClick={() => setEditing(entity)} aria-label={t('entity.editOne', { label: entity.label })}>{t('entity.edit')}</Button>
                              <Button size="xs" variant="default" onClick={() => unlink.mutate(entity.entityId)} aria-label={t('entity.unlinkOne', { label: entity.label })}>{t('entity.unlink')}</Button>
                            </Group>
                          )}</Table.Td></Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Modal closeButtonProps={{ 'aria-label': t('entity.closeDialog') }} opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('entity.editTitle', { label: editing.label }) : ''} size="lg">
                  {editing && (
                    <Stack>
                      <EntityEditForm caseId={data.id} entity={editing} onDone={() => setEditing(null)} />
                      <Title order={2} size="h5">{t('entity.markingTitle')}</Title>
                      <LinkMarkingForm caseId={data.id} entity={editing} onDone={() => setEditing(null)} />
                    </Stack>
                  )}
                </Modal>
                {data.abilities['cases.entity.add'] && (
                  <Card withBorder>
                    <Title order={2} size="h4" mb="sm">{t('entity.addTitle')}</Title>
                    <EntityForm caseId={data.id} caseMarking={data.marking} />
                  </Card>
                )}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="correlations" pt="md"><Correlations caseId={data.id} /></Tabs.Panel>
            <Tabs.Panel value="graph" pt="md"><CaseGraph caseId={data.id} /></Tabs.Panel>
            <Tabs.Panel value="team" pt="md"><Team view={data} /></Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md"><Timeline view={data} /></Tabs.Panel>
            <Tabs.Panel value="documents" pt="md"><Documents view={data} /></Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}
