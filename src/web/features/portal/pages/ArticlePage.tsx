import { Anchor, Breadcrumbs, Divider, Group, Image, SegmentedControl, Stack, Text, Title, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ContentLanguage, type Article } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useArticle } from '../api';
import { FallbackNotice } from '../components/FallbackNotice';
import { formatDate } from '../../../i18n/format';
import { languageLabel } from '../components/languageLabel';
import { PortalPage } from '../components/layout';
import { EconomyBadges, TopicChips } from '../components/TopicChips';
import { useMetaDescription } from '../components/useMetaDescription';

export function ArticlePage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const chosen = ContentLanguage.safeParse(params.get('lang')).data;
  const article = useArticle(slug, chosen);
  return <QueryState query={article}>{(data) => <ArticleView article={data} />}</QueryState>;
}

/** The public article page's body; the editors' preview renders the same component. */
export function ArticleView({ article }: { article: Article }) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  usePageTitle(article.title);
  useMetaDescription(article.lead);
  const { requested, served, available, fallback } = article.language;

  return (
    <PortalPage size="md">
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Anchor component={Link} to="/news">
          {t('nav.news')}
        </Anchor>
      </Breadcrumbs>
      <article>
        <Stack gap="sm">
          <Text size="sm" fw={700} c="blue.8" tt="uppercase">
            {t(`articleKind.${article.kind}`)}
          </Text>
          <Title order={1} lang={served}>
            {article.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('article.byline', { author: article.author })} · <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
            {article.updatedAt > article.publishedAt && <> · {t('article.updated', { date: formatDate(article.updatedAt) })}</>}
          </Text>
          {fallback && requested && <FallbackNotice requested={requested} shown={served} />}
          {available.length > 1 && (
            <Group gap="xs" aria-label={t('translations.label')} role="group">
              <Text size="sm" fw={500} id="article-translations">
                {t('translations.label')}
              </Text>
              <SegmentedControl
                size="xs"
                aria-labelledby="article-translations"
                value={served}
                onChange={(value) => void navigate(`/news/${article.slug}?lang=${value}`, { replace: true })}
                data={available.map((language) => ({ value: language, label: languageLabel(language) }))}
              />
            </Group>
          )}
          {article.leadImageUrl && <Image src={article.leadImageUrl} alt={article.leadImageAlt ?? ''} radius="md" mah={420} fit="cover" />}
          {article.lead && (
            <Text size="lg" fw={500} lang={served}>
              {article.lead}
            </Text>
          )}
          <Typography>
            {/*
              The body is sanitised on the server (sanitize-html allow-list: text tags, http(s)/mailto links,
              images, tables; no scripts, styles or on* attributes — see docs/portal-api.md). That server
              guarantee is the only reason it may be rendered as HTML here.
            */}
            <div className="portal-rich-text" lang={served} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
          </Typography>
          <Divider my="sm" />
          <Stack gap="xs">
            <TopicChips topics={article.topics} />
            <EconomyBadges economies={article.economies} />
          </Stack>
        </Stack>
      </article>
    </PortalPage>
  );
}
