// OpenAPI 3 generated from the routes' zod schemas; JSON at /docs/json, a browsable UI at /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Central OMS',
        version: '0.1.0',
        description:
          'Order intake from every sales channel, nearest-warehouse sourcing with reservations, shipping method and cost. ' +
          'Money is in integer minor units (cents). Errors are `{code, message, field}`.',
      },
      components: {
        securitySchemes: {
          channelKey: {
            type: 'http',
            scheme: 'bearer',
            description: "A channel's API key (its own orders only).",
          },
          apiKeyHeader: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Api-Key',
            description: "A channel's API key.",
          },
          adminToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The admin token from configuration (ADMIN_TOKEN).',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'oms_session',
            description:
              'A signed-in person (POST /v1/people/sessions); requests that change something also send X-CSRF-Token.',
          },
          stationToken: {
            type: 'http',
            scheme: 'bearer',
            description: "A packing station's token, from enrolment (its warehouse only).",
          },
        },
      },
      tags: [
        { name: 'orders', description: 'Order intake and lifecycle' },
        {
          name: 'connectors',
          description:
            'Channel platforms (Shopify, Adobe Commerce) mapped onto the canonical order',
        },
        { name: 'warehouses', description: 'Warehouse work' },
        {
          name: 'stations',
          description: 'Packing stations: enrolment, packers, leased number ranges',
        },
        { name: 'people', description: 'Sign-in, sessions, password reset and users admin' },
        { name: 'audit', description: 'Who changed what, when, before and after' },
        {
          name: 'sync',
          description: "Replication of a warehouse's work with its stations (RxDB protocol)",
        },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
