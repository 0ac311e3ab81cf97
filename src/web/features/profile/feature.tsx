import type { Feature } from '../../app/feature';
import { RequireSignIn } from '../auth/RequireSignIn';
import { ProfilePage } from './ProfilePage';

export const profileFeature: Feature = {
  routes: [
    {
      path: 'profile',
      element: (
        <RequireSignIn ability="profile.read">
          <ProfilePage />
        </RequireSignIn>
      ),
    },
  ],
  nav: [],
};
