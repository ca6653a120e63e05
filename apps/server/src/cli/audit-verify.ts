import { loadConfig } from '../platform/config';
import { migrateDatabase, openDatabase } from '../platform/db/client';
import { sealAudit } from '../platform/audit/sealer';
import { verifyAudit } from '../platform/audit/verify';
import { progressPrinter } from './progress';

/** `minzheng audit verify`: exit 0 when the chain is whole, 1 naming the first bad row otherwise. */
export async function auditVerify(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    await sealAudit(database.db);
    const print = progressPrinter('verify');
    const result = await verifyAudit(database.db, ({ checked, total }) => print(checked, total));
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (result.ok) {
      console.log(`audit chain OK: ${result.checked} rows verified`);
      return 0;
    }
    const p = result.problem!;
    console.error(
      `audit chain BROKEN at seq ${p.seq}${p.id ? ` (audit_log.id ${p.id})` : ''}: ${p.reason} — ${result.checked} rows verified before it`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
