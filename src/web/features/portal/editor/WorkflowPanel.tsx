import '@mantine/dates/styles.css';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EditorWorkflowState, WorkflowTransition, WorkflowType } from '../../../../contract/portal';
import { useRevisions, useTransition } from '../api';
import { formatDate } from '../../../i18n/format';
import { changedFieldsText } from './fieldLabels';
import { problemMessage } from './formErrors';
import { PickerLocale } from './PickerLocale';

export function StatusBadge({ workflow }: { workflow: EditorWorkflowState }) {
  const { t } = useTranslation('portal');
  const color = workflow.scheduled ? 'violet' : { draft: 'gray', in_review: 'orange', published: 'green', archived: 'dark' }[workflow.status];
  // Near-black text on the light tint keeps WCAG AA contrast for every colour (Mantine's own shade does not).
  const style = { textTransform: 'none', '--badge-color': 'var(--mantine-color-dark-7)' } as CSSProperties;
  return (
    <Badge color={color} variant="light" style={style}>
      {workflow.scheduled ? t('state.scheduled') : t(`state.${workflow.status}`)}
    </Badge>
  );
}

/** "2026-12-01 09:30:00" (local, from the picker) → an ISO 8601 instant. */
function toInstant(local: string): string {
  return new Date(local.replace(' ', 'T')).toISOString();
}

/** Workflow buttons, shown from the record's own abilities, and the revision history. */
export function WorkflowPanel({ type, id, workflow }: { type: WorkflowType; id: string; workflow: EditorWorkflowState }) {
  const { t } = useTranslation('portal');
  const transition = useTransition(type, id);
  const [note, setNote] = useState('');
  const [scheduleAt, setScheduleAt] = useState<string | null>(null);
  const { abilities } = workflow;

  const run = (name: WorkflowTransition, publishAt?: string) =>
    transition.mutate(
      { transition: name, note: note.trim() || undefined, publishAt },
      {
        onSuccess: () => {
          setNote('');
          setScheduleAt(null);
          notifications.show({ color: 'green', message: t(`workflow.done.${name}`) });
        },
      },
    );

  const any = abilities.submit || abilities.return || abilities.publish || abilities.archive || abilities.restore;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="workflow-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="workflow-heading">
            {t('workflow.title')}
          </Title>
          <StatusBadge workflow={workflow} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('workflow.revision', { number: workflow.revision })} · {t('workflow.updated', { date: formatDate(workflow.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
        </Text>
        {workflow.publishAt && (
          <Text size="sm" c="dimmed">
            {t(workflow.scheduled ? 'workflow.scheduledFor' : 'workflow.publishedAt', { date: formatDate(workflow.publishAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
          </Text>
        )}
        {workflow.submittedBy && workflow.status === 'in_review' && (
          <Text size="sm" c="dimmed">
            {t('workflow.submittedBy', { name: workflow.submittedBy })}
          </Text>
        )}
        <Button component={Link} to={`/editor/${type}/${id}/preview`} variant="default" mt="sm" fullWidth>
          {t('editorAids.preview.open')}
        </Button>
        {transition.error && (
          <Alert color="red" mt="sm" role="alert">
            {problemMessage(transition.error, t('workflow.failed'))}
          </Alert>
        )}
        {any ? (
          <Stack gap="xs" mt="md">
            <TextInput label={t('workflow.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={1000} />
            {abilities.submit && (
              <Button onClick={() => run('submit')} loading={transition.isPending}>
                {t('workflow.submit')}
              </Button>
            )}
            {abilities.publish && (
              <>
                <Button color="green" onClick={() => run('publish')} loading={transition.isPending}>
                  {t('workflow.publishNow')}
                </Button>
                <PickerLocale>
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <DateTimePicker
                    label={t('workflow.scheduleAt')}
                    value={scheduleAt}
                    onChange={setScheduleAt}
                    minDate={new Date()}
                    valueFormat="YYYY-MM-DD HH:mm"
                    clearable
                    style={{ flex: 1 }}
                    popoverProps={{ withinPortal: true }}
                  />
                  <Button variant="light" color="violet" disabled={!scheduleAt} onClick={() => scheduleAt && run('publish', toInstant(scheduleAt))}>
                    {t('workflow.schedule')}
                  </Button>
                </Group>
                </PickerLocale>
              </>
            )}
            {abilities.return && (
              <Button variant="light" onClick={() => run('return')} loading={transition.isPending}>
                {t('workflow.return')}
              </Button>
            )}
            {abilities.archive && (
              <Button variant="light" color="red" onClick={() => run('archive')} loading={transition.isPending}>
                {t('workflow.archive')}
              </Button>
            )}
            {abilities.restore && (
              <Button variant="light" onClick={() => run('restore')} loading={transition.isPending}>
                {t('workflow.restore')}
              </Button>
            )}
          </Stack>
        ) : (
          <Text size="sm" mt="sm">
            {t('workflow.nothingToDo')}
          </Text>
        )}
      </Paper>
      <Revisions type={type} id={id} />
    </Stack>
  );
}

function Revisions({ type, id }: { type: WorkflowType; id: string }) {
  const { t, i18n } = useTranslation('portal');
  const revisions = useRevisions(type, id);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="revisions-heading">
      <Title order={2} size="h4" id="revisions-heading" mb="sm">
        {t('workflow.history')}
      </Title>
      {revisions.data ? (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {revisions.data.items.map((revision) => (
            <Timeline.Item key={revision.number} title={`#${revision.number} · ${t(`workflow.change.${revision.change}`, { defaultValue: revision.change })}`}>
              <Text size="xs" c="dimmed">
                {revision.authorName} · {formatDate(revision.at, { dateStyle: 'medium', timeStyle: 'short' })} · {t(`state.${revision.status}`)}
              </Text>
              {revision.changedFields.length > 0 && (
                <Text size="xs">
                  {t('workflow.changed')}: {changedFieldsText(t, i18n.language, revision.changedFields)}
                </Text>
              )}
              {revision.note && (
                <Text size="xs" fs="italic">
                  “{revision.note}”
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      ) : (
        <Text size="sm" c="dimmed">
          {revisions.error ? t('workflow.historyFailed') : t('loading', { ns: 'common' })}
        </Text>
      )}
    </Paper>
  );
}
