import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { Actor } from '../access/actor';
import type { ResolvedSession } from '../auth/service';
import type { Lang } from '../i18n/lang';
import type { Keyring } from '../crypto/keyring';

/** What every route handler reaches through `app.ctx`. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  version: string;
  /** Field encryption and blind indexes for sensitive personal data. */
  keyring: Keyring;
}

/**
 * `permission` on every API route: a permission code, or 'public' (no login), 'authenticated' (any user
 * whose password is in order) or 'self' (allowed even while a password change is forced).
 */
export type RoutePermission = string;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    auth: ResolvedSession | null;
    actor: Actor;
    lang: Lang;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}
