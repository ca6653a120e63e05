import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../platform/config';
import { migrateDatabase, openDatabase } from '../platform/db/client';
import { inTransaction } from '../platform/db/sql';
import { SYSTEM_ACTOR } from '../platform/access/actor';
import { recordAudit } from '../platform/audit/service';
import { userAccount } from '../platform/auth/schema';
import { hashPassword } from '../platform/auth/passwords';
import { generatePassword } from '../platform/auth/tokens';

/**
 * `minzheng admin reset-password <username>`: the operator's way back into an administrator account (the
 * system administrator may not reset the security or audit administrator). Prints a one-time password that
 * must be changed at the next login; unlocks the account and ends its sessions; audited.
 */
export async function adminResetPassword(username: string | undefined): Promise<number> {
  if (!username) {
    console.error('usage: minzheng admin reset-password <username>');
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    const found = await inTransaction(database.db, async (tx) => {
      const [u] = await tx
        .update(userAccount)
        .set({
          passwordHash,
          mustChangePassword: true,
          passwordChangedAt: new Date(),
          failedLogins: 0,
          lockedUntil: null,
          version: sql`${userAccount.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(userAccount.username, username))
        .returning();
      if (!u) return false;
      await tx.execute(sql`delete from session where user_id = ${u.id}`);
      await recordAudit(
        tx,
        { ...SYSTEM_ACTOR, name: 'cli' },
        {
          action: 'user.reset-password',
          entityType: 'user',
          entityId: u.id,
          after: { by: 'minzheng admin reset-password' },
          regionCode: u.scopeCode,
        },
      );
      return true;
    });
    if (!found) {
      console.error(`no user ${username}`);
      return 1;
    }
    console.log(`${username}: one-time password ${password} (must be changed at the next login)`);
    return 0;
  } finally {
    await database.close();
  }
}
