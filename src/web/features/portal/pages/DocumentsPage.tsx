import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ContentLanguage, DOCUMENT_KINDS, type DocumentKind } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useDocuments } from '../api';
import { DocumentCard } from '../components/cards';
import { useEconomyOptions } from '../components/economies';
import { EmptyState } from '../components/EmptyState';
import { FilterPanel } from '../components/FilterPanel';
import { LANGUAGE_OPTIONS } from '../components/languageLabel';
import { CardGrid, PageHeader, PortalPage } from '../components/layout';
import { Pager } from '../components/Pager';
import { useTopicOptions } from '../components/topics';
import { useMetaDescription } from '../components/useMetaDescription';
import { useUrlFilters } from '../components/useUrlFilters';

const PAGE_SIZE = 12;

function yearOptions() {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 1999 }, (_, index) => String(now - index)).map((year) => ({ value: year, label: year }));
}

export function DocumentsPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('documents.title'));
  useMetaDescription(t('documents.intro'));
  const { get, page, setPage } = useUrlFilters();
  const kind = DOCUMENT_KINDS.find((value) => value === get('type')) as DocumentKind | undefined;
  const language = ContentLanguage.safeParse(get('language')).data;
  const yearText = get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const documents = useDocuments({ kind, topic: get('topic'), economy: get('economy'), language, year, page, pageSize: PAGE_SIZE });
  const economyOptions = useEconomyOptions();
  const topicOptions = useTopicOptions();

  return (
    <PortalPage>
      <PageHeader title={t('documents.title')} intro={t('documents.intro')} />
      <Stack gap="md">
        <FilterPanel
          filters={[
            { name: 'type', label: t('filters.documentType'), options: DOCUMENT_KINDS.map((value) => ({ value, label: t(`documentKind.${value}`) })) },
            { name: 'topic', label: t('filters.topic'), options: topicOptions },
            { name: 'economy', label: t('filters.economy'), options: economyOptions },
            { name: 'language', label: t('filters.language'), options: LANGUAGE_OPTIONS },
            { name: 'year', label: t('filters.year'), options: yearOptions() },
          ]}
        />
        <QueryState query={documents}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState text={t('documents.empty')} />
            ) : (
              <>
                <CardGrid>
                  {data.items.map((document) => (
                    <DocumentCard key={document.id} document={document} headingLevel={2} />
                  ))}
                </CardGrid>
                <Pager total={data.total} page={data.page} pageSize={data.pageSize} onChange={setPage} />
              </>
            )
          }
        </QueryState>
      </Stack>
    </PortalPage>
  );
}
