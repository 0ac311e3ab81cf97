import { Anchor, Badge, Card, Group, Image, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface ContentCardProps {
  href: string;
  title: string;
  /** A short label above the title, e.g. "Analysis" or "Report". */
  kind?: string;
  summary?: string | null;
  meta?: ReactNode;
  imageUrl?: string | null;
  imageAlt?: string;
  footer?: ReactNode;
  /** Heading level of the title in the page's outline. */
  headingLevel?: 2 | 3 | 4;
  lang?: string;
}

/**
 * One piece of content in a list or grid. The title is the only link (so screen readers do not
 * hear the card twice); the whole card is clickable through the link's stretched hit area.
 */
export function ContentCard({ href, title, kind, summary, meta, imageUrl, imageAlt = '', footer, headingLevel = 3, lang }: ContentCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <Card withBorder padding="md" radius="md" h="100%" className="portal-card" lang={lang}>
      {imageUrl && (
        <Card.Section mb="sm">
          <Image src={imageUrl} alt={imageAlt} h={160} fit="cover" loading="lazy" />
        </Card.Section>
      )}
      <Stack gap={6} style={{ flex: 1 }}>
        {kind && (
          <Group gap={6}>
            <Badge size="xs" variant="filled" style={{ textTransform: 'none' }}>
              {kind}
            </Badge>
          </Group>
        )}
        <Heading style={{ margin: 0, fontSize: 'var(--mantine-font-size-lg)', fontWeight: 600, lineHeight: 1.3 }}>
          <Anchor component={Link} to={href} c="inherit" className="portal-card-link">
            {title}
          </Anchor>
        </Heading>
        {meta && (
          <Text size="sm" c="dimmed" component="div">
            {meta}
          </Text>
        )}
        {summary && (
          <Text size="sm" lineClamp={3}>
            {summary}
          </Text>
        )}
      </Stack>
      {footer && <div style={{ marginTop: 'var(--mantine-spacing-sm)', position: 'relative', zIndex: 1 }}>{footer}</div>}
    </Card>
  );
}
