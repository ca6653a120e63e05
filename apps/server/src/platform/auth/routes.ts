import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordRequest,
  createUserRequest,
  loginRequest,
  loginResponse,
  meResponse,
  okBody,
  page,
  resetPasswordRequest,
  roleView,
  securityPolicyUpdate,
  securityPolicyView,
  sessionView,
  updateUserRequest,
  userView,
} from '@minzheng/contracts';
import { clientOf, SESSION_COOKIE } from '../http/auth-hook';
import { changeOwnPassword, login, logout } from './service';
import { toSessionUser } from './views';
import { allRoles } from './repo';
import {
  createUser,
  listLockedUsers,
  listUsers,
  resetPassword,
  unlockUser,
  updateUser,
} from './users-service';
import { getPolicy, listSessions, revokeSession, setPolicy } from './security-service';

const idParam = z.object({ id: z.uuid() });

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;

  r.post(
    '/api/v1/auth/login',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], body: loginRequest, response: { 200: loginResponse } },
    },
    async (req, reply) => {
      const result = await login(db(), req.body.username, req.body.password, clientOf(req));
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: req.protocol === 'https',
      });
      return result;
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { permission: 'self' }, schema: { tags: ['auth'], response: { 200: okBody } } },
    async (req, reply) => {
      await logout(db(), req.actor, req.auth!.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/auth/me',
    { config: { permission: 'self' }, schema: { tags: ['auth'], response: { 200: meResponse } } },
    async (req) => {
      const a = req.auth!;
      return {
        user: await toSessionUser(db(), a.user, a.roles, a.permissions, a.mustChangePassword),
        csrfToken: a.csrfToken,
        idleTimeoutMinutes: a.idleTimeoutMinutes,
      };
    },
  );

  r.post(
    '/api/v1/auth/password',
    {
      config: { permission: 'self' },
      schema: { tags: ['auth'], body: changePasswordRequest, response: { 200: okBody } },
    },
    async (req) => {
      await changeOwnPassword(
        db(),
        req.actor,
        req.auth!.sessionId,
        req.body.currentPassword,
        req.body.newPassword,
      );
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags: ['users'],
        querystring: z.object({
          q: z.string().max(64).optional(),
          cursor: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: page(userView) },
      },
    },
    async (req) => listUsers(db(), req.actor, req.query.q, req.query.cursor, req.query.limit),
  );

  r.post(
    '/api/v1/users',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], body: createUserRequest, response: { 200: userView } },
    },
    async (req) => createUser(db(), req.actor, req.body),
  );

  r.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], params: idParam, body: updateUserRequest, response: { 200: userView } },
    },
    async (req) => updateUser(db(), req.actor, req.params.id, req.body),
  );

  r.post(
    '/api/v1/users/:id/password',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], params: idParam, body: resetPasswordRequest, response: { 200: userView } },
    },
    async (req) => resetPassword(db(), req.actor, req.params.id, req.body.newPassword, req.body.version),
  );

  // Role names are not secret: every page shows the user's roles by name.
  r.get(
    '/api/v1/roles',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['users'], response: { 200: z.array(roleView) } },
    },
    async () => allRoles(db()),
  );

  r.get(
    '/api/v1/security/policy',
    {
      config: { permission: 'security.policy' },
      schema: { tags: ['security'], response: { 200: securityPolicyView } },
    },
    async () => getPolicy(db()),
  );
  r.put(
    '/api/v1/security/policy',
    {
      config: { permission: 'security.policy' },
      schema: { tags: ['security'], body: securityPolicyUpdate, response: { 200: securityPolicyView } },
    },
    async (req) => setPolicy(db(), req.actor, req.body),
  );
  r.get(
    '/api/v1/security/locked-users',
    {
      config: { permission: 'security.unlock' },
      schema: { tags: ['security'], response: { 200: z.array(userView) } },
    },
    async (req) => listLockedUsers(db(), req.actor),
  );
  r.post(
    '/api/v1/security/users/:id/unlock',
    {
      config: { permission: 'security.unlock' },
      schema: { tags: ['security'], params: idParam, response: { 200: okBody } },
    },
    async (req) => {
      await unlockUser(db(), req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/security/sessions',
    {
      config: { permission: 'security.sessions' },
      schema: { tags: ['security'], response: { 200: z.array(sessionView) } },
    },
    async (req) => listSessions(db(), req.actor),
  );
  r.delete(
    '/api/v1/security/sessions/:id',
    {
      config: { permission: 'security.sessions' },
      schema: {
        tags: ['security'],
        params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
        response: { 200: okBody },
      },
    },
    async (req) => {
      await revokeSession(db(), req.actor, req.params.id);
      return { ok: true as const };
    },
  );
}
