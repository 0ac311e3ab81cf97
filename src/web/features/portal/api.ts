import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  Article,
  type ArticleInput,
  ArticlePage,
  ContentLanguage,
  Document,
  type DocumentMetadataInput,
  DocumentPage,
  EconomyList,
  EconomyPage,
  EditorArticle,
  EditorDocument,
  EditorEvent,
  EditorIndicator,
  EditorItem,
  EditorItemPage,
  EditorSitePage,
  Event,
  type EventInput,
  EventPage,
  EventRegistration,
  type IndicatorInput,
  Indicator,
  IndicatorList,
  Initiative,
  InitiativeList,
  MembershipMatrix,
  RevisionList,
  SearchResult,
  SitePage,
  type SitePageInput,
  type SitePageSlug,
  TopicList,
  TopicPage,
  type ArticleKind,
  type DocumentKind,
  type EventKind,
  type SearchType,
  type TransitionInput,
  type WorkflowStatus,
  type WorkflowType,
} from '../../../contract/portal';
import { api } from '../../api/client';

const BASE = '/api/portal';

/** Filters of the public lists, as the URL and the API both spell them. */
export interface ArticleFilters {
  kind?: ArticleKind;
  topic?: string;
  economy?: string;
  language?: ContentLanguage;
  page?: number;
  pageSize?: number;
}
export interface DocumentFilters {
  kind?: DocumentKind;
  topic?: string;
  economy?: string;
  language?: ContentLanguage;
  year?: number;
  page?: number;
  pageSize?: number;
}
export interface EventFilters {
  when?: 'upcoming' | 'past' | 'all';
  kind?: EventKind;
  topic?: string;
  economy?: string;
  page?: number;
  pageSize?: number;
}
export interface InitiativeFilters {
  topic?: string;
  economy?: string;
  status?: 'active' | 'historic' | 'all';
}
export interface SearchFilters {
  q: string;
  type?: SearchType;
  topic?: string;
  economy?: string;
  year?: number;
  language?: ContentLanguage;
  sort?: 'relevance' | 'date';
  page?: number;
  pageSize?: number;
}

/**
 * Query keys. Every public key carries the content language, so switching the UI language
 * fetches the content again in the new language instead of showing the cached one.
 */
export const portalKeys = {
  all: ['portal'] as const,
  articles: (lang: string, filters: ArticleFilters) => ['portal', 'articles', lang, filters] as const,
  article: (lang: string, slug: string) => ['portal', 'article', lang, slug] as const,
  documents: (lang: string, filters: DocumentFilters) => ['portal', 'documents', lang, filters] as const,
  document: (lang: string, slug: string) => ['portal', 'document', lang, slug] as const,
  events: (lang: string, filters: EventFilters) => ['portal', 'events', lang, filters] as const,
  event: (lang: string, slug: string) => ['portal', 'event', lang, slug] as const,
  topics: (lang: string) => ['portal', 'topics', lang] as const,
  topic: (lang: string, slug: string) => ['portal', 'topic', lang, slug] as const,
  initiatives: (lang: string, filters: InitiativeFilters) => ['portal', 'initiatives', lang, filters] as const,
  initiative: (lang: string, slug: string) => ['portal', 'initiative', lang, slug] as const,
  matrix: (status: string) => ['portal', 'matrix', status] as const,
  indicators: (lang: string, topic?: string) => ['portal', 'indicators', lang, topic ?? null] as const,
  indicator: (lang: string, slug: string) => ['portal', 'indicator', lang, slug] as const,
  search: (lang: string, filters: SearchFilters) => ['portal', 'search', lang, filters] as const,
  economies: ['portal', 'economies'] as const,
  editor: ['portal', 'editor'] as const,
  editorList: (type: WorkflowType, status?: WorkflowStatus, page?: number) => ['portal', 'editor', type, 'list', status ?? null, page ?? 1] as const,
  editorItem: (type: WorkflowType, id: string) => ['portal', 'editor', type, id] as const,
  revisions: (type: WorkflowType, id: string) => ['portal', 'editor', type, id, 'revisions'] as const,
};

