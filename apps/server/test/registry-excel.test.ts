import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { one, rows } from '../src/platform/db/sql';
import { claimJob } from '../src/platform/jobs/queue';
import { jobHandler } from '../src/platform/jobs/registry';
import { checkCharacter } from '../src/modules/registry/id-number';
import { COLUMNS } from '../src/modules/registry/excel/columns';
import { call, login, testServer, type Session } from './app';
import { adminsOf, auditRowsOf, expectError, expectOk } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let county: Session;
let city: Session;
let township: Session;
let village: Session;
let auditor: Session;
const db = () => server.database.db;
const app = () => server.app;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = COLUMNS.map((c) => c.header);

/** A valid ID number: address code, birth date, sequence (odd = male) and its check character. */
const idOf = (address: string, birth: string, seq: string) => {
  const first17 = `${address}${birth}${seq}`;
  return first17 + checkCharacter(first17);
};
const A = idOf('610302', '19800101', '001');
const B = idOf('610302', '19851212', '002');
const GOOD_FOR_BAD_CHECK = idOf('610302', '19720304', '013');
const BAD_CHECK = GOOD_FOR_BAD_CHECK.slice(0, 17) + (GOOD_FOR_BAD_CHECK[17] === '1' ? '2' : '1');
const BAD_DATE = idOf('610302', '19800231', '003');
const NAMELESS = idOf('610302', '19900707', '004');
const OUT_OF_SCOPE = idOf('610303', '19700505', '005');
const LEGACY15 = '610302750615123';

/** A workbook of the import's columns (or the given header row), as an office would fill it. */
async function workbook(data: unknown[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员信息');
  ws.addRow(headers);
  for (const r of data) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readBook(res: LightMyRequestResponse): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: false }, (row) => {
    // exceljs' values are 1-based and sparse.
    const values = Array.from(row.values as unknown[]).slice(1);
    out.push(values.map((v) => (v === null || v === undefined ? '' : String(v as string))));
  });
  return out;
}

function upload(s: Session, body: Buffer, contentType = XLSX) {
  return app().inject({
    method: 'POST',
    url: '/api/v1/persons/import',
    payload: body,
    headers: { authorization: `Bearer ${s.token}`, 'content-type': contentType, 'accept-language': 'zh-CN' },
  });
}

const jobOf = async (id: string) =>
  (await one<{ status: string; result: Record<string, number> | null; error: string | null }>(
    db(),
    sql`select status, result, error from job where id = ${id}`,
  ))!;
const personCount = async () =>
  (await one<{ n: number }>(db(), sql`select count(*)::int as n from person`))!.n;

// Row 2 onwards: two good persons with ID numbers, six bad rows, one good person without an ID number, one
// with a legacy 15-digit number, and a blank row (ignored).
const BLANKS = ['', '', '', '', '', ''];
const MIXED: unknown[][] = [
  ['王建国', A, '', '', '', '汉族', '13800138000', '610302001001', '', '', '', '否', '有劳动能力'],
  [
    '李秀英',
    B,
    '',
    '女',
    '1985-12-12',
    '01',
    '',
    '610302001002',
    '',
    '肢体残疾',
    '二级',
    '是',
    '部分丧失劳动能力',
  ],
  ['张校验', BAD_CHECK, '', '', '', '', '', '610302001001', ...BLANKS, ''],
  ['赵日期', BAD_DATE, '', '', '', '', '', '610302001001', ...BLANKS, ''],
  ['', NAMELESS, '', '', '', '', '', '610302001001', ...BLANKS, ''],
  ['钱越界', OUT_OF_SCOPE, '', '', '', '', '', '610303001002', ...BLANKS, ''],
  ['孙无证', '', '新生儿未落户', '男', '2026-01-02', '', '', '610302001003', ...BLANKS, ''],
  ['周日期', '', '户籍迁移中', '女', '19800231', '', '', '610302001003', ...BLANKS, ''],
  ['王建国', A, '', '', '', '', '', '610302001001', ...BLANKS, ''],
  ['吴旧号', LEGACY15, '', '', '', '', '', '610302001004', ...BLANKS, ''],
  [],
];
const BAD_ROWS: Array<[string, string]> = [
  ['张校验', '公民身份号码：校验码不正确'],
  ['赵日期', '公民身份号码：其中的出生日期不是真实日期'],
  ['', '姓名：必填'],
  ['钱越界', '户籍地区划代码：不在您的管辖范围内'],
  ['周日期', '出生日期：不是有效日期'],
  ['王建国', '公民身份号码：与第 2 行重复'],
];

