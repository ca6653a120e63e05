import pg from 'pg';
import Fastify from 'fastify';
import { argValue, benchDatabase, load, report, startBenchServer } from './lib';

const CHILDREN_SQL = `select d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to, d.successor_code,
  exists (select 1 from division c where c.parent_code = d.code and c.valid_to is null) as has_children
  from division d where d.parent_code = $1 and d.valid_to is null and d.code like '610302%' order by d.code`;

/** Region-tree reads as a county user, against the same query through a bare pg pool. */
export async function run(args: string[]) {
  const seconds = argValue(args, '--seconds', 10);
  const env = await benchDatabase(args);
  const { url, close } = await startBenchServer(env.databaseUrl);
  try {
    const loginRes = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county', password: 'Demo@2026' }),
    });
    const { token } = (await loginRes.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };

    // Floor: a bare Fastify route running the same children query on a pg pool, no session, no scope, no zod.
    let floor: number | null = null;
    if (env.databaseUrl) {
      const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 10 });
      const bare = Fastify();
      bare.get(
        '/children/:code',
        async (req) => (await pool.query(CHILDREN_SQL, [(req.params as { code: string }).code])).rows,
      );
      const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
      const r = await load({ url: `${bareUrl}/children/610302001000`, connections: 20, seconds });
      floor = r.requestsPerSecond;
      await bare.close();
      await pool.end();
    }
    const children = await load({
      url: `${url}/api/v1/regions/610302001000/children`,
      connections: 20,
      seconds,
      headers,
    });
    if (children.non2xx > 0) throw new Error(`regions bench: ${children.non2xx} non-2xx`);
    report({
      scenario: 'regions',
      metric: 'children-throughput',
      value: children.requestsPerSecond,
      unit: 'req/s',
      floor,
    });
    report({ scenario: 'regions', metric: 'children-p99', value: children.p99, unit: 'ms', floor: null });
    const pathRes = await load({
      url: `${url}/api/v1/regions/610302001001/path`,
      connections: 20,
      seconds,
      headers,
    });
    report({
      scenario: 'regions',
      metric: 'path-throughput',
      value: pathRes.requestsPerSecond,
      unit: 'req/s',
      floor: null,
    });
    report({ scenario: 'regions', metric: 'path-p99', value: pathRes.p99, unit: 'ms', floor: null });
  } finally {
    await close();
    await env.stop();
  }
}
