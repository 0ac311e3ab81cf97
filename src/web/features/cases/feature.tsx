import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { CaseCreatePage } from './CaseCreatePage';
import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { DashboardPage } from './DashboardPage';
import { FollowUpsPage } from './FollowUpsPage';
import { ReportEditorPage } from './reports/ReportEditorPage';
import { ReportListPage } from './reports/ReportListPage';
import { ReportPage } from './reports/ReportPage';

export const casesFeature: Feature = {
  routes: [
    {
      path: 'cases',
      element: <RequireSignIn />,
      children: [
        { index: true, element: <RequireSignIn ability="cases.case.list"><CaseListPage /></RequireSignIn> },
        { path: 'new', element: <RequireSignIn ability="cases.case.create"><CaseCreatePage /></RequireSignIn> },
        { path: 'dashboard', element: <RequireSignIn ability="cases.dashboard.read"><DashboardPage /></RequireSignIn> },
        { path: 'follow-ups', element: <RequireSignIn ability="cases.follow_up.request"><FollowUpsPage /></RequireSignIn> },
        { path: 'reports', element: <RequireSignIn ability="cases.report.list"><ReportListPage /></RequireSignIn> },
        { path: 'reports/new', element: <RequireSignIn ability="cases.report.write"><ReportEditorPage /></RequireSignIn> },
        { path: 'reports/:id', element: <RequireSignIn ability="cases.report.read"><ReportPage /></RequireSignIn> },
        { path: 'reports/:id/edit', element: <RequireSignIn ability="cases.report.write"><ReportEditorPage /></RequireSignIn> },
        { path: ':id', element: <RequireSignIn ability="cases.case.read"><CasePage /></RequireSignIn> },
      ],
    },
  ],
  nav: [
    { to: '/cases', label: 'cases:nav.cases', ability: 'cases.case.list', area: 'secure' },
    { to: '/cases/dashboard', label: 'cases:nav.dashboard', ability: 'cases.dashboard.read', area: 'secure' },
    { to: '/cases/reports', label: 'cases-reports:nav.reports', ability: 'cases.report.list', area: 'secure' },
  ],
};
