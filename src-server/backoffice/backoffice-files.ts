// Serves the built back office (src-backoffice/, built into dist/backoffice/) at `/`: hashed
// assets with a long cache, every other page path gets index.html (the app routes in the
// browser). A strict CSP: nothing remote, no inline script or style, no eval.
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import staticFiles from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PUBLIC } from '../access/route-rules';

export const BACKOFFICE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the API, its documentation and the customers' self-service pages (`/s/`) own: an
 * unknown one is a JSON 404, never the app. */
const NOT_THE_APP = /^\/(v1|docs|health|s)(\/|$)/;

/** The request path as a relative file path inside the root, or null when it would leave it. */
function fileUnder(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = posix.normalize(decoded).replace(/^\/+/, '');
  return file.startsWith('..') ? null : file;
}

function secureHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', BACKOFFICE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY');
}

export function backofficeFiles(root: string) {
  return async (app: FastifyInstance) => {
    await app.register(staticFiles, { root, serve: false, wildcard: false });
    const built = () => existsSync(join(root, 'index.html'));

    const page = async (reply: FastifyReply) => {
      if (!built()) {
        return secureHeaders(reply)
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The back office is not built: run `npm run build` (npm start builds it too).');
      }
      return secureHeaders(reply).header('cache-control', 'no-cache').sendFile('index.html');
    };

    app.get('/', { config: { access: PUBLIC }, schema: { hide: true } }, (_request, reply) =>
      page(reply),
    );
    app.get(
      '/*',
      { config: { access: PUBLIC }, schema: { hide: true } },
      async (request, reply) => {
        const path = request.url.split(/[?#]/)[0] ?? '/';
        if (NOT_THE_APP.test(path)) {
          return reply
            .code(404)
            .send({ code: 'not_found', message: `No route for ${request.method} ${path}.` });
        }
        const file = fileUnder(path);
        if (file !== null && existsSync(join(root, file)) && statSync(join(root, file)).isFile()) {
          // Built file names carry a content hash (assets/): they never change.
          const cache = file.startsWith('assets/')
            ? 'public, max-age=31536000, immutable'
            : 'no-cache';
          return secureHeaders(reply).header('cache-control', cache).sendFile(file);
        }
        if (file === null || /\.[a-z0-9]+$/i.test(path)) {
          return reply.code(404).send({ code: 'not_found', message: `No file ${path}.` });
        }
        return page(reply);
      },
    );
  };
}
