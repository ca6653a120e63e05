import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client';
import { inTransaction, one, rows } from '../../../platform/db/sql';
import type { Actor } from '../../../platform/access/actor';
import { recordAudit } from '../../../platform/audit/service';
import type { Keyring } from '../../../platform/crypto/keyring';
import type { JobContext, JobHandler } from '../../../platform/jobs/registry';
import { businessToday } from '../../../platform/calendar/today';
import type { ImportCounts } from '../import-schema';
import { LABEL, mapHeaders } from './columns';
import { cellText, countSheetRows, readRows } from './reader';
import { RowValidator, type RegionCheck, type ValidRow } from './validate';
import { writeBatch } from './write';
import { findImportFile, finishImportFile, markBatch, saveImportErrors } from './store';

export const IMPORT_JOB = 'registry.import';
/** Rows per transaction: large enough for set-based statements to pay off, small enough to resume cheaply. */
export const BATCH_ROWS = 5000;

/** What the upload puts in the job: who imports (their scope at upload time decides what they may write). */
export const importPayload = z.object({
  actor: z.object({
    id: z.string().nullable(),
    name: z.string(),
    scopeCode: z.string(),
    address: z.string().nullable(),
  }),
  /** Tests set a small batch to exercise resuming; uploads use BATCH_ROWS. */
  batchSize: z.number().int().min(1).max(50_000).optional(),
});
export type ImportPayload = z.infer<typeof importPayload>;

/** The job needs the keyring (it encrypts ID numbers and phones), which the HTTP context holds. */
export function importJob(keyring: Keyring): JobHandler {
  return { permission: 'person.import', run: (ctx) => runImport(ctx, keyring) };
}

async function runImport(ctx: JobContext, keyring: Keyring): Promise<ImportCounts> {
  const payload = importPayload.parse(ctx.payload);
  // The importer's scope decides what may be written: it must be the scope the job was queued under.
  const queued = await one<{ created_by: string | null; region_code: string | null }>(
    ctx.db,
    sql`select created_by, region_code from job where id = ${ctx.jobId}`,
  );
  if (queued?.created_by !== payload.actor.id || (queued?.region_code ?? '') !== payload.actor.scopeCode)
    throw new Error('导入任务的创建人或管辖范围与任务参数不符');
  const file = await findImportFile(ctx.db, ctx.jobId);
  if (!file) throw new Error('导入文件不存在');
  if (file.finishedAt) return file.counts;
  if (!file.contentEnc) throw new Error('导入文件已清除');
  const content = Buffer.from(keyring.decrypt(file.contentEnc), 'base64');
  const progress = { counts: file.counts };
  try {
    await importRows(ctx, keyring, payload, content, file.rowsDone, progress);
  } finally {
    // Over, whether it succeeded or failed for good (a failed job is not retried): the file goes. A crashed
    // process never gets here, so a resumed run still finds the file. The counts were committed with each
    // batch already, so a failure of this clean-up must not hide how the import itself ended.
    await finishImportFile(ctx.db, ctx.jobId, progress.counts).catch(() => undefined);
  }
  return progress.counts;
}

/** Division codes valid today (a grid code is checked by its village). */
async function regionCheck(db: Db, scopeCode: string, today: string): Promise<RegionCheck> {
  const list = await rows<{ code: string }>(
    db,
    sql`select code from division
        where (valid_from is null or valid_from <= ${today}::date) and (valid_to is null or valid_to >= ${today}::date)`,
  );
  return { validCodes: new Set(list.map((r) => r.code)), scopeCode };
}

interface Failure {
  rowNo: number;
  cells: string[];
  message: string;
}

/** Rows read since the last batch was handed to the database. */
interface Pending {
  valid: ValidRow[];
  failures: Failure[];
  /** Cells of the valid rows, for those the database step still refuses. */
  values: Map<number, unknown[]>;
  firstRow: number;
  lastRow: number;
}

