import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A section of the editor. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">{title}</Title>
        {children}
      </Stack>
    </Card>
  );
}

/** A repeatable list of rows (organisations, budgets, contacts…) with add and remove buttons. */
export function Rows<T>({ label, items, onChange, blank, render, error }: { label: string; items: T[]; onChange: (items: T[]) => void; blank: () => T; render: (item: T, set: (next: T) => void, index: number) => ReactNode; error?: string }) {
  const { t } = useTranslation('registry');
  return (
    <Stack gap="xs">
      {items.map((item, index) => (
        // Rows have no identity of their own until saved; their place is their key.
        <Group key={index} align="end" wrap="nowrap" gap="xs" data-testid={`row-${label}`}>
          <Stack gap={4} style={{ flex: 1 }}>{render(item, (next) => onChange(items.map((entry, at) => (at === index ? next : entry))), index)}</Stack>
          <Button variant="default" size="xs" onClick={() => onChange(items.filter((_, at) => at !== index))} aria-label={t('editor.removeOne', { what: label, number: index + 1 })}>
            {t('editor.remove')}
          </Button>
        </Group>
      ))}
      {error && <Text c="red.9" size="sm" role="alert">{error}</Text>}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...items, blank()])}>{t('editor.add', { what: label })}</Button>
      </Group>
    </Stack>
  );
}
