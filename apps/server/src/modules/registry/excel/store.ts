import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { array, one } from '../../../platform/db/sql';
import { registryImportError, registryImportFile, type ImportCounts } from '../import-schema';

export type ImportFileRow = typeof registryImportFile.$inferSelect;

export const NO_COUNTS: ImportCounts = { total: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };

/**
 * How many imports of this file by this user are over (succeeded or failed): the next upload is a new import,
 * while an upload during a queued or running one answers that job.
 */
export async function finishedImportsOf(db: Db, userId: string, sha256: string): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from registry_import_file f join job j on j.id = f.job_id
        where f.created_by = ${userId} and f.sha256 = ${sha256} and j.status in ('succeeded', 'failed')`,
  );
  return r?.n ?? 0;
}

export async function saveImportFile(
  tx: Db,
  v: { jobId: string; sha256: string; size: number; contentEnc: string; createdBy: string | null },
) {
  await tx
    .insert(registryImportFile)
    .values({ ...v, counts: NO_COUNTS })
    .onConflictDoNothing({ target: registryImportFile.jobId });
}

export async function findImportFile(db: Db, jobId: string): Promise<ImportFileRow | undefined> {
  const [r] = await db.select().from(registryImportFile).where(eq(registryImportFile.jobId, jobId));
  return r;
}

/** Records a committed batch: written in the batch's own transaction, it is the resume point. */
export async function markBatch(
  tx: Db,
  jobId: string,
  rowsDone: number,
  counts: ImportCounts,
  headers: string[],
) {
  await tx
    .update(registryImportFile)
    .set({ rowsDone, counts, headers, updatedAt: new Date() })
    .where(eq(registryImportFile.jobId, jobId));
}

export async function saveImportErrors(
  tx: Db,
  jobId: string,
  list: { rowNo: number; cellsEnc: string; message: string }[],
) {
  if (list.length === 0) return;
  await tx.execute(
    sql`insert into registry_import_error (job_id, row_no, cells_enc, message)
        select ${jobId}::uuid, r, c, m
        from unnest(${array(list.map((e) => e.rowNo))}::int[], ${array(list.map((e) => e.cellsEnc))}::text[],
                    ${array(list.map((e) => e.message))}::text[]) as e(r, c, m)
        on conflict (job_id, row_no) do nothing`,
  );
}

/** The import is over: the uploaded file (ID numbers in clear inside) is dropped; the failed rows stay. */
export async function finishImportFile(db: Db, jobId: string, counts: ImportCounts) {
  await db
    .update(registryImportFile)
    .set({ contentEnc: null, counts, finishedAt: new Date(), updatedAt: new Date() })
    .where(eq(registryImportFile.jobId, jobId));
}

/** Failed rows in sheet order, a keyset page at a time. */
export function importErrorsAfter(db: Db, jobId: string, afterRowNo: number, limit: number) {
  return db
    .select({
      rowNo: registryImportError.rowNo,
      cellsEnc: registryImportError.cellsEnc,
      message: registryImportError.message,
    })
    .from(registryImportError)
    .where(and(eq(registryImportError.jobId, jobId), gt(registryImportError.rowNo, afterRowNo)))
    .orderBy(asc(registryImportError.rowNo))
    .limit(limit);
}
