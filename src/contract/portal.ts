import { z } from 'zod';
import { EconomyCode, Page, PageQuery } from './core';

/*
 * The public Security Web Portal: articles, document library, topics, regional initiatives,
 * events, key statistics, search. Public DTOs carry only published content whose publish time
 * has come; editor DTOs (`Editor*`) carry workflow state and are served only to editors.
 */

// ---------------------------------------------------------------------------------------------
// Languages, enums
// ---------------------------------------------------------------------------------------------

/** The five UI languages; topic names exist in each of them. */
export const PORTAL_UI_LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'] as const;
export const PortalUiLanguage = z.enum(PORTAL_UI_LANGUAGES);
export type PortalUiLanguage = z.infer<typeof PortalUiLanguage>;

/** Languages content may be written in (BCP 47): the UI languages plus the region's others. */
export const CONTENT_LANGUAGES = [...PORTAL_UI_LANGUAGES, 'bs', 'hr', 'cnr', 'bg', 'el', 'ro', 'sl', 'tr', 'fr', 'de'] as const;
export const ContentLanguage = z.enum(CONTENT_LANGUAGES);
export type ContentLanguage = z.infer<typeof ContentLanguage>;

/** Editorial workflow: draft → in_review → published → archived (archived → draft restores). */
export const WORKFLOW_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export const WorkflowStatus = z.enum(WORKFLOW_STATUSES);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const ARTICLE_KINDS = ['news', 'analysis', 'interview', 'statement'] as const;
export const ArticleKind = z.enum(ARTICLE_KINDS);
export type ArticleKind = z.infer<typeof ArticleKind>;

