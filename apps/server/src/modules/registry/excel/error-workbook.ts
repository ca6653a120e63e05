import type { FastifyReply } from 'fastify';
import type { Db } from '../../../platform/db/client';
import { inTransaction } from '../../../platform/db/sql';
import type { Actor } from '../../../platform/access/actor';
import type { Keyring } from '../../../platform/crypto/keyring';
import { recordAudit } from '../../../platform/audit/service';
import { getJob } from '../../../platform/jobs/queue';
import { COLUMNS } from './columns';
import { ExcelErrors } from './errors';
import { IMPORT_JOB } from './import-job';
import { HEADER_STYLE, streamWorkbook } from './sheets';
import { findImportFile, importErrorsAfter } from './store';

const PAGE = 2000;

/**
 * The rows an import could not take, as uploaded, with a last column 错误 naming each field and its problem.
 * Same columns as the upload, so the office can correct the rows and import this workbook again (the
 * importer ignores the 错误 column). Only the job's creator or an administrator may have it (`getJob`), and
 * the download is audited: the rows carry ID numbers in clear.
 */
export async function sendImportErrors(
  db: Db,
  keyring: Keyring,
  actor: Actor,
  jobId: string,
  reply: FastifyReply,
) {
  const job = await getJob(db, actor, jobId);
  if (job.kind !== IMPORT_JOB) throw ExcelErrors.IMPORT_NOT_FOUND();
  if (job.status === 'queued' || job.status === 'running') throw ExcelErrors.IMPORT_NOT_FINISHED();
  const file = await findImportFile(db, jobId);
  if (!file) throw ExcelErrors.IMPORT_NOT_FOUND();
  await inTransaction(db, (tx) =>
    recordAudit(tx, actor, {
      action: 'person.import-errors',
      entityType: 'job',
      entityId: jobId,
      after: { rows: file.counts.failed },
      regionCode: job.regionCode,
    }),
  );
  const headers = file.headers ?? COLUMNS.map((c) => c.header);
  return streamWorkbook(reply, '导入错误清单.xlsx', 'import-errors.xlsx', async (wb) => {
    const ws = wb.addWorksheet('导入错误', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      ...headers.map((h) => ({ header: h, width: Math.max(10, h.length * 2 + 4), style: { numFmt: '@' } })),
      { header: '错误', width: 60 },
    ];
    const head = ws.getRow(1);
    head.eachCell((cell) => (cell.style = HEADER_STYLE));
    head.getCell(headers.length + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    head.commit();
    let after = 0;
    for (;;) {
      const page = await importErrorsAfter(db, jobId, after, PAGE);
      for (const e of page) {
        const cells = JSON.parse(keyring.decrypt(e.cellsEnc)) as string[];
        const values = headers.map((_, i) => cells[i] ?? '');
        ws.addRow([...values, e.message]).commit();
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.rowNo;
    }
    ws.commit();
  });
}