async function importRows(
  ctx: JobContext,
  keyring: Keyring,
  payload: ImportPayload,
  content: Buffer,
  resumeAfter: number,
  progress: { counts: ImportCounts },
) {
  const actor: Actor = { ...payload.actor, permissions: new Set(), roles: [] };
  const batchSize = payload.batchSize ?? BATCH_ROWS;
  const today = businessToday();
  const estimate = await countSheetRows(content);
  const regions = await regionCheck(ctx.db, actor.scopeCode, today);

  let validator: RowValidator | null = null;
  let headers: string[] = [];
  // First row of each ID number (or of each name + birth date + village without one) in this file.
  const seen = new Map<string, number>();
  let pending: Pending = { valid: [], failures: [], values: new Map(), firstRow: 0, lastRow: resumeAfter };

  /** One batch in its own transaction: persons, failed rows, the resume point and the audit row. */
  const commit = async (b: Pending) => {
    const before = progress.counts;
    const counts = await inTransaction(ctx.db, async (tx) => {
      const out = await writeBatch(tx, keyring, actor.scopeCode, b.valid);
      const failures = [
        ...b.failures,
        ...out.failed.map((f) => ({ ...f, cells: validator!.cellsOf(b.values.get(f.rowNo) ?? []) })),
      ];
      await saveImportErrors(
        tx,
        ctx.jobId,
        failures.map((f) => ({
          rowNo: f.rowNo,
          cellsEnc: keyring.encrypt(JSON.stringify(f.cells)),
          message: f.message,
        })),
      );
      const batch = {
        created: out.created,
        updated: out.updated,
        unchanged: out.unchanged,
        failed: failures.length,
      };
      const next: ImportCounts = {
        total: before.total + b.valid.length + b.failures.length,
        created: before.created + batch.created,
        updated: before.updated + batch.updated,
        unchanged: before.unchanged + batch.unchanged,
        failed: before.failed + batch.failed,
      };
      await markBatch(tx, ctx.jobId, b.lastRow, next, headers);
      await recordAudit(tx, actor, {
        action: 'person.import',
        entityType: 'job',
        entityId: ctx.jobId,
        after: { rows: [b.firstRow, b.lastRow], ...batch },
        regionCode: actor.scopeCode,
      });
      return next;
    });
    progress.counts = counts;
    const total = estimate && estimate - 1 >= counts.total ? estimate - 1 : null;
    await ctx.progress(
      counts.total,
      total,
      `已处理 ${counts.total} 行：新增 ${counts.created}，更新 ${counts.updated}，未变 ${counts.unchanged}，失败 ${counts.failed}`,
      { rowsDone: b.lastRow },
    );
  };

  // One batch is written while the next is read: the database works while this process parses. Batches
  // still commit one after another, in sheet order, so the resume point stays exact.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const b = pending;
    if (b.valid.length === 0 && b.failures.length === 0) return;
    pending = { valid: [], failures: [], values: new Map(), firstRow: 0, lastRow: b.lastRow };
    await writing;
    writing = commit(b);
    // Awaited before the next batch starts and at the end; this only keeps a failure from going unhandled.
    writing.catch(() => undefined);
  };

  try {
    for await (const { rowNo, values } of readRows(content)) {
      if (!validator) {
        headers = values.map(cellText);
        const map = mapHeaders(headers);
        if (map.missing.length > 0) throw new Error(`缺少必需的列：${map.missing.join('、')}`);
        validator = new RowValidator(map, regions, today);
        continue;
      }
      if (validator.isSkipped(values)) continue;
      // Rows of batches committed by an earlier run are checked again only to know the file's duplicates.
      const result = validator.check(rowNo, values);
      let message = result.ok ? null : result.message;
      if (result.ok) {
        const r = result.row;
        const key = r.idNumber ?? `${r.name}|${r.birthDate}|${r.hukouRegionCode}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, rowNo);
        else
          message = r.idNumber
            ? `${LABEL.idNumber}：与第 ${first} 行重复`
            : `${LABEL.name}：与第 ${first} 行的姓名、出生日期、户籍地均相同，视为重复`;
      }
      if (rowNo <= resumeAfter) continue;
      if (pending.firstRow === 0) pending.firstRow = rowNo;
      pending.lastRow = rowNo;
      if (message !== null) pending.failures.push({ rowNo, cells: validator.cellsOf(values), message });
      else if (result.ok) {
        pending.valid.push(result.row);
        pending.values.set(rowNo, values);
      }
      if (pending.valid.length + pending.failures.length >= batchSize) await flush();
    }
    if (!validator) throw new Error('工作表为空：第一行应为表头');
    await flush();
  } finally {
    // Never leave with a batch still being written (the caller finishes the file next).
    await writing.catch(() => undefined);
  }
  await writing;
}
