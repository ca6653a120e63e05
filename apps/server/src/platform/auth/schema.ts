import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, version } from '../db/columns';

export const userAccount = pgTable(
  'user_account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    scopeCode: text('scope_code').notNull(),
    status: text('status').notNull().default('active'),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...version,
    ...timestamps,
  },
  (t) => [index('user_account_scope_idx').on(t.scopeCode)],
);

export const role = pgTable('role', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** system / security / audit for the three separated administrators (MLPS level 3); null otherwise. */
  adminKind: text('admin_kind'),
  ...timestamps,
});

export const rolePermission = pgTable(
  'role_permission',
  {
    roleCode: text('role_code')
      .notNull()
      .references(() => role.code),
    permission: text('permission').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.roleCode, t.permission] })],
);

export const userRole = pgTable(
  'user_role',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id),
    roleCode: text('role_code')
      .notNull()
      .references(() => role.code),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleCode] })],
);

/** Server-side sessions: the cookie or bearer token is hashed; the row is what can be revoked. */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id),
    csrfToken: text('csrf_token').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    address: text('address'),
    userAgent: text('user_agent'),
    ...timestamps,
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Password and session policy as dated rows; the newest row whose valid_from has come is in force. */
export const securityPolicy = pgTable('security_policy', {
  id: serial('id').primaryKey(),
  validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
  minPasswordLength: integer('min_password_length').notNull(),
  minCharClasses: integer('min_char_classes').notNull(),
  maxFailedLogins: integer('max_failed_logins').notNull(),
  lockoutMinutes: integer('lockout_minutes').notNull(),
  idleTimeoutMinutes: integer('idle_timeout_minutes').notNull(),
  passwordMaxAgeDays: integer('password_max_age_days').notNull(),
  createdBy: uuid('created_by'),
  ...timestamps,
});
