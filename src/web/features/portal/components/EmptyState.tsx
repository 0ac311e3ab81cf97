import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" ta="center">
      <Text c="dimmed">{text}</Text>
      {children}
    </Paper>
  );
}
