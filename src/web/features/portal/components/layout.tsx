import { Anchor, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link } from 'react-router';

/** The page's H1 and an optional intro line. */
export function PageHeader({ title, intro, actions }: { title: string; intro?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" gap="sm">
      <Stack gap={4} style={{ flex: '1 1 320px' }}>
        <Title order={1}>{title}</Title>
        {intro && <Text c="dimmed">{intro}</Text>}
      </Stack>
      {actions}
    </Group>
  );
}

export function PortalPage({ children, size = 'lg' }: { children: ReactNode; size?: 'md' | 'lg' | 'xl' }) {
  return (
    <Container size={size} px={0} pb="xl">
      {children}
    </Container>
  );
}

/** A titled section of a page, labelled by its heading, with an optional "see all" link. */
export function Section({ title, moreHref, moreLabel, children, order = 2 }: { title: string; moreHref?: string; moreLabel?: string; children: ReactNode; order?: 2 | 3 }) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={{ marginTop: 'var(--mantine-spacing-xl)' }}>
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={order} id={id} size={order === 2 ? 'h3' : 'h4'}>
          {title}
        </Title>
        {moreHref && moreLabel && (
          <Anchor component={Link} to={moreHref} size="sm">
            {moreLabel}
          </Anchor>
        )}
      </Group>
      {children}
    </section>
  );
}

/** A responsive grid of cards: one column on phones, up to `max` on wide screens. */
export function CardGrid({ children, max = 3 }: { children: ReactNode; max?: 2 | 3 | 4 }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: max }} spacing="md" component="div">
      {children}
    </SimpleGrid>
  );
}