beforeAll(async () => {
  server = await testServer();
  county = await login(app(), 'county');
  city = await login(app(), 'city');
  township = await login(app(), 'township');
  village = await login(app(), 'village');
  auditor = (await adminsOf(app())).audit;
});
afterAll(() => server.close());

describe('template', () => {
  it('downloads with the Chinese headers, a note row and an RFC 5987 file name', async () => {
    const res = await call(app(), county, 'GET', '/api/v1/persons/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`,
    );
    const sheet = await readBook(res);
    expect(sheet[0]).toEqual([
      '姓名',
      '公民身份号码',
      '无身份证号原因',
      '性别',
      '出生日期',
      '民族',
      '联系电话',
      '户籍地区划代码',
      '居住地区划代码',
      '残疾类别',
      '残疾等级',
      '重病',
      '劳动能力',
    ]);
    expect(sheet[1]![0]).toContain('填写说明');
  });

  it('is refused without person.import', async () => {
    expectError(await call(app(), village, 'GET', '/api/v1/persons/import/template'), 403, 'HTTP_FORBIDDEN');
  });

  it('imports as it comes, explanation row included (the row is skipped)', async () => {
    const res = await call(app(), county, 'GET', '/api/v1/persons/import/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    wb.worksheets[0]!.getRow(3).values = [
      '模板人',
      idOf('610302', '19660606', '021'),
      '',
      '',
      '',
      '',
      '',
      '610302001005',
    ];
    // Cells as Excel may hold them: a real date, a region code typed as a number, codes instead of words.
    wb.worksheets[0]!.getRow(4).values = [
      '日期格',
      '',
      '未落户',
      '2',
      new Date(Date.UTC(2020, 4, 6)),
      '3',
      13712345678,
      610302001005,
      '',
      '1',
      '4',
      'Y',
      'none',
    ];
    const job = expectOk(await upload(county, Buffer.from(await wb.xlsx.writeBuffer())));
    await server.worker.drain();
    expect((await jobOf(job.id)).result).toMatchObject({ total: 2, created: 2, failed: 0 });
    const p = expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=日期格`)).items[0];
    expect(p).toMatchObject({
      sex: '2',
      birthDate: '2020-05-06',
      ethnicity: '03',
      phoneMasked: '137****5678',
      hukouRegionCode: '610302001005',
      disabilityCategory: '1',
      disabilityGrade: 4,
      seriousIllness: true,
      labourCapacity: 'none',
    });
  });
});

describe('import', () => {
  let file: Buffer;
  let jobId: string;
  let before: number;

  beforeAll(async () => {
    file = await workbook(MIXED);
    before = await personCount();
  });

  it('queues one job for a double click, and imports the good rows', async () => {
    const first = expectOk(await upload(county, file));
    const second = expectOk(await upload(county, file));
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ kind: 'registry.import', status: 'queued' });
    jobId = first.id;
    await server.worker.drain();
    const job = await jobOf(jobId);
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual({ total: 10, created: 4, updated: 0, unchanged: 0, failed: 6 });
    const progress = (await one<{ done: number; total: number }>(
      db(),
      sql`select done, total from job where id = ${jobId}`,
    ))!;
    expect(progress.done).toBe(10);
    expect(progress.total).toBeGreaterThanOrEqual(10);
    expect(await personCount()).toBe(before + 4);

    const found = expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=${A}`));
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      name: '王建国',
      sex: '1',
      birthDate: '1980-01-01',
      phoneMasked: '138****8000',
      hukouRegionCode: '610302001001',
      labourCapacity: 'full',
    });
    const li = expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=${B}`)).items[0];
    expect(li).toMatchObject({
      sex: '2',
      disabilityCategory: '4',
      disabilityGrade: 2,
      seriousIllness: true,
      labourCapacity: 'partial',
    });
    // The legacy number was upgraded to 18 characters; the person without one was kept with the reason.
    const legacy = idOf('610302', '19750615', '123');
    expect(expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=${legacy}`)).items).toHaveLength(1);
    const noId = expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=孙无证`)).items[0];
    expect(noId).toMatchObject({ idNumberMasked: null, noIdReason: '新生儿未落户', birthDate: '2026-01-02' });
  });

  it('audits each batch with its counts', async () => {
    const audit = (await auditRowsOf(db(), 'person.import')).filter((r) => r.entity_id === jobId);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ created: 4, failed: 6, rows: [2, 11] });
    expect(audit[0]!.actor_id).toBe(county.user.id);
  });

  it('gives the bad rows back, as uploaded, with the reason in a last column 错误', async () => {
    const res = await call(app(), county, 'GET', `/api/v1/persons/import/${jobId}/errors`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('导入错误清单.xlsx'));
    const sheet = await readBook(res);
    expect(sheet[0]).toEqual([...HEADERS, '错误']);
    const data = sheet.slice(1);
    expect(data.map((r) => r[0])).toEqual(BAD_ROWS.map(([name]) => name));
    data.forEach((r, i) => expect(r[HEADERS.length]).toContain(BAD_ROWS[i]![1]));
    // The cells come back as typed (text, all 18 characters), ready to be corrected and imported again.
    expect(data[0]![1]).toBe(BAD_CHECK);
    expect(data[3]![7]).toBe('610303001002');
    expect((await auditRowsOf(db(), 'person.import-errors')).at(-1)!.entity_id).toBe(jobId);
  });

  it('shows the error workbook to the creator and administrators only', async () => {
    expectError(
      await call(app(), township, 'GET', `/api/v1/persons/import/${jobId}/errors`),
      404,
      'JOB_NOT_FOUND',
    );
    expect((await call(app(), auditor, 'GET', `/api/v1/persons/import/${jobId}/errors`)).statusCode).toBe(
      200,
    );
  });

  it('imports the same file again without duplicates: nothing changes', async () => {
    const again = expectOk(await upload(county, file));
    expect(again.id).not.toBe(jobId);
    await server.worker.drain();
    expect((await jobOf(again.id)).result).toEqual({
      total: 10,
      created: 0,
      updated: 0,
      unchanged: 4,
      failed: 6,
    });
    expect(await personCount()).toBe(before + 4);
  });

  it('updates in place what changed, and keeps what a blank cell leaves out', async () => {
    const versionBefore = expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=${A}`)).items[0]
      .version;
    const changed = await workbook([
      ['王建国', A, '', '', '', '', '13900139000', '610302001001', '', '', '', '', ''],
      ['李秀英', B, '', '', '', '', '', '610302001002', '', '', '', '', ''],
      // Without an ID number the person is found by name, birth date and village.
      ['孙无证', '', '新生儿未落户', '男', '2026-01-02', '', '13700137000', '610302001003'],
    ]);
    const job = expectOk(await upload(county, changed));
    // The error list waits for the import to finish.
    expectError(
      await call(app(), county, 'GET', `/api/v1/persons/import/${job.id}/errors`),
      409,
      'REGISTRY_IMPORT_NOT_FINISHED',
    );
    await server.worker.drain();
    expect((await jobOf(job.id)).result).toEqual({
      total: 3,
      created: 0,
      updated: 2,
      unchanged: 1,
      failed: 0,
    });
    const sun = expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=孙无证`)).items;
    expect(sun).toHaveLength(1);
    expect(sun[0]).toMatchObject({ phoneMasked: '137****7000' });
    const wang = expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=${A}`)).items[0];
    expect(wang).toMatchObject({
      phoneMasked: '139****9000',
      labourCapacity: 'full',
      version: versionBefore + 1,
    });
    const li = expectOk(await call(app(), county, 'GET', `/api/v1/persons?q=${B}`)).items[0];
    expect(li).toMatchObject({ disabilityCategory: '4', seriousIllness: true });
    expect(await personCount()).toBe(before + 4);
  });

  it('refuses a person registered outside the importer scope instead of overwriting it', async () => {
    const other = idOf('610303', '19660101', '031');
    expectOk(
      await call(app(), city, 'POST', '/api/v1/persons', {
        idNumber: other,
        name: '金台人',
        hukouRegionCode: '610303001002',
      }),
    );
    const job = expectOk(
      await upload(county, await workbook([['渭滨人', other, '', '', '', '', '', '610302001001']])),
    );
    await server.worker.drain();
    expect((await jobOf(job.id)).result).toMatchObject({ created: 0, updated: 0, failed: 1 });
    const sheet = await readBook(await call(app(), county, 'GET', `/api/v1/persons/import/${job.id}/errors`));
    expect(sheet[1]![HEADERS.length]).toContain('管辖范围以外');
    const p = expectOk(await call(app(), city, 'GET', `/api/v1/persons?q=${other}`)).items[0];
    expect(p).toMatchObject({ name: '金台人', hukouRegionCode: '610303001002' });
  });

  it('resumes a crashed import after its last committed batch, writing nothing twice', async () => {
    const people = Array.from({ length: 7 }, (_, i) => [
      `续传${i}`,
      idOf('610302', '19500101', String(200 + i).padStart(3, '0')),
      '',
      '',
      '',
      '',
      '',
      '610302001006',
    ]);
    const start = await personCount();
    const job = expectOk(await upload(county, await workbook(people)));
    await db().execute(
      sql`update job set payload = payload || '{"batchSize": 3}'::jsonb where id = ${job.id}`,
    );
    // A worker takes the job, commits its first batch, and dies before saying so.
    const claimed = (await claimJob(db(), 'doomed-worker'))!;
    expect(claimed.id).toBe(job.id);
    let committed!: () => void;
    const firstBatch = new Promise<void>((resolve) => (committed = resolve));
    void jobHandler('registry.import')!.run({
      db: db(),
      jobId: job.id,
      payload: claimed.payload as Record<string, unknown>,
      checkpoint: null,
      progress: () => {
        committed();
        return new Promise<void>(() => undefined);
      },
    });
    await firstBatch;
    expect(await personCount()).toBe(start + 3);
    await db().execute(sql`update job set heartbeat_at = now() - interval '1 hour' where id = ${job.id}`);
    await server.worker.drain();
    const done = await jobOf(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toEqual({ total: 7, created: 7, updated: 0, unchanged: 0, failed: 0 });
    expect(await personCount()).toBe(start + 7);
    const audit = (await auditRowsOf(db(), 'person.import')).filter((r) => r.entity_id === job.id);
    expect(audit.map((r) => (r.after as { rows: number[] }).rows)).toEqual([
      [2, 4],
      [5, 7],
      [8, 8],
    ]);
  });
});

