import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditOutcome } from '../../../contract/audit';
import type { AuditFilters } from './api';

interface AuditFilterFormProps {
  filters: AuditFilters;
  onApply(filters: AuditFilters): void;
}

const EMPTY: Required<Record<keyof AuditFilters, string>> = { user: '', action: '', recordType: '', recordId: '', outcome: '', from: '', to: '' };

function toDraft(filters: AuditFilters) {
  return { ...EMPTY, ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) };
}

/** The filters of the audit log; they apply on submit so that typing does not query on every key. */
export function AuditFilterForm({ filters, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState(() => toDraft(filters));
  // The draft follows the applied filters only when they change from outside the form (back,
  // a link, Clear): after the form's own submit the user may already be typing the next filter,
  // which a reset would wipe. A new object with the same values changes nothing either.
  const appliedKey = JSON.stringify(toDraft(filters));
  const submittedKey = useRef<string | null>(null);
  useEffect(() => {
    if (appliedKey !== submittedKey.current) setDraft(JSON.parse(appliedKey) as ReturnType<typeof toDraft>);
    submittedKey.current = null;
  }, [appliedKey]);
  const field = (name: keyof AuditFilters) => ({
    // Mantine's default description grey is below WCAG AA contrast on white.
    styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setDraft((current) => ({ ...current, [name]: value }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = AuditOutcome.safeParse(draft.outcome);
    const next: AuditFilters = {
      user: draft.user.trim() || undefined,
      action: draft.action.trim() || undefined,
      recordType: draft.recordType.trim() || undefined,
      recordId: draft.recordId.trim() || undefined,
      outcome: outcome.success ? outcome.data : undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
    };
    submittedKey.current = JSON.stringify(toDraft(next));
    onApply(next);
  };

  return (
    <form onSubmit={submit} aria-label={t('filters.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput label={t('filters.user')} description={t('filters.userHint')} {...field('user')} />
        <TextInput label={t('filters.action')} description={t('filters.actionHint')} {...field('action')} />
        <TextInput label={t('filters.recordType')} {...field('recordType')} />
        <TextInput label={t('filters.recordId')} {...field('recordId')} />
        <Select
          label={t('filters.outcome')}
          placeholder={t('filters.anyOutcome')}
          clearable
          data={AuditOutcome.options.map((value) => ({ value, label: t(`outcome.${value}`) }))}
          value={draft.outcome || null}
          onChange={(value) => setDraft((current) => ({ ...current, outcome: value ?? '' }))}
        />
        <TextInput type="date" label={t('filters.from')} {...field('from')} />
        <TextInput type="date" label={t('filters.to')} {...field('to')} />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit" color="blue.8">
          {t('filters.apply')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(EMPTY);
            onApply({});
          }}
        >
          {t('filters.clear')}
        </Button>
      </Group>
    </form>
  );
}
