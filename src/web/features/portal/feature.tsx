import { Navigate, useParams, type RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { ArticlePage } from './pages/ArticlePage';
import { DocumentPage } from './pages/DocumentPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { EconomyPage } from './pages/EconomyPage';
import { EventPage } from './pages/EventPage';
import { EventsPage } from './pages/EventsPage';
import { HomePage } from './pages/HomePage';
import { InitiativeMatrixPage } from './pages/InitiativeMatrixPage';
import { InitiativePage } from './pages/InitiativePage';
import { InitiativesPage } from './pages/InitiativesPage';
import { NewsListPage } from './pages/NewsListPage';
import { SearchPage } from './pages/SearchPage';
import { SitePage } from './pages/SitePage';
import { StatisticsPage } from './pages/StatisticsPage';
import { TopicPage } from './pages/TopicPage';
import { TopicsPage } from './pages/TopicsPage';
import './portal.css';

/** The API's deep links (feeds, sitemap, search `url`) use /portal/<kind>/<slug>; the pages live here. */
function DeepLink({ to }: { to: string }) {
  const { slug = '' } = useParams();
  return <Navigate to={`${to}/${slug}`} replace />;
}

const DEEP_LINKS: [string, string][] = [
  ['articles', '/news'],
  ['documents', '/documents'],
  ['events', '/events'],
  ['initiatives', '/initiatives'],
  ['statistics', '/statistics'],
  ['topics', '/topics'],
];

/** Editor pages load on demand: the rich text editor and date pickers are large. */
const editorRoutes: RouteObject[] = [
  { index: true, lazy: () => import('./editor/EditorDashboardPage') },
  { path: 'articles/new', lazy: () => import('./editor/ArticleEditorPage') },
  { path: 'articles/:id', lazy: () => import('./editor/ArticleEditorPage') },
  { path: ':type/:id/preview', lazy: () => import('./editor/PreviewPage') },
  { path: 'documents/new', lazy: () => import('./editor/DocumentEditorPage') },
  { path: 'documents/:id', lazy: () => import('./editor/DocumentEditorPage') },
  { path: 'events/new', lazy: () => import('./editor/EventEditorPage') },
  { path: 'events/:id', lazy: () => import('./editor/EventEditorPage') },
  {
    element: <RequireSignIn ability="portal.statistics.edit" />,
    children: [
      { path: 'indicators/new', lazy: () => import('./editor/IndicatorEditorPage') },
      { path: 'indicators/:id', lazy: () => import('./editor/IndicatorEditorPage') },
    ],
  },
];

export const portalFeature: Feature = {
  routes: [
    { index: true, element: <HomePage /> },
    { path: 'news', element: <NewsListPage /> },
    { path: 'news/:slug', element: <ArticlePage /> },
    { path: 'documents', element: <DocumentsPage /> },
    { path: 'documents/:slug', element: <DocumentPage /> },
    { path: 'topics', element: <TopicsPage /> },
    { path: 'topics/:slug', element: <TopicPage /> },
    { path: 'initiatives', element: <InitiativesPage /> },
    { path: 'initiatives/matrix', element: <InitiativeMatrixPage /> },
    { path: 'initiatives/:slug', element: <InitiativePage /> },
    { path: 'events', element: <EventsPage /> },
    { path: 'events/:slug', element: <EventPage /> },
    { path: 'statistics', element: <StatisticsPage /> },
    // ECharts is large: the chart page loads on demand.
    { path: 'statistics/:slug', lazy: () => import('./pages/IndicatorPage') },
    { path: 'search', element: <SearchPage /> },
    { path: 'economies/:code', element: <EconomyPage /> },
    { path: 'pages/:slug', element: <SitePage /> },
    { path: 'editor/pages/:slug', element: <RequireSignIn ability="portal.taxonomy.manage" />, children: [{ index: true, lazy: () => import('./pages/SitePageEditorPage') }] },
    { path: 'editor', element: <RequireSignIn ability="portal.content.write" />, children: editorRoutes },
    ...DEEP_LINKS.map(([kind, to]) => ({ path: `portal/${kind}/:slug`, element: <DeepLink to={to} /> })),
  ],
  nav: [
    { to: '/', label: 'portal:nav.home', area: 'portal' },
    { to: '/news', label: 'portal:nav.news', area: 'portal' },
    { to: '/documents', label: 'portal:nav.documents', area: 'portal' },
    { to: '/topics', label: 'portal:nav.topics', area: 'portal' },
    { to: '/initiatives', label: 'portal:nav.initiatives', area: 'portal' },
    { to: '/events', label: 'portal:nav.events', area: 'portal' },
    { to: '/statistics', label: 'portal:nav.statistics', area: 'portal' },
    { to: '/search', label: 'portal:nav.search', area: 'portal' },
    { to: '/editor', label: 'portal:nav.editor', area: 'secure', ability: 'portal.content.write' },
  ],
};
