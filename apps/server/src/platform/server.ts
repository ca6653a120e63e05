import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { migrateDatabase, openDatabase, type Database } from './db/client';
import { buildHttp } from './http/app';
import { healthRoutes } from './http/health-routes';
import { authRoutes } from './auth/routes';
import { regionRoutes } from './regions/routes';
import { calendarRoutes } from './calendar/routes';
import { jobRoutes } from './jobs/routes';
import { auditRoutes } from './audit/routes';
import { JobWorker } from './jobs/worker';
import { loadKeyring } from './crypto/keyring';
import { sealAudit } from './audit/sealer';
import { loadReferenceData } from './bootstrap/reference-data';
import { ensureAdministrators, ensureDemoAccounts, type CreatedAccount } from './bootstrap/accounts';

export const VERSION = '0.1.0';

export interface Server {
  app: FastifyInstance;
  database: Database;
  worker: JobWorker;
  createdAdmins: CreatedAccount[];
  close(): Promise<void>;
}

/**
 * Opens the database, migrates it, loads reference data and builds the HTTP app. Business modules hand in
 * their route plugins; the platform never imports them.
 */
export async function createServer(
  config: Config,
  modulePlugins: Array<(app: FastifyInstance) => Promise<void>> = [],
  opts: { database?: Database } = {},
): Promise<Server> {
  const database =
    opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrateDatabase(database);
    const db = database.db;
    await loadReferenceData(db);
    const createdAdmins = await ensureAdministrators(db, config.adminPassword);
    if (config.demo) await ensureDemoAccounts(db);

    const worker = new JobWorker(db);
    const app = await buildHttp({
      ctx: { config, database, db, version: VERSION, keyring: loadKeyring(config.dataDir) },
      logLevel: config.logLevel,
      plugins: [
        healthRoutes,
        authRoutes,
        regionRoutes,
        calendarRoutes,
        jobRoutes,
        // Only a process that runs the worker wakes it; others leave queued jobs to the worker processes.
        (a) => auditRoutes(a, { onJobQueued: config.worker ? () => worker.poke() : undefined }),
        ...modulePlugins,
      ],
    });
    if (config.worker) worker.start();
    let sealing = false;
    const sealTimer = setInterval(() => {
      if (sealing) return;
      sealing = true;
      sealAudit(db)
        .catch((e: unknown) => app.log.error({ err: e }, 'audit sealing failed'))
        .finally(() => (sealing = false));
    }, config.auditSealIntervalMs);
    sealTimer.unref();
    return {
      app,
      database,
      worker,
      createdAdmins,
      close: async () => {
        clearInterval(sealTimer);
        await worker.stop();
        await app.close();
        await sealAudit(db).catch(() => undefined);
        if (!opts.database) await database.close();
      },
    };
  } catch (e) {
    if (!opts.database) await database.close();
    throw e;
  }
}
