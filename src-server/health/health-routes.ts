import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../access/route-rules';

export const SERVICE_NAME = 'central-oms';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/health', { config: { access: PUBLIC } }, async () => ({
    status: 'ok',
    service: SERVICE_NAME,
    time: new Date().toISOString(),
  }));
}
