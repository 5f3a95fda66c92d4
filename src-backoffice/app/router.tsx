import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { AREAS } from './areas';
import { NotFound } from './NotFound';
import { rootRoute, shellRoute } from './routes-base';
import { signInRoutes } from '../sign-in/sign-in-routes';

export function createBackofficeRouter(queryClient: QueryClient) {
  const routeTree = rootRoute.addChildren([
    ...signInRoutes(rootRoute),
    shellRoute.addChildren(AREAS.flatMap((area) => area.routes(shellRoute))),
  ]);
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultNotFoundComponent: NotFound,
    defaultPreload: false,
  });
}
