import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary, DocumentSummary, EventSummary, IndicatorSummary, InitiativeSummary } from '../../../../contract/portal';
import { ContentCard } from './ContentCard';
import { useEconomyName } from './economies';
import { formatBytes, formatDate, formatDateTimeIn } from '../../../i18n/format';
import { languageLabel } from './languageLabel';
import { TopicChips } from './TopicChips';

type Level = { headingLevel?: 2 | 3 | 4 };

export function ArticleCard({ article, headingLevel, withImage = true }: { article: ArticleSummary; withImage?: boolean } & Level) {
  const { t } = useTranslation('portal');
  return (
    <ContentCard
      href={`/news/${article.slug}`}
      title={article.title}
      kind={t(`articleKind.${article.kind}`)}
      summary={article.lead}
      imageUrl={withImage ? article.leadImageUrl : null}
      imageAlt={article.leadImageAlt ?? ''}
      lang={article.language.served}
      headingLevel={headingLevel}
      meta={
        <>
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time> · {article.author}
          {article.language.fallback && (
            <Badge ml={6} size="xs" color="yellow.2" c="dark.8" variant="filled" style={{ textTransform: 'none' }}>
              {t('fallback.badge', { language: languageLabel(article.language.served) })}
            </Badge>
          )}
        </>
      }
      footer={<TopicChips topics={article.topics} size="xs" />}
    />
  );
}

export function DocumentCard({ document, headingLevel }: { document: DocumentSummary } & Level) {
  const { t } = useTranslation('portal');
  return (
    <ContentCard
      href={`/documents/${document.slug}`}
      title={document.title}
      kind={t(`documentKind.${document.kind}`)}
      summary={document.summary}
      lang={document.language}
      headingLevel={headingLevel}
      meta={
        <>
          {document.publisher} · <time dateTime={document.publishedOn}>{formatDate(document.publishedOn)}</time> · {document.file.format.toUpperCase()},{' '}
          {formatBytes(document.file.sizeBytes)}
        </>
      }
      footer={<TopicChips topics={document.topics} size="xs" />}
    />
  );
}

export function EventCard({ event, headingLevel }: { event: EventSummary } & Level) {
  const { t } = useTranslation('portal');
  const economyName = useEconomyName();
  const place = event.place.online ? t('events.online') : [event.place.city, event.place.economy ? economyName(event.place.economy) : null].filter(Boolean).join(', ');
  return (
    <ContentCard
      href={`/events/${event.slug}`}
      title={event.title}
      kind={t(`eventKind.${event.kind}`)}
      summary={event.summary}
      lang={event.language}
      headingLevel={headingLevel}
      meta={
        <>
          <time dateTime={event.startsAt} style={{ display: 'block' }}>
            {formatDateTimeIn(event.startsAt, event.timeZone)}
          </time>
          {place && <span>{place}</span>}
        </>
      }
    />
  );
}

export function InitiativeCard({ initiative, headingLevel }: { initiative: InitiativeSummary } & Level) {
  const { t } = useTranslation('portal');
  const economyName = useEconomyName();
  const title = initiative.acronym ? `${initiative.acronym} — ${initiative.name}` : initiative.name;
  return (
    <ContentCard
      href={`/initiatives/${initiative.slug}`}
      title={title}
      kind={t(`initiativeStatus.${initiative.status}`)}
      headingLevel={headingLevel}
      meta={
        <>
          {initiative.founded && t('initiatives.foundedIn', { year: initiative.founded })}
          {initiative.seat && ` · ${initiative.seat}`}
        </>
      }
      footer={
        <Text size="xs" c="dimmed">
          {t('initiatives.membersInRegion', { count: initiative.memberEconomies.length })}: {initiative.memberEconomies.map(economyName).join(', ')}
          {initiative.otherMembers && (
            <>
              {' · '}
              {t('initiatives.otherMembers')}: <span lang="en">{initiative.otherMembers}</span>
            </>
          )}
        </Text>
      }
    />
  );
}

export function IndicatorCard({ indicator, headingLevel }: { indicator: IndicatorSummary } & Level) {
  const { t } = useTranslation('portal');
  const years = indicator.years.from && indicator.years.to ? `${indicator.years.from}–${indicator.years.to}` : null;
  return (
    <ContentCard
      href={`/statistics/${indicator.slug}`}
      title={indicator.name}
      summary={indicator.description}
      headingLevel={headingLevel}
      meta={
        <>
          {indicator.unit}
          {years && ` · ${years}`} · {t('statistics.economiesCount', { count: indicator.economies.length })}
        </>
      }
      footer={
        <Text size="xs" c="dimmed">
          {t('statistics.source')}: {indicator.source.name}
          {indicator.source.illustrative && ` (${t('statistics.illustrative')})`}
        </Text>
      }
    />
  );
}
