import Fastify from 'fastify';
import type { ServerConfig } from './config';
import { healthRoutes } from './health/health-routes';

export async function createApp(_config: ServerConfig) {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  await app.register(healthRoutes);
  return app;
}
