import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Activity, OverlapList, RegistryOptions } from '../../../contract/registry';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { useActivity, useOverlaps, useRegistryOptions, useSaveActivity } from './api';
import { type Draft, draftOf, draftProblems, inputOf, overlapInputOf, serverProblemKey } from './editor/draft';
import { BasicsSection, ClassificationSection, OrganisationsSection, TextsSection, VisibilitySection } from './editor/sections-core';
import { GeographySection } from './editor/sections-geo';
import { ContactsSection, FinanceSection, ResultsSection } from './editor/sections-money';

function OverlapPanel({ overlaps, waiting, acknowledged, onAcknowledge }: { overlaps: OverlapList['items']; waiting: boolean | null; acknowledged: boolean; onAcknowledge: (value: boolean) => void }) {
  const { t } = useTranslation('registry');
  return (
    <Stack>
      <Title order={2} size="h3">{t('overlap.title')}</Title>
      <Text size="sm">{t('overlap.intro')}</Text>
      <div aria-live="polite">
        {waiting === null ? (
          <Text c="dimmed">{t('overlap.startTyping')}</Text>
        ) : overlaps.length === 0 ? (
          <Text>{waiting ? t('overlap.checking') : t('overlap.none')}</Text>
        ) : (
          <Text fw={700}>{t('overlap.found', { count: overlaps.length })}</Text>
        )}
      </div>
      {overlaps.map((item) => (
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
      {overlaps.length > 0 && <Checkbox label={t('overlap.acknowledge', { count: overlaps.length })} checked={acknowledged} onChange={(event) => onAcknowledge(event.currentTarget.checked)} />}
    </Stack>
  );
}

function Editor({ activity, options }: { activity: Activity | null; options: RegistryOptions }) {
  const { t } = useTranslation('registry');
  usePageTitle(t(activity ? 'editor.editTitle' : 'editor.newTitle'));
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(activity, options));
  const [acknowledged, setAcknowledged] = useState(false);
  const [tried, setTried] = useState(false);
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const [debounced] = useDebouncedValue(draft, 400);
  const overlapInput = useMemo(() => overlapInputOf(debounced, activity?.id ?? null), [debounced, activity?.id]);
  const overlaps = useOverlaps(overlapInput);
  const shown = overlaps.data?.items ?? [];
  const save = useSaveActivity(activity?.id ?? null);
  const problems = useMemo(() => draftProblems(draft, options.currencies), [draft, options.currencies]);
  const serverErrors = save.error instanceof ApiError ? (save.error.errors ?? []) : [];
  const shareTotal = draft.recipientEconomies.reduce((sum, share) => sum + share.percentage, 0);
  const message = (key: string, path: string) => t(`error.${key}`, { total: formatNumber(shareTotal), field: path });
  const error = (path: string): string | undefined => {
    // The percentages are checked as they are typed; the other rules once a save was tried.
    const own = problems[path];
    if (own && (tried || own === 'percentages')) return message(own, path);
    const server = serverErrors.find((entry) => entry.path.replace(/^activity\./, '') === path);
    return server ? message(serverProblemKey(server.path), path) : undefined;
  };
  const sectionProps = { draft, update, error, options };
  const blocking = Object.keys(problems).length > 0;

  const submit = () => {
    setTried(true);
    if (blocking) return;
    save.mutate(
      { activity: inputOf(draft), acknowledgedOverlaps: acknowledged ? shown.map((item) => item.activity.id) : [] },
      {
        onSuccess: (saved) => void navigate(`/registry/${saved.id}`),
        onError: () => {
          setAcknowledged(false);
          void overlaps.refetch();
        },
      },
    );
  };
  const saveProblem = save.error instanceof ApiError
    ? serverErrors.some((entry) => entry.path === 'acknowledgedOverlaps')
      ? t('error.acknowledge')
      : save.error.status === 409
        ? t('error.identifierTaken')
        : t('error.fix')
    : save.error
      ? save.error.message
      : null;

  return (
    <Stack>
      <Title order={1}>{t(activity ? 'editor.editTitle' : 'editor.newTitle')}</Title>
      <Group align="start" wrap="wrap" gap="xl">
        <Stack style={{ flex: '2 1 560px', minWidth: 0 }}>
          <BasicsSection {...sectionProps} />
          <TextsSection {...sectionProps} />
          <OrganisationsSection {...sectionProps} />
          <GeographySection {...sectionProps} />
          <ClassificationSection {...sectionProps} />
          <FinanceSection {...sectionProps} />
          <ContactsSection {...sectionProps} />
          <ResultsSection {...sectionProps} />
          <VisibilitySection {...sectionProps} />
        </Stack>
        <Stack style={{ flex: '1 1 320px', position: 'sticky', top: 16 }}>
          <OverlapPanel overlaps={shown} waiting={overlapInput === null ? null : overlaps.isFetching} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
          {tried && blocking && (
            <Alert color="red" role="alert" title={t('error.title')}>
              {t('error.fix')}
              {Object.entries(problems).map(([path, key]) => (
                <Text key={path} size="sm">{`${t(`path.${path.split('.')[0]}`)}: ${message(key, path)}`}</Text>
              ))}
            </Alert>
          )}
          {saveProblem && !blocking && <Alert color="red" role="alert" title={t('error.title')}>{saveProblem}</Alert>}
          <Button onClick={submit} loading={save.isPending} disabled={shown.length > 0 && !acknowledged}>{t('editor.save')}</Button>
        </Stack>
      </Group>
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
