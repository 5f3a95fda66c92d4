// The screens before signing in: sign-in, asking for a reset link, and setting a new password
// from the e-mailed link.
import { createRoute } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { ResetCompletePage } from './ResetCompletePage';
import { ResetRequestPage } from './ResetRequestPage';
import { SignInPage } from './SignInPage';

const signInSearch = z.object({ next: z.string().startsWith('/').optional().catch(undefined) });

export function signInRoutes(root: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => root,
      path: '/sign-in',
      validateSearch: (search) => signInSearch.parse(search),
      component: SignInPage,
    }),
    createRoute({
      getParentRoute: () => root,
      path: '/forgot-password',
      component: ResetRequestPage,
    }),
    createRoute({
      getParentRoute: () => root,
      path: '/reset-password',
      component: ResetCompletePage,
    }),
  ];
}
