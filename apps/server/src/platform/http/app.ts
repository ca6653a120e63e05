import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { installErrorHandler } from './error-handler';
import { installAuth } from './auth-hook';
import { HttpErrors } from './errors';
import { langFromHeader, pick } from '../i18n/lang';

export interface HttpOptions {
  ctx: AppContext;
  logLevel: string;
  /** Route plugins: the platform's and each module's public face. */
  plugins: Array<(app: FastifyInstance) => Promise<void>>;
}

/** The HTTP shell: zod validation, one error mapping, auth and permission guard, OpenAPI, the web app. */
export async function buildHttp(opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel },
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: opts.ctx.config.trustProxy,
    // Errors raised before routing (a malformed URL, say) get the same envelope as every other error.
    frameworkErrors: (error, req, reply) => {
      const lang = langFromHeader(req.headers['accept-language']);
      const e = HttpErrors.BAD_REQUEST({ reason: error.message });
      void (reply as FastifyReply)
        .status(400)
        .send({ error: { code: e.code, message: pick(e.text, lang, e.params) } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', opts.ctx);
  installErrorHandler(app);
  await app.register(cookie);
  installAuth(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Minzheng API', description: '民政业务平台 API', version: opts.ctx.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  for (const plugin of opts.plugins) await app.register(plugin);

  const webDir = opts.ctx.config.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    const root = path.resolve(webDir);
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      // Built assets carry a content hash in their names: cache them for good, never the page itself.
      setHeaders: (reply, file) => {
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.get('/*', { config: { permission: 'public' } }, (req, reply) => {
      const url = decodeURIComponent(req.url.split('?')[0]!);
      if (url.startsWith('/api/')) return reply.callNotFound();
      // A file built after start-up is still served; a missing asset is a 404, not the page.
      if (url.startsWith('/assets/')) {
        const file = path.resolve(root, `.${url}`);
        return file.startsWith(root + path.sep) && fs.existsSync(file)
          ? reply.sendFile(url.slice(1))
          : reply.callNotFound();
      }
      // Client-side routes (/users, /audit …) all load the single page.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
