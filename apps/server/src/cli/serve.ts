import { loadConfig } from '../platform/config';
import { createServer, type Server } from '../platform/server';
import { DataDirLockedError } from '../platform/db/lock';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../platform/bootstrap/accounts';
import { modulePlugins } from '../modules';
import { PopulationNotEmptyError, seedPopulation } from '../modules/registry';

export async function serve() {
  const config = loadConfig();
  let server;
  try {
    server = await createServer(config, modulePlugins);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(3);
    }
    throw e;
  }
  if (config.demo) await seedDemoPopulation(server, config.dataDir);
  await server.app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `民政业务平台 Minzheng ${server.app.ctx.version} is running: ${url}`,
    `  database: ${server.database.kind}${server.database.kind === 'pglite' ? ` (${config.dataDir})` : ''}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (server.createdAdmins.length > 0) {
    lines.push('', '  Administrators created now (shown once; change at first login):');
    for (const a of server.createdAdmins) lines.push(`    ${a.username.padEnd(11)} ${a.password}`);
  }
  if (config.demo) {
    lines.push('', `  Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS)
      lines.push(`    ${a.username.padEnd(11)} ${a.displayName} — ${a.scopeName}`);
  }
  console.log(lines.join('\n') + '\n');
  const shutdown = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Demo mode: an empty registry gets a synthetic population of Baoji (scale 0.01, 37,700 people) once. */
async function seedDemoPopulation(server: Server, dataDir: string) {
  try {
    const r = await seedPopulation(server.database, server.app.ctx.keyring, {
      scale: 0.01,
      seed: 1,
      keyDir: dataDir,
    });
    console.log(
      `  demo registry: seeded ${r.persons} synthetic people in ${r.households} households (scale 0.01) in ${r.seconds.toFixed(1)} s`,
    );
  } catch (e) {
    if (!(e instanceof PopulationNotEmptyError)) throw e;
  }
}
