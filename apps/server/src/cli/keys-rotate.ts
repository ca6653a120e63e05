import { loadConfig } from '../platform/config';
import { migrateDatabase, openDatabase } from '../platform/db/client';
import { addKeyToFile, loadKeyring, pruneKeyFile } from '../platform/crypto/keyring';
import { keysInUse, rotateKeys } from '../platform/crypto/rotate';
import { inTransaction } from '../platform/db/sql';
import { recordAudit } from '../platform/audit/service';
import { SYSTEM_ACTOR } from '../platform/access/actor';
import '../modules';

/**
 * `minzheng keys rotate`: with the key file (no MINZHENG_DATA_KEY), adds a new current key, re-encrypts every
 * encrypted column under it and drops the old key. With MINZHENG_DATA_KEY, the operator sets the new key there
 * and the old one in MINZHENG_DATA_KEYS_OLD, and this re-encrypts under the new key.
 */
export async function keysRotate(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const fileMode = !process.env.MINZHENG_DATA_KEY;
    if (fileMode) loadKeyring(config.dataDir); // creates the key file on a first run
    const newId = fileMode ? addKeyToFile(config.dataDir) : null;
    const keyring = loadKeyring(config.dataDir);
    const counts = await rotateKeys(database.db, keyring, ({ column, done }) =>
      process.stderr.write(`\r${column}: ${done}`),
    );
    process.stderr.write('\n');
    if (fileMode) pruneKeyFile(config.dataDir, await keysInUse(database.db));
    await inTransaction(database.db, (tx) =>
      recordAudit(
        tx,
        { ...SYSTEM_ACTOR, name: 'cli' },
        { action: 'keys.rotate', after: { key: keyring.currentId, counts } },
      ),
    );
    console.log(`re-encrypted under key ${newId ?? keyring.currentId}: ${JSON.stringify(counts)}`);
    return 0;
  } finally {
    await database.close();
  }
}
