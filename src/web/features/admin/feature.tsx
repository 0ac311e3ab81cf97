import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { AdminAccessChangesPage } from './AdminAccessChangesPage';
import { AdminApiKeysPage } from './AdminApiKeysPage';
import { AdminDesksPage } from './AdminDesksPage';
import { AdminOrganisationsPage } from './AdminOrganisationsPage';
import { AdminSharingGroupsPage } from './AdminSharingGroupsPage';
import { AdminUsersPage } from './AdminUsersPage';

export const adminFeature: Feature = {
  routes: [
    {
      path: 'admin',
      element: <RequireSignIn />,
      children: [
        { path: 'users', element: <RequireSignIn ability="admin.user.manage"><AdminUsersPage /></RequireSignIn> },
        { path: 'organisations', element: <RequireSignIn ability="admin.organisation.manage"><AdminOrganisationsPage /></RequireSignIn> },
        { path: 'desks', element: <RequireSignIn ability="admin.desk.manage"><AdminDesksPage /></RequireSignIn> },
        { path: 'sharing-groups', element: <RequireSignIn ability="admin.sharing_group.manage"><AdminSharingGroupsPage /></RequireSignIn> },
        { path: 'access-changes', element: <RequireSignIn ability="admin.access_change.review"><AdminAccessChangesPage /></RequireSignIn> },
        { path: 'api-keys', element: <RequireSignIn ability="admin.api_key.manage"><AdminApiKeysPage /></RequireSignIn> },
      ],
    },
  ],
  nav: [
    { to: '/admin/users', label: 'admin:nav.users', ability: 'admin.user.manage', area: 'secure' },
    { to: '/admin/organisations', label: 'admin:nav.organisations', ability: 'admin.organisation.manage', area: 'secure' },
    { to: '/admin/desks', label: 'admin:nav.desks', ability: 'admin.desk.manage', area: 'secure' },
    { to: '/admin/sharing-groups', label: 'admin:nav.groups', ability: 'admin.sharing_group.manage', area: 'secure' },
    { to: '/admin/access-changes', label: 'admin:nav.accessChanges', ability: 'admin.access_change.review', area: 'secure' },
    { to: '/admin/api-keys', label: 'admin:nav.apiKeys', ability: 'admin.api_key.manage', area: 'secure' },
  ],
};
