import type { Feature } from '../../app/feature';
import { SignInPage } from './SignInPage';

export const authFeature: Feature = {
  routes: [{ path: 'sign-in', element: <SignInPage /> }],
  nav: [],
};
