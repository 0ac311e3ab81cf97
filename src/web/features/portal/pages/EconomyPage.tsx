import { Anchor, Breadcrumbs, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EconomyPage as EconomyPageData } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useEconomyPage } from '../api';
import { useEconomyName } from '../components/economies';
import { EmptyState } from '../components/EmptyState';
import { countGathered, GatheredSections } from '../components/GatheredSections';
import { PageHeader, PortalPage } from '../components/layout';
import { useMetaDescription } from '../components/useMetaDescription';

export function EconomyPage() {
  const { code = '' } = useParams();
  const economy = useEconomyPage(code);
  return <QueryState query={economy}>{(data) => <EconomyView data={data} />}</QueryState>;
}

function EconomyView({ data }: { data: EconomyPageData }) {
  const { t, i18n } = useTranslation('portal');
  const economyName = useEconomyName();
  const { code } = data.economy;
  const name = economyName(code);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  usePageTitle(name);
  useMetaDescription(t('economyPage.intro', { name }));
  const nothing = countGathered(data) === 0;

  return (
    <PortalPage>
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Anchor component={Link} to="/initiatives">
          {t('nav.initiatives')}
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title={name}
        intro={t('economyPage.intro', { name })}
        actions={
          <Group gap="sm" aria-label={t('economyPage.feedsLabel', { name })} role="group">
            <Anchor href={`/feeds/economies/${code}.rss?lang=${lang}`} size="sm">
              {t('feeds.rss')}
            </Anchor>
            <Anchor href={`/feeds/economies/${code}.atom?lang=${lang}`} size="sm">
              {t('feeds.atom')}
            </Anchor>
          </Group>
        }
      />
      {nothing && <EmptyState text={t('economyPage.empty')} />}
      <Stack gap={0}>
        <GatheredSections
          items={data}
          headings={{
            articles: { title: t('economyPage.articles'), moreHref: `/news?economy=${code}`, moreLabel: t('economyPage.allArticles', { name }) },
            documents: { title: t('economyPage.documents'), moreHref: `/documents?economy=${code}`, moreLabel: t('home.allDocuments') },
            events: { title: t('economyPage.events'), moreHref: `/events?economy=${code}&when=all`, moreLabel: t('home.allEvents') },
            initiatives: { title: t('economyPage.initiatives') },
            indicators: { title: t('economyPage.indicators', { name }) },
          }}
        />
      </Stack>
    </PortalPage>
  );
}