/** The language to ask the API for: the UI language (all UI languages are content languages). */
export function useContentLang(): ContentLanguage {
  const { i18n } = useTranslation();
  const parsed = ContentLanguage.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : 'en';
}

// --- public reads ---------------------------------------------------------------------------

export function useArticles(filters: ArticleFilters) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.articles(lang, filters),
    queryFn: ({ signal }) => api(ArticlePage, `${BASE}/articles`, { query: { ...filters, lang }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** An article; `langOverride` shows a chosen translation instead of the UI language. */
export function useArticle(slug: string, langOverride?: ContentLanguage) {
  const uiLang = useContentLang();
  const lang = langOverride ?? uiLang;
  return useQuery({
    queryKey: portalKeys.article(lang, slug),
    queryFn: ({ signal }) => api(Article, `${BASE}/articles/${encodeURIComponent(slug)}`, { query: { lang }, signal }),
  });
}

export function useDocuments(filters: DocumentFilters) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.documents(lang, filters),
    // DocumentListQuery has no `lang` yet (topic names then follow Accept-Language); sent for when it does.
    queryFn: ({ signal }) => api(DocumentPage, `${BASE}/documents`, { query: { ...filters, lang }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(slug: string) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.document(lang, slug),
    queryFn: ({ signal }) => api(Document, `${BASE}/documents/${encodeURIComponent(slug)}`, { query: { lang }, signal }),
  });
}

export function useEvents(filters: EventFilters) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.events(lang, filters),
    // EventListQuery has no `lang` yet either; see useDocuments.
    queryFn: ({ signal }) => api(EventPage, `${BASE}/events`, { query: { ...filters, lang }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(slug: string) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.event(lang, slug),
    queryFn: ({ signal }) => api(Event, `${BASE}/events/${encodeURIComponent(slug)}`, { query: { lang }, signal }),
  });
}

export function useTopics() {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.topics(lang),
    queryFn: ({ signal }) => api(TopicList, `${BASE}/topics`, { query: { lang }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useTopic(slug: string) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.topic(lang, slug),
    queryFn: ({ signal }) => api(TopicPage, `${BASE}/topics/${encodeURIComponent(slug)}`, { query: { lang }, signal }),
  });
}

export function useInitiatives(filters: InitiativeFilters) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.initiatives(lang, filters),
    queryFn: ({ signal }) => api(InitiativeList, `${BASE}/initiatives`, { query: { ...filters, lang }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInitiative(slug: string) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.initiative(lang, slug),
    queryFn: ({ signal }) => api(Initiative, `${BASE}/initiatives/${encodeURIComponent(slug)}`, { query: { lang }, signal }),
  });
}

export function useMembershipMatrix(status: 'active' | 'historic' | 'all' = 'all') {
  return useQuery({
    queryKey: portalKeys.matrix(status),
    queryFn: ({ signal }) => api(MembershipMatrix, `${BASE}/initiatives/matrix`, { query: { status }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useIndicators(topic?: string) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.indicators(lang, topic),
    queryFn: ({ signal }) => api(IndicatorList, `${BASE}/indicators`, { query: { topic, lang }, signal }),
  });
}

export function useIndicator(slug: string) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.indicator(lang, slug),
    queryFn: ({ signal }) => api(Indicator, `${BASE}/indicators/${encodeURIComponent(slug)}`, { query: { lang }, signal }),
  });
}

