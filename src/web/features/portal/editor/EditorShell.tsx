import { Anchor, Breadcrumbs, Grid, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../components/usePageTitle';
import { PortalPage } from '../components/layout';

/** An editor page: the form on the left, workflow and history on the right (below on phones). */
export function EditorShell({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation('portal');
  usePageTitle(title);
  return (
    <PortalPage size="xl">
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/editor">
          {t('nav.editor')}
        </Anchor>
      </Breadcrumbs>
      <Title order={1} mb="md">
        {title}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: aside ? 8 : 12 }}>{children}</Grid.Col>
        {aside && <Grid.Col span={{ base: 12, lg: 4 }}>{aside}</Grid.Col>}
      </Grid>
    </PortalPage>
  );
}
