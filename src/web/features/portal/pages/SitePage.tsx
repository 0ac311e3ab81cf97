import { Anchor, Breadcrumbs, Button, Text, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SitePage as SitePageData } from '../../../../contract/portal';
import { useAbility } from '../../../api/session';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate } from '../../../i18n/format';
import { useSitePage } from '../api';
import { PageHeader, PortalPage } from '../components/layout';

/** One of the footer's pages: about, contact, legal notice, privacy, accessibility. */
export function SitePage() {
  const { slug = '' } = useParams();
  const page = useSitePage(slug);
  return <QueryState query={page}>{(data) => <SitePageView page={data} />}</QueryState>;
}

function SitePageView({ page }: { page: SitePageData }) {
  const { t } = useTranslation('portal');
  const canEdit = useAbility('portal.taxonomy.manage');
  usePageTitle(page.title);
  return (
    <PortalPage size="md">
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title={page.title}
        actions={
          canEdit && (
            <Button component={Link} to={`/editor/pages/${page.slug}`} variant="light" size="compact-sm">
              {t('sitePage.edit')}
            </Button>
          )
        }
      />
      <Typography>
        {/* Sanitised on the server when saved. */}
        <div className="portal-rich-text" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
      </Typography>
      <Text size="sm" c="dimmed" mt="lg">
        {t('sitePage.updated', { date: formatDate(page.updatedAt) })}
      </Text>
    </PortalPage>
  );
}
