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
    trustProxy: true,
    // Errors raised before routing (a malformed URL, say) get the same envelope as every other error.
    frameworkErrors: (error, req, reply) => {
      const lang = langFromHeader(req.headers['accept-language']);
      const e = HttpErrors.BAD_REQUEST({ reason: error.message });
      void (reply as FastifyReply).status(400).send({ error: { code: e.code, message: pick(e.text, lang, e.params) } });
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
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // Client-side routes (/users, /audit …) all load the single page.
    app.get('/*', { config: { permission: 'public' } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
