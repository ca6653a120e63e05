import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { loadConfig } from '@minzheng/server/src/platform/config';
import { createServer } from '@minzheng/server/src/platform/server';
import { openDatabase, type Database } from '@minzheng/server/src/platform/db/client';
import { rows } from '@minzheng/server/src/platform/db/sql';
import { modulePlugins } from '@minzheng/server/src/modules';
import { checkCharacter } from '@minzheng/server/src/modules/registry/id-number';
import { COLUMNS } from '@minzheng/server/src/modules/registry/excel/columns';
import { argValue, benchDatabase, report } from './lib';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎',
];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文玉兰红梅鹏飞志宏海燕晓东春'];
const LABOUR = ['有劳动能力', '部分丧失劳动能力', '无劳动能力', '', ''];
const DISABILITY = ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'];
const GRADES = ['一级', '二级', '三级', '四级'];

/** A small deterministic generator (mulberry32), so every run imports the same population. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` rows of the import columns: unique valid ID numbers, names, phones for most, a few disabilities. */
export function population(n: number, villages: string[]): string[][] {
  const rnd = random(20261126);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const seen = new Set<string>();
  const out: string[][] = [];
  const base = Date.UTC(1930, 0, 1);
  const span = Date.UTC(2020, 11, 31) - base;
  while (out.length < n) {
    const birth = new Date(base + Math.floor(rnd() * span)).toISOString().slice(0, 10);
    const first17 = `610302${birth.replaceAll('-', '')}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
    if (seen.has(first17)) continue;
    seen.add(first17);
    const id = first17 + checkCharacter(first17);
    const name = pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : '');
    const disabled = rnd() < 0.03;
    out.push([
      name,
      id,
      '',
      rnd() < 0.5 ? (Number(first17[16]) % 2 === 1 ? '男' : '女') : '',
      '',
      rnd() < 0.95 ? '汉族' : '回族',
      rnd() < 0.6 ? `1${3 + Math.floor(rnd() * 7)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}` : '',
      pick(villages),
      rnd() < 0.1 ? pick(villages) : '',
      disabled ? pick(DISABILITY) : '',
      disabled ? pick(GRADES) : '',
      rnd() < 0.05 ? '是' : '',
      pick(LABOUR),
    ]);
  }
  return out;
}

/** The workbook as an office would upload it (written with exceljs' streaming writer, text cells). */
export async function workbook(data: string[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet('人员信息');
  ws.addRow(COLUMNS.map((c) => c.header)).commit();
  for (const r of data) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** Floor, part 1: the same file read with exceljs' streaming reader, every cell touched, as TSV for COPY. */
async function readAsTsv(file: Buffer): Promise<{ tsv: string; rows: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
    worksheets: 'emit',
  });
  const lines: string[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue;
      const v = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i <= COLUMNS.length; i++) {
        const c = v[i];
        cells.push(
          c === undefined || c === null || c === '' ? '\\N' : String(c as string).replace(/[\\\t\n]/g, ' '),
        );
      }
      lines.push(cells.join('\t'));
    }
    break;
  }
  return { tsv: lines.join('\n') + '\n', rows: lines.length };
}

/** Floor, part 2: COPY of the same rows into a bare table (no index, no encryption, no checks). */
async function copyRows(database: Database, databaseUrl: string | null, tsv: string) {
  const columns = COLUMNS.map((_, i) => `c${i} text`).join(', ');
  const ddl = `drop table if exists bench_import_floor; create table bench_import_floor (${columns})`;
  if (!databaseUrl) {
    await database.pglite!.exec(ddl);
    await database.pglite!.query(`copy bench_import_floor from '/dev/blob'`, [], {
      blob: new Blob([tsv]),
    });
    await database.pglite!.exec('drop table bench_import_floor');
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(ddl);
    await pipeline(Readable.from([tsv]), client.query(copyFrom('copy bench_import_floor from stdin')));
    await client.query('drop table bench_import_floor');
  } finally {
    await client.end();
  }
}

/**
 * `npm run bench -- registry-import [--rows N] [--pglite]`: a county user uploads an N-row workbook
 * (default 100k) and the import job runs to the end (parse, checks, encryption, set-based upsert, audit).
 * Floor: exceljs' streaming read of the same file plus a COPY of the same rows into a bare table.
 */
export async function run(args: string[]) {
  const n = argValue(args, '--rows', 100_000);
  const env = await benchDatabase(args);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-bench-'));
  const config = loadConfig(
    {},
    { databaseUrl: env.databaseUrl, dataDir, demo: true, logLevel: 'silent', worker: false, port: 0 },
  );
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir, poolSize: 10 });
  const server = await createServer(config, modulePlugins, { database });
  const scenario = 'registry-import';
  try {
    const villages = (
      await rows<{ code: string }>(
        database.db,
        sql`select code from division where code like '610302%' and level = 'village' and valid_to is null`,
      )
    ).map((r) => r.code);
    let t = performance.now();
    const file = await workbook(population(n, villages));
    const generated = (performance.now() - t) / 1000;
    console.error(`generated ${n} rows, ${(file.length / 1e6).toFixed(1)} MB in ${generated.toFixed(1)} s`);

    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county', password: 'Demo@2026' },
    });
    const { token } = login.json<{ token: string }>();
    const importOnce = async () => {
      const start = performance.now();
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/persons/import',
        payload: file,
        headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
      });
      if (res.statusCode !== 200) throw new Error(`upload: ${res.statusCode} ${res.body}`);
      const uploaded = performance.now();
      await server.worker.drain();
      const end = performance.now();
      const [job] = await rows<{ status: string; result: Record<string, number>; error: string | null }>(
        database.db,
        sql`select status, result, error from job where id = ${res.json<{ id: string }>().id}`,
      );
      if (job?.status !== 'succeeded') throw new Error(`import job: ${job?.status} ${job?.error}`);
      return { seconds: (end - start) / 1000, upload: (uploaded - start) / 1000, result: job.result };
    };

    const first = await importOnce();
    console.error(`first import: ${JSON.stringify(first.result)}`);
    if (first.result.created !== n || first.result.failed !== 0)
      throw new Error(`expected ${n} created: ${JSON.stringify(first.result)}`);
    const second = await importOnce();
    console.error(`re-import: ${JSON.stringify(second.result)}`);
    if (second.result.unchanged !== n)
      throw new Error(`re-import changed rows: ${JSON.stringify(second.result)}`);

    t = performance.now();
    const { tsv, rows: read } = await readAsTsv(file);
    const readSeconds = (performance.now() - t) / 1000;
    if (read !== n) throw new Error(`floor read ${read} rows, expected ${n}`);
    t = performance.now();
    await copyRows(database, env.databaseUrl, tsv);
    const copySeconds = (performance.now() - t) / 1000;
    const floor = readSeconds + copySeconds;

    report({ scenario, metric: `import-${n}-rows`, value: first.seconds, unit: 's', floor });
    report({
      scenario,
      metric: 'import-rows-per-second',
      value: n / first.seconds,
      unit: 'rows/s',
      floor: n / floor,
    });
    report({ scenario, metric: 'upload-request', value: first.upload, unit: 's', floor: null });
    report({ scenario, metric: `reimport-${n}-rows-unchanged`, value: second.seconds, unit: 's', floor });
    report({ scenario, metric: 'floor-exceljs-read', value: readSeconds, unit: 's', floor: null });
    report({ scenario, metric: 'floor-copy', value: copySeconds, unit: 's', floor: null });
  } finally {
    await server.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await env.stop();
  }
}