export const DOCUMENT_KINDS = ['study', 'strategy', 'action_plan', 'report'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DOCUMENT_FORMATS = ['pdf', 'docx', 'odt'] as const;
export const DocumentFormat = z.enum(DOCUMENT_FORMATS);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

export const EVENT_KINDS = ['conference', 'training', 'meeting'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

/** The kinds of public content the one search endpoint covers. */
export const SEARCH_TYPES = ['article', 'document', 'event', 'initiative', 'indicator'] as const;
export const SearchType = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof SearchType>;

/** The kinds of content that pass through the editorial workflow. */
export const WORKFLOW_TYPES = ['articles', 'documents', 'events', 'indicators'] as const;
export const WorkflowType = z.enum(WORKFLOW_TYPES);
export type WorkflowType = z.infer<typeof WorkflowType>;

/** A URL-safe, stable identifier used in deep links. */
export const Slug = z
  .string()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

/** `?lang=` on public reads: the language the visitor wants (else Accept-Language, else en). */
export const LangQuery = z.object({ lang: ContentLanguage.optional() });

/** Which language a response was served in, and what else exists (language fallback). */
export const LanguageInfo = z.object({
  /** The language the visitor asked for (?lang= or Accept-Language), or null if none. */
  requested: ContentLanguage.nullable(),
  /** The language this response is written in. */
  served: ContentLanguage,
  /** True when `served` differs from `requested` (a fallback to another translation). */
  fallback: z.boolean(),
  /** Every language this item is available in. */
  available: z.array(ContentLanguage),
});
export type LanguageInfo = z.infer<typeof LanguageInfo>;

// ---------------------------------------------------------------------------------------------
// Shared references
// ---------------------------------------------------------------------------------------------

export const TopicRef = z.object({
  slug: Slug,
  /** Name in the served UI language (falls back to English). */
  name: z.string(),
});
export type TopicRef = z.infer<typeof TopicRef>;

export const EconomyRef = z.object({
  /** ISO 3166-1 alpha-2 (XK for Kosovo*) or REG / INT. */
  code: EconomyCode,
  name: z.string(),
});
export type EconomyRef = z.infer<typeof EconomyRef>;

export const InitiativeRef = z.object({
  slug: Slug,
  name: z.string(),
  acronym: z.string().nullable(),
});
export type InitiativeRef = z.infer<typeof InitiativeRef>;

// ---------------------------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------------------------

export const TopicNames = z.object({
  en: z.string().min(1).max(200),
  'sr-Latn': z.string().min(1).max(200),
  'sr-Cyrl': z.string().min(1).max(200),
  sq: z.string().min(1).max(200),
  mk: z.string().min(1).max(200),
});
export type TopicNames = z.infer<typeof TopicNames>;

export const Topic = z.object({
  slug: Slug,
  /** Name in the served UI language. */
  name: z.string(),
  /** Names in all five UI languages. */
  names: TopicNames,
  /** Short description (English). */
  description: z.string(),
  /** Number of public items tagged with the topic, by kind. */
  counts: z.object({
    article: z.number().int(),
    document: z.number().int(),
    event: z.number().int(),
    initiative: z.number().int(),
    indicator: z.number().int(),
  }),
});
export type Topic = z.infer<typeof Topic>;

export const TopicList = z.object({ items: z.array(Topic), language: PortalUiLanguage });
export type TopicList = z.infer<typeof TopicList>;

/** Editor input: rename a topic or change its description (portal.taxonomy.manage). */
export const TopicUpdateInput = z
  .object({
    names: TopicNames,
    description: z.string().max(2000),
  })
  .strict();
export type TopicUpdateInput = z.infer<typeof TopicUpdateInput>;

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

export const ArticleSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  kind: ArticleKind,
  /** Title in the served language. */
  title: z.string(),
  /** Short lead paragraph (plain text) in the served language. */
  lead: z.string(),
  /** URL of the lead image (may be an external public URL or null). */
  leadImageUrl: z.string().nullable(),
  /** Alternative text of the lead image in the served language. */
  leadImageAlt: z.string().nullable(),
  /** Author's display name (a byline, not a user account). */
  author: z.string(),
  /** When it became (or becomes) public: publishAt if set, else the publish time. ISO 8601. */
  publishedAt: z.iso.datetime({ offset: true }),
  topics: z.array(TopicRef),
  /** Economies the article is about. */
  economies: z.array(EconomyCode),
  language: LanguageInfo,
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  /** Sanitised HTML body in the served language (safe to render). */
  bodyHtml: z.string(),
  /** Last change of the published text. ISO 8601. */
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Article = z.infer<typeof Article>;

export const ArticleListQuery = PageQuery.extend({
  kind: ArticleKind.optional(),
  /** Topic slug. */
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
  /** Only articles available in this language (no fallback). */
  language: ContentLanguage.optional(),
  lang: ContentLanguage.optional(),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuery>;

export const ArticlePage = Page(ArticleSummary);
export type ArticlePage = z.infer<typeof ArticlePage>;

/** One language version of an article as an editor writes it. */
export const ArticleTranslationInput = z
  .object({
    language: ContentLanguage,
    title: z.string().trim().min(1).max(300),
    lead: z.string().trim().max(2000).default(''),
    /** Rich text (HTML). Sanitised on the server: scripts, on* attributes, javascript: URLs, styles are removed. */
    bodyHtml: z.string().max(200_000),
    leadImageAlt: z.string().max(300).nullable().default(null),
  })
  .strict();
export type ArticleTranslationInput = z.infer<typeof ArticleTranslationInput>;

export const ArticleInput = z
  .object({
    /** Stable deep-link slug; unique among articles. */
    slug: Slug,
    kind: ArticleKind,
    author: z.string().trim().min(1).max(200),
    leadImageUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().default(null),
    topics: z.array(Slug).max(15).default([]),
    economies: z.array(EconomyCode).max(20).default([]),
    /** The language of the original text (must be among translations). */
    originalLanguage: ContentLanguage,
    translations: z.array(ArticleTranslationInput).min(1).max(CONTENT_LANGUAGES.length),
  })
  .strict();
export type ArticleInput = z.infer<typeof ArticleInput>;

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

export const DocumentFile = z.object({
  format: DocumentFormat,
  /** Media type served with the download. */
  mediaType: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  /** Number of pages (PDF only; null when unknown). */
  pageCount: z.number().int().nullable(),
  /** Public download URL (GET). */
  downloadUrl: z.string(),
});
export type DocumentFile = z.infer<typeof DocumentFile>;

export const DocumentSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  kind: DocumentKind,
  title: z.string(),
  /** Short description (plain text). */
  summary: z.string(),
  /** Who published the document (an institution). */
  publisher: z.string(),
  /** Publication date of the document itself (YYYY-MM-DD). */
  publishedOn: z.iso.date(),
  language: ContentLanguage,
  topics: z.array(TopicRef),
  economies: z.array(EconomyCode),
  file: DocumentFile,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const Document = DocumentSummary.extend({
  /**
   * Preview of the first page. Rendering page images is not done on the server: the preview is
   * the first ~1,500 characters of the extracted text (kind 'text').
   */
  preview: z.object({ kind: z.literal('text'), text: z.string() }),
  /** Number of characters of text extracted for search. */
  extractedChars: z.number().int(),
  /** Events this document belongs to (materials). */
  events: z.array(z.object({ slug: Slug, title: z.string() })),
});
export type Document = z.infer<typeof Document>;

export const DocumentListQuery = PageQuery.extend({
  kind: DocumentKind.optional(),
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
  language: ContentLanguage.optional(),
  /** Publication year. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentPage = Page(DocumentSummary);
export type DocumentPage = z.infer<typeof DocumentPage>;

/**
 * Metadata of an uploaded document. On upload it travels as the multipart field `metadata`
 * (a JSON string) beside the field `file`; on update as the JSON body.
 */
export const DocumentMetadataInput = z
  .object({
    slug: Slug,
    kind: DocumentKind,
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(3000).default(''),
    publisher: z.string().trim().min(1).max(300),
    publishedOn: z.iso.date(),
    language: ContentLanguage,
    topics: z.array(Slug).max(15).default([]),
    economies: z.array(EconomyCode).max(20).default([]),
  })
  .strict();
export type DocumentMetadataInput = z.infer<typeof DocumentMetadataInput>;

/** Upload limit for document files. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

export const EventPlace = z.object({
  /** True for an online-only event. */
  online: z.boolean(),
  venue: z.string().nullable(),
  city: z.string().nullable(),
  economy: EconomyCode.nullable(),
  /** Link to join online (public). */
  onlineUrl: z.string().nullable(),
});
export type EventPlace = z.infer<typeof EventPlace>;

export const EventSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  kind: EventKind,
  title: z.string(),
  summary: z.string(),
  /** Start as an ISO 8601 instant (UTC offset). */
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** IANA time zone of the venue, e.g. Europe/Belgrade; show local times in it. */
  timeZone: z.string(),
  place: EventPlace,
  organiser: z.string(),
  language: ContentLanguage,
  topics: z.array(TopicRef),
  economies: z.array(EconomyCode),
  /** True when the event has ended. */
  past: z.boolean(),
  /** URL of this event's iCalendar file. */
  icsUrl: z.string(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const Event = EventSummary.extend({
  /** Sanitised HTML agenda (safe to render). */
  agendaHtml: z.string(),
  /** Materials: public documents attached to the event (kept after it ends). */
  documents: z.array(DocumentSummary),
  /** Registrations so far. */
  registrationCount: z.number().int(),
  /** Whether the signed-in user is registered (null for visitors). */
  registered: z.boolean().nullable(),
  /** True while registration is possible (the event has not started). */
  registrationOpen: z.boolean(),
  abilities: z.object({ 'portal.event.register': z.boolean() }),
});
export type Event = z.infer<typeof Event>;

export const EventListQuery = PageQuery.extend({
  /** upcoming (default: not yet ended, soonest first), past (latest first) or all. */
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  kind: EventKind.optional(),
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const EventPage = Page(EventSummary);
export type EventPage = z.infer<typeof EventPage>;

export const EventInput = z
  .object({
    slug: Slug,
    kind: EventKind,
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(3000).default(''),
    /** Sanitised on the server. */
    agendaHtml: z.string().max(100_000).default(''),
    /** Local wall-clock start in the event's time zone, YYYY-MM-DDTHH:mm. */
    startsLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    endsLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    /** IANA time zone, e.g. Europe/Skopje. */
    timeZone: z.string().min(1).max(64),
    online: z.boolean().default(false),
    venue: z.string().max(300).nullable().default(null),
    city: z.string().max(200).nullable().default(null),
    economy: EconomyCode.nullable().default(null),
    onlineUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().default(null),
    organiser: z.string().trim().min(1).max(300),
    language: ContentLanguage.default('en'),
    topics: z.array(Slug).max(15).default([]),
    economies: z.array(EconomyCode).max(20).default([]),
    /** Slugs of documents attached as materials. */
    documents: z.array(Slug).max(50).default([]),
  })
  .strict();
export type EventInput = z.infer<typeof EventInput>;

export const EventRegistration = z.object({
  event: EventSummary,
  /** When the user registered. ISO 8601. */
  registeredAt: z.iso.datetime({ offset: true }),
});
export type EventRegistration = z.infer<typeof EventRegistration>;

export const EventRegistrationList = z.object({ items: z.array(EventRegistration) });
export type EventRegistrationList = z.infer<typeof EventRegistrationList>;

// ---------------------------------------------------------------------------------------------
// Regional initiatives
// ---------------------------------------------------------------------------------------------

export const InitiativeSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  name: z.string(),
  acronym: z.string().nullable(),
  /** Year founded. */
  founded: z.number().int().nullable(),
  /** Year it ended (historic initiatives), else null. */
  ended: z.number().int().nullable(),
  /** active or historic (succeeded / dissolved). */
  status: z.enum(['active', 'historic']),
  /** Seat (city, economy) of its secretariat, if any. */
  seat: z.string().nullable(),
  memberEconomies: z.array(EconomyCode),
  topics: z.array(TopicRef),
});
export type InitiativeSummary = z.infer<typeof InitiativeSummary>;

export const Initiative = InitiativeSummary.extend({
  /** Mandate (plain text, English). */
  mandate: z.string(),
  /** Public website. */
  website: z.string().nullable(),
  /** Members beyond the region's economies (states and organisations), free text. */
  otherMembers: z.string().nullable(),
  /** The body this one operates under (e.g. SEESAC under RCC/UNDP). */
  parent: InitiativeRef.nullable(),
  /** What replaced it (Stability Pact → RCC). */
  successor: InitiativeRef.nullable(),
  /** Bodies it replaced (inverse of successor). */
  predecessors: z.array(InitiativeRef),
  /** Bodies operating under it (inverse of parent). */
  children: z.array(InitiativeRef),
  related: z.object({
    articles: z.array(ArticleSummary),
    documents: z.array(DocumentSummary),
    events: z.array(EventSummary),
  }),
});
export type Initiative = z.infer<typeof Initiative>;

export const InitiativeListQuery = z.object({
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
  status: z.enum(['active', 'historic', 'all']).default('all'),
  lang: ContentLanguage.optional(),
});
export type InitiativeListQuery = z.infer<typeof InitiativeListQuery>;

export const InitiativeList = z.object({ items: z.array(InitiativeSummary) });
export type InitiativeList = z.infer<typeof InitiativeList>;

/** Membership matrix: initiatives × economies. */
export const MembershipMatrix = z.object({
  /** Column order. */
  economies: z.array(EconomyRef),
  rows: z.array(
    z.object({
      initiative: InitiativeRef,
      status: z.enum(['active', 'historic']),
      /** Economy codes that are members (a cell is true when the code is listed). */
      members: z.array(EconomyCode),
    }),
  ),
});
export type MembershipMatrix = z.infer<typeof MembershipMatrix>;

// ---------------------------------------------------------------------------------------------
// Key statistics
// ---------------------------------------------------------------------------------------------

export const IndicatorSource = z.object({
  /** Attribution line, e.g. "UNODC, Global Report on Trafficking in Persons 2022". */
  name: z.string(),
  url: z.string().nullable(),
  /** True for illustrative demo figures that are not from a public source. */
  illustrative: z.boolean(),
});
export type IndicatorSource = z.infer<typeof IndicatorSource>;

export const IndicatorPoint = z.object({ year: z.number().int(), value: z.number() });
export const IndicatorSeries = z.object({ economy: EconomyCode, points: z.array(IndicatorPoint) });
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

export const IndicatorSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  name: z.string(),
  description: z.string(),
  /** Unit of every value, e.g. "per 100,000 inhabitants", "%". */
  unit: z.string(),
  source: IndicatorSource,
  topics: z.array(TopicRef),
  /** Economies with data. */
  economies: z.array(EconomyCode),
  /** First and last year with data. */
  years: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
  /** URL of the CSV download. */
  csvUrl: z.string(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const Indicator = IndicatorSummary.extend({ series: z.array(IndicatorSeries) });
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorList = z.object({ items: z.array(IndicatorSummary) });
export type IndicatorList = z.infer<typeof IndicatorList>;

export const IndicatorListQuery = z.object({ topic: Slug.optional(), lang: ContentLanguage.optional() });

export const IndicatorInput = z
  .object({
    slug: Slug,
    name: z.string().trim().min(1).max(300),
    description: z.string().trim().max(3000).default(''),
    unit: z.string().trim().min(1).max(100),
    sourceName: z.string().trim().min(1).max(500),
    sourceUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().default(null),
    illustrative: z.boolean().default(false),
    topics: z.array(Slug).max(15).default([]),
    series: z
      .array(
        z
          .object({
            economy: EconomyCode,
            points: z.array(z.object({ year: z.number().int().min(1900).max(2100), value: z.number().finite() }).strict()).max(200),
          })
          .strict(),
      )
      .max(30),
  })
  .strict();
export type IndicatorInput = z.infer<typeof IndicatorInput>;

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

export const SearchQuery = PageQuery.extend({
  /** Free text; Cyrillic/Latin, diacritics and one typo are tolerated. Capped at 200 characters. Empty → latest items. */
  q: z.string().default(''),
  type: SearchType.optional(),
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  language: ContentLanguage.optional(),
  lang: ContentLanguage.optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A run of a snippet; `match` runs are the highlighted parts (render them in <mark>). */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  type: SearchType,
  id: z.uuid(),
  slug: Slug,
  title: z.string(),
  /** Highlighted excerpt of the original text (not the folded text). */
  snippet: z.array(SnippetPart),
  /** Relative URL of the public page in the web app, e.g. /portal/articles/<slug>. */
  url: z.string(),
  /** Date of the item (publication, event start …). ISO 8601. */
  date: z.iso.datetime({ offset: true }).nullable(),
  language: ContentLanguage.nullable(),
  topics: z.array(Slug),
  economies: z.array(EconomyCode),
  /** Relevance (higher is better); 0 for the empty query. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetBucket = z.object({ value: z.string(), count: z.number().int() });
export type FacetBucket = z.infer<typeof FacetBucket>;

export const SearchResult = z.object({
  items: z.array(SearchHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The query as used (trimmed, capped). */
  query: z.string(),
  /** Counts over the same filtered set (each facet ignores no filter: counts equal what a click would return). */
  facets: z.object({
    type: z.array(FacetBucket),
    topic: z.array(FacetBucket),
    economy: z.array(FacetBucket),
    year: z.array(FacetBucket),
    language: z.array(FacetBucket),
  }),
});
export type SearchResult = z.infer<typeof SearchResult>;

// ---------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------

export const EconomyList = z.object({ items: z.array(EconomyRef) });
export type EconomyList = z.infer<typeof EconomyList>;

// ---------------------------------------------------------------------------------------------
// Editor side (portal.content.* actions)
// ---------------------------------------------------------------------------------------------

/** Workflow transitions. Who may take each is in docs/portal-api.md. */
export const WORKFLOW_TRANSITIONS = ['submit', 'return', 'publish', 'archive', 'restore'] as const;
export const WorkflowTransition = z.enum(WORKFLOW_TRANSITIONS);
export type WorkflowTransition = z.infer<typeof WorkflowTransition>;

export const TransitionInput = z
  .object({
    transition: WorkflowTransition,
    /** For publish: a future instant to schedule it; omitted or past = now. ISO 8601. */
    publishAt: z.iso.datetime({ offset: true }).nullable().optional(),
    /** Optional note kept in the revision history. */
    note: z.string().max(1000).optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionInput>;

export const EditorAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  publish: z.boolean(),
  archive: z.boolean(),
  restore: z.boolean(),
});
export type EditorAbilities = z.infer<typeof EditorAbilities>;

export const EditorWorkflowState = z.object({
  status: WorkflowStatus,
  /** Scheduled or actual publish instant. */
  publishAt: z.iso.datetime({ offset: true }).nullable(),
  /** True when published but the publish instant is still in the future. */
  scheduled: z.boolean(),
  /** Number of the latest revision (1 = created). */
  revision: z.number().int(),
  /** Who submitted it for review (they may not publish it). */
  submittedBy: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  abilities: EditorAbilities,
});
export type EditorWorkflowState = z.infer<typeof EditorWorkflowState>;

/** One row of an editor list (any workflow type). */
export const EditorItem = z.object({
  type: WorkflowType,
  id: z.uuid(),
  slug: Slug,
  title: z.string(),
  workflow: EditorWorkflowState,
});
export type EditorItem = z.infer<typeof EditorItem>;

export const EditorListQuery = PageQuery.extend({ status: WorkflowStatus.optional() });
export type EditorListQuery = z.infer<typeof EditorListQuery>;

export const EditorItemPage = Page(EditorItem);
export type EditorItemPage = z.infer<typeof EditorItemPage>;

export const EditorArticle = z.object({ id: z.uuid(), input: ArticleInput, workflow: EditorWorkflowState });
export type EditorArticle = z.infer<typeof EditorArticle>;
export const EditorDocument = z.object({ id: z.uuid(), input: DocumentMetadataInput, file: DocumentFile, workflow: EditorWorkflowState });
export type EditorDocument = z.infer<typeof EditorDocument>;
export const EditorEvent = z.object({ id: z.uuid(), input: EventInput, workflow: EditorWorkflowState });
export type EditorEvent = z.infer<typeof EditorEvent>;
export const EditorIndicator = z.object({ id: z.uuid(), input: IndicatorInput, workflow: EditorWorkflowState });
export type EditorIndicator = z.infer<typeof EditorIndicator>;

export const Revision = z.object({
  number: z.number().int(),
  /** What happened: created, updated, or a transition name. */
  change: z.string(),
  status: WorkflowStatus,
  authorName: z.string(),
  authorId: z.uuid().nullable(),
  at: z.iso.datetime({ offset: true }),
  note: z.string().nullable(),
  /** Top-level input fields that changed compared to the previous revision. */
  changedFields: z.array(z.string()),
  /** The full input as it was after this revision. */
  snapshot: z.record(z.string(), z.unknown()),
});
export type Revision = z.infer<typeof Revision>;

export const RevisionList = z.object({ items: z.array(Revision) });
export type RevisionList = z.infer<typeof RevisionList>;

export const WorkflowParams = z.object({ type: WorkflowType, id: z.uuid() });
export const SlugParams = z.object({ slug: Slug });
export const IdParams = z.object({ id: z.uuid() });

/** Everything public tagged with one topic (each list at most 20, newest first). */
export const TopicPage = z.object({
  topic: Topic,
  articles: z.array(ArticleSummary),
  documents: z.array(DocumentSummary),
  events: z.array(EventSummary),
  initiatives: z.array(InitiativeSummary),
  indicators: z.array(IndicatorSummary),
});
export type TopicPage = z.infer<typeof TopicPage>;
