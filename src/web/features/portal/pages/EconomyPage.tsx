import { Anchor, Breadcrumbs, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EconomyPage as EconomyPageData } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useEconomyPage } from '../api';
import { ArticleCard, DocumentCard, EventCard, IndicatorCard, InitiativeCard } from '../components/cards';
import { useEconomyName } from '../components/economies';
import { EmptyState } from '../components/EmptyState';
import { CardGrid, PageHeader, PortalPage, Section } from '../components/layout';
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
  const nothing = data.articles.length + data.documents.length + data.events.length + data.initiatives.length + data.indicators.length === 0;

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
        {data.articles.length > 0 && (
          <Section title={t('economyPage.articles')} moreHref={`/news?economy=${code}`} moreLabel={t('economyPage.allArticles', { name })}>
            <CardGrid>
              {data.articles.map((article) => (
                <ArticleCard key={article.id} article={article} withImage={false} />
              ))}
            </CardGrid>
          </Section>
        )}
        {data.documents.length > 0 && (
          <Section title={t('economyPage.documents')} moreHref={`/documents?economy=${code}`} moreLabel={t('home.allDocuments')}>
            <CardGrid>
              {data.documents.map((document) => (
                <DocumentCard key={document.id} document={document} />
              ))}
            </CardGrid>
          </Section>
        )}
        {data.events.length > 0 && (
          <Section title={t('economyPage.events')} moreHref={`/events?economy=${code}&when=all`} moreLabel={t('home.allEvents')}>
            <CardGrid>
              {data.events.map((event) => (
                <EventCard key={event.id} event={event} />
              ))}
            </CardGrid>
          </Section>
        )}
        {data.initiatives.length > 0 && (
          <Section title={t('economyPage.initiatives')}>
            <CardGrid>
              {data.initiatives.map((initiative) => (
                <InitiativeCard key={initiative.id} initiative={initiative} />
              ))}
            </CardGrid>
          </Section>
        )}
        {data.indicators.length > 0 && (
          <Section title={t('economyPage.indicators', { name })}>
            <CardGrid>
              {data.indicators.map((indicator) => (
                <IndicatorCard key={indicator.id} indicator={indicator} />
              ))}
            </CardGrid>
          </Section>
        )}
      </Stack>
    </PortalPage>
  );
}
