import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CLASSIFICATIONS, TLP_LEVELS } from '../../../contract/core';
import { ACTIVITY_STATUSES, type Activity, type ActivityInput, DAC_SECTORS, NARRATIVE_LANGUAGES, type OverlapInput, type RegistryOptions, TARGET_GROUPS } from '../../../contract/registry';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { REGION_ECONOMIES, useEconomyName } from '../portal/components/economies';
import { useActivity, useOverlaps, useRegistryOptions, useSaveActivity } from './api';

interface Draft {
  identifier: string;
  orgRef: string;
  orgName: string;
  title: string;
  otherLang: string | null;
  otherTitle: string;
  description: string;
  funder: string;
  implementer: string;
  status: string;
  start: string;
  end: string;
  shares: Record<string, number>;
  topics: string[];
  groups: string[];
  sectors: string[];
  budget: number | string;
  currency: string;
  isPublic: boolean;
  classification: string;
  tlp: string;
  releasableEconomies: string[];
}

function draftOf(activity: Activity | null, options: RegistryOptions): Draft {
  const other = activity?.title[1];
  const marking = activity && !activity.visibility.public ? activity.visibility.marking : null;
  return {
    identifier: activity?.identifier ?? '',
    orgRef: activity?.reportingOrg.ref ?? '',
    orgName: activity?.reportingOrg.name ?? options.ownOrganisation.name,
    title: activity?.title[0]?.text ?? '',
    otherLang: other?.lang ?? null,
    otherTitle: other?.text ?? '',
    description: activity?.description[0]?.text ?? '',
    funder: activity?.participatingOrgs.find((org) => org.role === 'funding')?.name ?? options.ownOrganisation.name,
    implementer: activity?.participatingOrgs.find((org) => org.role === 'implementing')?.name ?? '',
    status: activity?.status ?? 'pipeline',
    start: activity?.plannedStart ?? '',
    end: activity?.plannedEnd ?? '',
    shares: Object.fromEntries((activity?.recipientEconomies ?? []).map((economy) => [economy.code, economy.percentage])),
    topics: activity?.topics ?? [],
    groups: activity?.targetGroups ?? [],
    sectors: activity?.sectors ?? [],
    budget: activity?.budgets.reduce((sum, budget) => sum + budget.value, 0) ?? '',
    currency: activity?.budgets[0]?.currency ?? 'EUR',
    isPublic: activity?.visibility.public ?? true,
    classification: marking?.classification ?? 'RESTRICTED',
    tlp: marking?.tlp ?? 'AMBER',
    releasableEconomies: marking?.releasableEconomies ?? [],
  };
}

function inputOf(draft: Draft, activity: Activity | null): ActivityInput {
  const participating = [
    ...(draft.funder ? [{ role: 'funding' as const, name: draft.funder, ref: null }] : []),
    ...(draft.implementer ? [{ role: 'implementing' as const, name: draft.implementer, ref: null }] : []),
    ...(activity?.participatingOrgs.filter((org) => org.role !== 'funding' && org.role !== 'implementing') ?? []),
  ];
  const budget = Number(draft.budget);
  return {
    ...(activity ?? { actualStart: null, actualEnd: null, locations: [], transactions: [], contacts: [], documents: [], results: [] }),
    identifier: draft.identifier.trim(),
    reportingOrg: { ref: draft.orgRef.trim(), name: draft.orgName.trim(), type: activity?.reportingOrg.type ?? '10' },
    title: [{ lang: 'en', text: draft.title.trim() }, ...(draft.otherLang && draft.otherTitle.trim() ? [{ lang: draft.otherLang as ActivityInput['title'][number]['lang'], text: draft.otherTitle.trim() }] : [])],
    description: draft.description.trim() ? [{ lang: 'en', text: draft.description.trim() }] : [],
    participatingOrgs: participating,
    status: draft.status as ActivityInput['status'],
    plannedStart: draft.start,
    plannedEnd: draft.end,
    recipientEconomies: Object.entries(draft.shares).map(([code, percentage]) => ({ code, percentage })),
    sectors: draft.sectors as ActivityInput['sectors'],
    topics: draft.topics,
    targetGroups: draft.groups as ActivityInput['targetGroups'],
    budgets: budget > 0 && draft.start && draft.end ? [{ periodStart: draft.start, periodEnd: draft.end, value: budget, currency: draft.currency, valueDate: draft.start }] : [],
    visibility: draft.isPublic
      ? { public: true }
      : { public: false, marking: { classification: draft.classification as 'RESTRICTED', tlp: draft.tlp as 'AMBER', releasableEconomies: draft.releasableEconomies, releasableOrganisations: [], sharingGroups: [], originatorControl: false } },
  };
}

