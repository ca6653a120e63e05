import { loadConfig } from '../platform/config';
import { migrateDatabase, openDatabase } from '../platform/db/client';
import { loadReferenceData } from '../platform/bootstrap/reference-data';
import { loadKeyring } from '../platform/crypto/keyring';
import { PopulationNotEmptyError, seedPopulation } from '../modules/registry';
import { progressPrinter } from './progress';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`${name} needs a number`);
  return v;
}

/** `minzheng seed population`: exit 0 when seeded, 1 when refused or failed. */
export async function seedPopulationCommand(args: string[]): Promise<number> {
  const scale = option(args, '--scale', 0.01);
  const seed = option(args, '--seed', 1);
  if (!(scale > 0) || scale > 10) {
    console.error('--scale must be above 0 and at most 10');
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    const print = progressPrinter('seed population');
    const r = await seedPopulation(database, loadKeyring(config.dataDir), {
      scale,
      seed,
      append: args.includes('--append'),
      onProgress: print,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(
      `seeded ${r.persons} people in ${r.households} households (${r.members} memberships), scale ${scale}, seed ${seed}, in ${r.seconds.toFixed(1)} s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof PopulationNotEmptyError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}
