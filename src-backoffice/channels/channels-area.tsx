// The channels area (admins): the channels and, per channel, its API keys — issue a new key
// (shown once), revoke an old one with a reason. A rotation is both, in that order.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { ChannelPage } from './ChannelPage';
import { ChannelsPage } from './ChannelsPage';

const REQUIRES = 'GET /v1/channels';

export const channelsArea: Area = {
  id: 'channels',
  path: '/channels',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/channels',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z.object({ cursor: z.string().optional().catch(undefined) }).parse(search),
      component: ChannelsPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/channels/$channelCode',
      beforeLoad: requireArea('GET /v1/channels/:channel/keys'),
      component: ChannelPage,
    }),
  ],
};
