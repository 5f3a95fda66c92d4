// The route skeleton the areas hang from: the root, and the signed-in shell (a pathless layout
// that sends anyone without a session to the sign-in page).
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { ApiFailure } from './api';
import { meQuery, mayUse } from './session';
import { Shell } from './Shell';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

export const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    try {
      return { me: await context.queryClient.ensureQueryData(meQuery) };
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) {
        throw redirect({ to: '/sign-in', search: { next: location.href } });
      }
      throw error;
    }
  },
  component: Shell,
});

/** For an area's routes: refuses (back to the start page) when the person's roles do not open it. */
export function requireArea(requires: string | null) {
  return async ({ context }: { context: RouterContext }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!mayUse(me, requires)) throw redirect({ to: '/', search: { refused: requires ?? '' } });
  };
}