describe('upload checks', () => {
  it('answers 400 for a file that is not a workbook, or lacks required columns', async () => {
    expectError(await upload(county, Buffer.from('name,id\n')), 400, 'REGISTRY_IMPORT_NOT_XLSX');
    const res = await upload(county, await workbook([['x']], ['姓名', '电话']));
    const e = expectError(res, 400, 'REGISTRY_IMPORT_HEADERS');
    expect(e.message).toContain('公民身份号码');
    expect(e.message).toContain('户籍地区划代码');
    expectError(
      await upload(county, Buffer.alloc(0), 'application/octet-stream'),
      400,
      'REGISTRY_IMPORT_EMPTY',
    );
  });

  it('is refused without person.import', async () => {
    expectError(await upload(village, await workbook([])), 403, 'HTTP_FORBIDDEN');
  });
});

describe('export', () => {
  it('streams the list within scope, ID numbers and phones masked, and audits it', async () => {
    const res = await call(app(), county, 'GET', '/api/v1/persons/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheet = await readBook(res);
    const names = sheet.slice(1).map((r) => r[0]);
    expect(names).toContain('王建国');
    expect(names).toContain('孙无证');
    // 金台区 is outside 渭滨区.
    expect(names).not.toContain('金台人');
    const cells = sheet.flat();
    for (const id of [A, B, idOf('610302', '19750615', '123')])
      expect(cells.some((c) => c.includes(id))).toBe(false);
    expect(cells.some((c) => c.includes('13900139000'))).toBe(false);
    const wang = sheet.find((r) => r[0] === '王建国')!;
    expect(wang[1]).toBe(`${A.slice(0, 6)}********${A.slice(14)}`);
    expect(wang[6]).toBe('139****9000');
    expect(wang[3]).toBe('男');
    const audit = (await auditRowsOf(db(), 'person.export')).at(-1)!;
    expect(audit.actor_id).toBe(county.user.id);
    expect(audit.after).toMatchObject({ count: sheet.length - 1 });
  });

  it('applies the filter, and the city sees the wider scope', async () => {
    const wangs = await readBook(
      await call(app(), county, 'GET', `/api/v1/persons/export?q=${encodeURIComponent('王')}`),
    );
    expect(wangs.slice(1).map((r) => r[0])).toEqual(['王建国']);
    const cityBook = await readBook(await call(app(), city, 'GET', '/api/v1/persons/export'));
    expect(cityBook.slice(1).map((r) => r[0])).toContain('金台人');
    // A region outside the caller's scope yields an empty list, not the region's people.
    const outside = await readBook(
      await call(app(), county, 'GET', '/api/v1/persons/export?region=610303000000'),
    );
    expect(outside).toHaveLength(1);
    const byId = await readBook(await call(app(), county, 'GET', `/api/v1/persons/export?q=${A}`));
    expect(byId).toHaveLength(2);
    const audit = (await auditRowsOf(db(), 'person.export')).at(-1)!;
    expect(JSON.stringify(audit.after)).not.toContain(A);
  });

  it('is refused without person.export', async () => {
    expectError(await call(app(), village, 'GET', '/api/v1/persons/export'), 403, 'HTTP_FORBIDDEN');
  });

  it('keeps no uploaded file once its import is over', async () => {
    const list = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from registry_import_file where content_enc is not null`,
    );
    // Every finished import dropped its file.
    expect(list[0]!.n).toBe(0);
  });
});
