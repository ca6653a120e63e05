import { loadConfig } from '../platform/config';
import { migrateDatabase, openDatabase } from '../platform/db/client';
import { loadReferenceData } from '../platform/bootstrap/reference-data';
import { auditVerify } from './audit-verify';
import { serve } from './serve';
import { adminResetPassword } from './admin-reset';
import { seedPopulationCommand } from './seed-population';
import { keysRotate } from './keys-rotate';

const USAGE = `minzheng <command>
  serve            run the server (API + web); default
  migrate          apply database migrations and load reference data, then exit
  audit verify     check the audit log's hash chain; exit 1 naming the first bad row
  admin reset-password <username>
                   give an account a one-time password (the operator's recovery of an administrator)
  seed population [--scale S] [--seed N] [--append]
                   a synthetic, reproducible population of Baoji (scale 1 = 3.77 million people; default
                   0.01, seed 1); refuses a registry that already holds people unless --append
  keys rotate      re-encrypt sensitive columns under a new data key (see README)
Environment: PORT, DATA_DIR (embedded database folder), DATABASE_URL (PostgreSQL), MINZHENG_ADMIN_PASSWORD`;

async function main(argv: string[]) {
  const [cmd = 'serve', sub, arg] = argv;
  if (cmd === 'serve') return serve();
  if (cmd === 'migrate') {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    await database.close();
    console.log('migrated');
    return;
  }
  if (cmd === 'audit' && sub === 'verify') process.exit(await auditVerify());
  if (cmd === 'admin' && sub === 'reset-password') process.exit(await adminResetPassword(arg));
  if (cmd === 'seed' && sub === 'population') process.exit(await seedPopulationCommand(argv.slice(2)));
  if (cmd === 'keys' && sub === 'rotate') process.exit(await keysRotate());
  console.log(USAGE);
  process.exit(cmd === 'help' || cmd === '--help' ? 0 : 2);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
