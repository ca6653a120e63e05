import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { SYSTEM_ACTOR, type Actor } from '../access/actor';
import { resolveSession } from '../auth/service';
import { recordAudit } from '../audit/service';
import { inTransaction } from '../db/sql';
import { langFromHeader } from '../i18n/lang';
import { HttpErrors } from './errors';

export const SESSION_COOKIE = 'mz_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function clientOf(req: FastifyRequest) {
  return { address: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null };
}

function anonymous(req: FastifyRequest): Actor {
  return { ...SYSTEM_ACTOR, name: 'anonymous', address: req.ip ?? null };
}

/**
 * Every API route declares `config.permission`; a route without one makes start-up fail, so no route is
 * ever left unguarded by mistake.
 */
export function installAuth(app: FastifyInstance) {
  app.decorateRequest('auth', null);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('lang', 'zh-CN');

  app.addHook('onRoute', (route) => {
    // The OpenAPI document and its viewer are public reading.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), permission: 'public' };
    if (route.url.startsWith('/api/') && !route.config?.permission) {
      throw new Error(`route ${route.method} ${route.url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (req) => {
    req.lang = langFromHeader(req.headers['accept-language']);
    req.actor = anonymous(req);
  });

  // Before validation: a caller without the right learns nothing about the input, and the denial is audited.
  app.addHook('preValidation', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (!permission || permission === 'public') return;
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const token = bearer ?? req.cookies?.[SESSION_COOKIE] ?? null;
    if (!token) throw HttpErrors.UNAUTHENTICATED();
    const auth = await resolveSession(app.ctx.db, token, clientOf(req));
    // Cookies ride along on cross-site requests; a change needs the token only our own page can read.
    if (!bearer && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, auth.csrfToken)) throw HttpErrors.CSRF();
    }
    req.auth = auth;
    req.actor = auth.actor;
    if (permission === 'self') return;
    if (auth.mustChangePassword) throw HttpErrors.PASSWORD_CHANGE_REQUIRED();
    if (permission === 'authenticated') return;
    if (!auth.actor.permissions.has(permission)) {
      await inTransaction(app.ctx.db, (tx) =>
        recordAudit(tx, auth.actor, {
          action: 'access.denied',
          entityType: 'route',
          entityId: `${req.method} ${req.routeOptions.url}`,
          outcome: 'denied',
          after: { permission },
        }),
      );
      throw HttpErrors.FORBIDDEN({ permission });
    }
  });
}