function overlapInputOf(draft: Draft, excludeId: string | null): OverlapInput | null {
  const title = [draft.title, draft.otherTitle].filter((text) => text.trim());
  if (title.length === 0 && Object.keys(draft.shares).length === 0) return null;
  return {
    excludeId,
    title,
    description: draft.description.trim() ? [draft.description] : [],
    recipientEconomies: Object.entries(draft.shares).map(([code, percentage]) => ({ code, percentage })),
    plannedStart: /^\d{4}-\d{2}-\d{2}$/.test(draft.start) ? draft.start : null,
    plannedEnd: /^\d{4}-\d{2}-\d{2}$/.test(draft.end) ? draft.end : null,
    topics: draft.topics,
    targetGroups: draft.groups as OverlapInput['targetGroups'],
    sectors: draft.sectors as OverlapInput['sectors'],
    implementers: draft.implementer ? [draft.implementer] : [],
  };
}

function Editor({ activity, options }: { activity: Activity | null; options: RegistryOptions }) {
  const { t } = useTranslation('registry');
  usePageTitle(t(activity ? 'editor.editTitle' : 'editor.newTitle'));
  const navigate = useNavigate();
  const economyName = useEconomyName();
  const [draft, setDraft] = useState<Draft>(() => draftOf(activity, options));
  const [acknowledged, setAcknowledged] = useState(false);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const [debounced] = useDebouncedValue(draft, 400);
  const overlapInput = useMemo(() => overlapInputOf(debounced, activity?.id ?? null), [debounced, activity?.id]);
  const overlaps = useOverlaps(overlapInput);
  const shown = overlaps.data?.items ?? [];
  const save = useSaveActivity(activity?.id ?? null);
  const shareTotal = Object.values(draft.shares).reduce((sum, value) => sum + value, 0);
  const errors = save.error instanceof ApiError ? (save.error.errors ?? []) : [];
  const errorOf = (path: string) => errors.find((error) => error.path === path || error.path.startsWith(`${path}.`))?.message;

  const submit = () => {
    save.mutate(
      { activity: inputOf(draft, activity), acknowledgedOverlaps: acknowledged ? shown.map((item) => item.activity.id) : [] },
      {
        onSuccess: (saved) => void navigate(`/registry/${saved.id}`),
        onError: () => {
          setAcknowledged(false);
          void overlaps.refetch();
        },
      },
    );
  };

  return (
    <Stack>
      <Title order={1}>{t(activity ? 'editor.editTitle' : 'editor.newTitle')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack>
          <TextInput label={t('field.identifier')} description={t('editor.identifierHelp')} value={draft.identifier} onChange={(event) => set('identifier')(event.currentTarget.value)} error={errorOf('activity.identifier')} required />
          <Group grow>
            <TextInput label={t('field.reportingOrgRef')} value={draft.orgRef} onChange={(event) => set('orgRef')(event.currentTarget.value)} required />
            <TextInput label={t('field.reportingOrg')} value={draft.orgName} onChange={(event) => set('orgName')(event.currentTarget.value)} required />
          </Group>
          <TextInput label={t('field.titleEn')} value={draft.title} onChange={(event) => set('title')(event.currentTarget.value)} required />
          <Group grow align="end">
            <Select label={t('field.otherLanguage')} data={NARRATIVE_LANGUAGES.filter((lang) => lang !== 'en').map((lang) => ({ value: lang, label: t(`language.${lang}`) }))} value={draft.otherLang} onChange={set('otherLang')} clearable />
            <TextInput label={t('field.otherTitle')} value={draft.otherTitle} onChange={(event) => set('otherTitle')(event.currentTarget.value)} disabled={!draft.otherLang} />
          </Group>
          <Textarea label={t('field.description')} value={draft.description} onChange={(event) => set('description')(event.currentTarget.value)} autosize minRows={3} />
          <Group grow>
            <TextInput label={t('role.funding')} value={draft.funder} onChange={(event) => set('funder')(event.currentTarget.value)} required error={errorOf('participatingOrgs')} />
            <TextInput label={t('role.implementing')} value={draft.implementer} onChange={(event) => set('implementer')(event.currentTarget.value)} />
          </Group>
          <Group grow>
            <Select label={t('field.status')} data={ACTIVITY_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} value={draft.status} onChange={(value) => set('status')(value ?? 'pipeline')} allowDeselect={false} />
            <TextInput type="date" label={t('field.plannedStart')} value={draft.start} onChange={(event) => set('start')(event.currentTarget.value)} required />
            <TextInput type="date" label={t('field.plannedEnd')} value={draft.end} onChange={(event) => set('end')(event.currentTarget.value)} required error={errorOf('plannedEnd') && t('error.endBeforeStart')} />
          </Group>
          <MultiSelect
            label={t('field.economies')}
            data={REGION_ECONOMIES.map((code) => ({ value: code, label: economyName(code) }))}
            value={Object.keys(draft.shares)}
            onChange={(codes) => set('shares')(Object.fromEntries(codes.map((code) => [code, draft.shares[code] ?? Math.floor(100 / codes.length)])))}
            required
          />
          {Object.keys(draft.shares).length > 1 && (
            <Group>
              {Object.entries(draft.shares).map(([code, value]) => (
                <NumberInput key={code} label={`${economyName(code)} %`} value={value} min={0} max={100} w={130} onChange={(next) => set('shares')({ ...draft.shares, [code]: Number(next) || 0 })} />
              ))}
            </Group>
          )}
          {Object.keys(draft.shares).length > 0 && Math.abs(shareTotal - 100) > 0.01 && <Text c="red.9" role="alert">{t('error.percentages', { total: formatNumber(shareTotal) })}</Text>}
          <MultiSelect label={t('field.topics')} data={options.topics.map((topic) => ({ value: topic.slug, label: t(`topic.${topic.slug}`, { defaultValue: topic.name }) }))} value={draft.topics} onChange={set('topics')} />
          <MultiSelect label={t('field.targetGroups')} data={TARGET_GROUPS.map((group) => ({ value: group, label: t(`group.${group}`) }))} value={draft.groups} onChange={set('groups')} />
          <MultiSelect label={t('field.sectors')} data={DAC_SECTORS.map((code) => ({ value: code, label: `${code} ${t(`sector.${code}`)}` }))} value={draft.sectors} onChange={set('sectors')} />
          <Group grow>
            <NumberInput label={t('field.budget')} value={draft.budget} min={0} thousandSeparator=" " onChange={set('budget')} />
            <Select label={t('field.currency')} data={options.currencies} value={draft.currency} onChange={(value) => set('currency')(value ?? 'EUR')} allowDeselect={false} error={errorOf('activity.budgets') && t('error.currency')} />
          </Group>
          <Checkbox label={t('field.publicCheckbox')} checked={draft.isPublic} onChange={(event) => set('isPublic')(event.currentTarget.checked)} />
          {!draft.isPublic && (
            <Group grow>
              <Select label={t('field.classification')} data={CLASSIFICATIONS.filter((level) => level !== 'PUBLIC')} value={draft.classification} onChange={(value) => set('classification')(value ?? 'RESTRICTED')} allowDeselect={false} />
              <Select label="TLP" data={[...TLP_LEVELS]} value={draft.tlp} onChange={(value) => set('tlp')(value ?? 'AMBER')} allowDeselect={false} />
              <MultiSelect label={t('field.releasableTo')} data={options.economies} value={draft.releasableEconomies} onChange={set('releasableEconomies')} />
            </Group>
          )}
        </Stack>
        <Stack>
          <Title order={2} size="h3">{t('overlap.title')}</Title>
          <Text size="sm">{t('overlap.intro')}</Text>
          <div aria-live="polite">
            {overlapInput === null ? (
              <Text c="dimmed">{t('overlap.startTyping')}</Text>
            ) : shown.length === 0 ? (
              <Text>{overlaps.isFetching ? t('overlap.checking') : t('overlap.none')}</Text>
            ) : (
              <Text fw={700}>{t('overlap.found', { count: shown.length })}</Text>
            )}
          </div>
          {shown.map((item) => (
            <Card key={item.activity.id} withBorder data-testid="overlap">
              <Group justify="space-between" align="start">
                <Anchor component={Link} to={`/registry/${item.activity.id}`} target="_blank" fw={700}>{item.activity.title}</Anchor>
                <Badge color="red.9">{t('overlap.score', { score: formatNumber(Math.round(item.score * 100)) })}</Badge>
              </Group>
              <Text size="sm">{item.activity.reportingOrg} · {item.activity.implementers.join(', ')} · {item.activity.economies.join(', ')}</Text>
              <Group gap={4} mt="xs">
                {item.reasons.map((reason) => (
                  <Badge key={reason.code} color="gray.8">{t(`reason.${reason.code}`)}{reason.shared.length ? `: ${reason.shared.slice(0, 4).join(', ')}` : ''}</Badge>
                ))}
              </Group>
              <Text size="sm" mt="xs">{t('overlap.contact', { organisation: item.activity.ownerOrganisation })}</Text>
            </Card>
          ))}
          {shown.length > 0 && <Checkbox label={t('overlap.acknowledge', { count: shown.length })} checked={acknowledged} onChange={(event) => setAcknowledged(event.currentTarget.checked)} />}
          {save.error && (
            <Alert color="red" role="alert" title={t('error.title')}>
              {save.error instanceof ApiError && errors.some((error) => error.path === 'acknowledgedOverlaps') ? t('error.acknowledge') : save.error.message}
              {errors.filter((error) => error.path !== 'acknowledgedOverlaps').map((error) => (
                <Text key={`${error.path}-${error.message}`} size="sm">{`${error.path}: ${error.message}`}</Text>
              ))}
            </Alert>
          )}
          <Button onClick={submit} loading={save.isPending} disabled={shown.length > 0 && !acknowledged}>{t('editor.save')}</Button>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

export function ActivityEditorPage() {
  const { id } = useParams();
  const options = useRegistryOptions();
  return <QueryState query={options}>{(data) => (id ? <ExistingEditor id={id} options={data} /> : <Editor activity={null} options={data} />)}</QueryState>;
}

function ExistingEditor({ id, options }: { id: string; options: RegistryOptions }) {
  const activity = useActivity('secure', id);
  return <QueryState query={activity}>{(data) => <Editor activity={data} options={options} />}</QueryState>;
}
