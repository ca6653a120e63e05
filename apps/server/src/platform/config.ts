import path from 'node:path';

/** Everything the server reads from its environment, read once. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database, key files and the process lock. */
  dataDir: string;
  /** When set, the product runs on this PostgreSQL server instead of the embedded one. */
  databaseUrl: string | null;
  /** Demo accounts and demo data are created only on the embedded database unless forced. */
  demo: boolean;
  adminPassword: string | null;
  /** Folder with the built web app; served at `/` when it exists. */
  webDir: string | null;
  /** Seconds between two audit-chain sealing passes. */
  auditSealIntervalMs: number;
  /** Run the job worker inside this process. */
  worker: boolean;
  logLevel: string;
  /** Trust X-Forwarded-For (only behind a reverse proxy that sets it); otherwise clients could forge the audited address. */
  trustProxy: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const demoEnv = env.MINZHENG_DEMO;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl,
    demo: demoEnv === undefined ? databaseUrl === null : demoEnv === '1' || demoEnv === 'true',
    adminPassword: env.MINZHENG_ADMIN_PASSWORD || null,
    webDir: env.MINZHENG_WEB_DIR ?? null,
    auditSealIntervalMs: Number(env.MINZHENG_AUDIT_SEAL_MS ?? 1000),
    worker: env.MINZHENG_WORKER !== '0',
    logLevel: env.LOG_LEVEL ?? 'warn',
    trustProxy: env.MINZHENG_TRUST_PROXY === '1' || env.MINZHENG_TRUST_PROXY === 'true',
    ...overrides,
  };
}
