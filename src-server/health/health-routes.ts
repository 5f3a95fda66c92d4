import type { FastifyInstance } from 'fastify';

export const SERVICE_NAME = 'central-oms';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/health', async () => ({
    status: 'ok',
    service: SERVICE_NAME,
    time: new Date().toISOString(),
  }));
}