export function useSearch(filters: SearchFilters) {
  const lang = useContentLang();
  return useQuery({
    queryKey: portalKeys.search(lang, filters),
    queryFn: ({ signal }) => api(SearchResult, `${BASE}/search`, { query: { ...filters, lang }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEconomies() {
  return useQuery({
    queryKey: portalKeys.economies,
    queryFn: ({ signal }) => api(EconomyList, `${BASE}/economies`, { signal }),
    staleTime: Infinity,
  });
}

// --- event registration (signed-in users) ---------------------------------------------------

export function useEventRegistration(slug: string) {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['portal', 'event'] });
  const register = useMutation({
    mutationFn: () => api(EventRegistration, `${BASE}/events/${encodeURIComponent(slug)}/registration`, { method: 'POST' }),
    onSuccess: invalidate,
  });
  const unregister = useMutation({
    mutationFn: () => api(z.undefined(), `${BASE}/events/${encodeURIComponent(slug)}/registration`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
  return { register, unregister };
}

// --- editor ---------------------------------------------------------------------------------

export function useEditorList(type: WorkflowType, status?: WorkflowStatus, page = 1, pageSize = 10) {
  return useQuery({
    queryKey: portalKeys.editorList(type, status, page),
    queryFn: ({ signal }) => api(EditorItemPage, `${BASE}/editor/${type}`, { query: { status, page, pageSize }, signal }),
  });
}

const EDITOR_SCHEMAS = {
  articles: EditorArticle,
  documents: EditorDocument,
  events: EditorEvent,
  indicators: EditorIndicator,
} as const;

type EditorSchemas = typeof EDITOR_SCHEMAS;
type EditorRecordOf<T extends WorkflowType> = z.infer<EditorSchemas[T]>;

export function useEditorRecord<T extends WorkflowType>(type: T, id: string | undefined) {
  return useQuery({
    queryKey: portalKeys.editorItem(type, id ?? 'new'),
    queryFn: ({ signal }) => api(EDITOR_SCHEMAS[type], `${BASE}/editor/${type}/${id ?? ''}`, { signal }) as Promise<EditorRecordOf<T>>,
    enabled: id !== undefined,
  });
}

export type InputOf = { articles: ArticleInput; documents: DocumentMetadataInput; events: EventInput; indicators: IndicatorInput };

/** Creates (no id) or updates (id) an editor record from its JSON input. */
export function useSaveEditorRecord<T extends WorkflowType>(type: T, id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf[T]) =>
      api(EDITOR_SCHEMAS[type], id ? `${BASE}/editor/${type}/${id}` : `${BASE}/editor/${type}`, {
        method: id ? 'PUT' : 'POST',
        body: input,
      }) as Promise<EditorRecordOf<T>>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.editor }),
  });
}

/** Uploads a new document: the file and its metadata as multipart form data. */
export function useUploadDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, metadata }: { file: File; metadata: DocumentMetadataInput }) => {
      const form = new FormData();
      form.append('metadata', JSON.stringify(metadata));
      form.append('file', file);
      return api(EditorDocument, `${BASE}/editor/documents`, { method: 'POST', body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.editor }),
  });
}

export function useTransition(type: WorkflowType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => api(EditorItem, `${BASE}/editor/${type}/${id}/transition`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.all }),
  });
}

export function useRevisions(type: WorkflowType, id: string | undefined) {
  return useQuery({
    queryKey: portalKeys.revisions(type, id ?? 'new'),
    queryFn: ({ signal }) => api(RevisionList, `${BASE}/editor/${type}/${id ?? ''}/revisions`, { signal }),
    enabled: id !== undefined,
  });
}

// --- economies and site pages --------------------------------------------------------------

export function useEconomyPage(code: string) {
  const lang = useContentLang();
  return useQuery({
    queryKey: ['portal', 'economy', lang, code] as const,
    queryFn: ({ signal }) => api(EconomyPage, `${BASE}/economies/${encodeURIComponent(code)}`, { query: { lang }, signal }),
  });
}

export function useSitePage(slug: string) {
  const lang = useContentLang();
  return useQuery({
    queryKey: ['portal', 'site-page', lang, slug] as const,
    queryFn: ({ signal }) => api(SitePage, `${BASE}/pages/${encodeURIComponent(slug)}`, { query: { lang }, signal }),
  });
}

export function useEditorSitePage(slug: SitePageSlug) {
  return useQuery({
    queryKey: ['portal', 'editor', 'site-page', slug] as const,
    queryFn: ({ signal }) => api(EditorSitePage, `${BASE}/editor/pages/${slug}`, { signal }),
  });
}

export function useSaveSitePage(slug: SitePageSlug) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SitePageInput) => api(EditorSitePage, `${BASE}/editor/pages/${slug}`, { method: 'PUT', body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['portal', 'site-page'] });
      await queryClient.invalidateQueries({ queryKey: ['portal', 'editor', 'site-page', slug] });
    },
  });
}
