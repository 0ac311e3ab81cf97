import { Alert, Center, Loader, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Action } from '../../../contract/actions';
import { useSession } from '../../api/session';
import { NotFoundPage } from '../../app/NotFoundPage';
import { signInPath } from './safeNext';

export interface RequireSignInProps {
  /** What to show when signed in; without children the nested routes render (<Outlet />). */
  children?: ReactNode;
  /** Also require this ability from the session; without it the page answers "not found". */
  ability?: Action;
}

/**
 * Guards secure pages: anyone not fully signed in (including half-way through the second
 * factor) is sent to /sign-in?next=<this page>, and comes back here afterwards.
 */
export function RequireSignIn({ children, ability }: RequireSignInProps) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader />
        <VisuallyHidden>{t('loading')}</VisuallyHidden>
      </Center>
    );
  }
  if (session.error || !session.data) {
    return (
      <Alert color="red" title={t('error.title')} role="alert">
        {t('error.body')}
      </Alert>
    );
  }
  if (session.data.stage !== 'full') {
    return <Navigate to={signInPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  if (ability && session.data.abilities[ability] !== true) return <NotFoundPage />;
  return <>{children ?? <Outlet />}</>;
}
