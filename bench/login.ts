import { hash, verify } from '@node-rs/argon2';
import { argValue, benchDatabase, load, report, startBenchServer } from './lib';

/** Login throughput against the cost of the argon2id verification it must do. */
export async function run(args: string[]) {
  const seconds = argValue(args, '--seconds', 10);
  const env = await benchDatabase(args);
  const { url, close } = await startBenchServer(env.databaseUrl);
  try {
    // Floor: verifications per second with two in flight (the machine's two cores).
    const stored = await hash('Demo@2026', { algorithm: 2 });
    let n = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      [0, 1].map(async () => {
        while (Date.now() < until) {
          await verify(stored, 'Demo@2026');
          n += 1;
        }
      }),
    );
    const floor = n / seconds;
    const r = await load({
      url: `${url}/api/v1/auth/login`,
      method: 'POST',
      connections: 8,
      seconds,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city', password: 'Demo@2026' }),
    });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`login bench: ${r.non2xx} non-2xx, ${r.errors} errors`);
    report({ scenario: 'login', metric: 'throughput', value: r.requestsPerSecond, unit: 'req/s', floor });
    report({ scenario: 'login', metric: 'p99', value: r.p99, unit: 'ms', floor: null });
  } finally {
    await close();
    await env.stop();
  }
}
