import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { AuditPage } from './AuditPage';

export const auditFeature: Feature = {
  routes: [
    {
      path: 'audit',
      element: (
        <RequireSignIn ability="audit.read">
          <AuditPage />
        </RequireSignIn>
      ),
    },
  ],
  nav: [{ to: '/audit', label: 'audit:nav', ability: 'audit.read', area: 'secure' }],
};
