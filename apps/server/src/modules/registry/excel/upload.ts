import { createHash } from 'node:crypto';
import type { Db } from '../../../platform/db/client';
import { inTransaction } from '../../../platform/db/sql';
import type { Actor } from '../../../platform/access/actor';
import type { Keyring } from '../../../platform/crypto/keyring';
import { enqueueJob, type JobRow } from '../../../platform/jobs/queue';
import { mapHeaders } from './columns';
import { ExcelErrors } from './errors';
import { IMPORT_JOB, type ImportPayload } from './import-job';
import { isZip, readHeaderRow } from './reader';
import { finishedImportsOf, saveImportFile } from './store';

/**
 * Takes an uploaded workbook and queues its import. The header row is checked now, so a wrong file is a 400
 * at once rather than a failed job later. The same file from the same user while its import is queued or
 * running (a double click, a retried request) answers that job; once it has finished, uploading the file
 * again starts a new import, which writes nothing twice (persons are matched by ID number).
 */
export async function startImport(db: Db, keyring: Keyring, actor: Actor, body: Buffer): Promise<JobRow> {
  if (!body || body.length === 0) throw ExcelErrors.IMPORT_EMPTY();
  if (!isZip(body)) throw ExcelErrors.IMPORT_NOT_XLSX();
  const headers = await readHeaderRow(body);
  if (!headers) throw ExcelErrors.IMPORT_NOT_XLSX();
  const { missing } = mapHeaders(headers);
  if (missing.length > 0) throw ExcelErrors.IMPORT_HEADERS({ missing: missing.join('、') }, { missing });
  const sha256 = createHash('sha256').update(body).digest('hex');
  const generation = actor.id ? await finishedImportsOf(db, actor.id, sha256) : 0;
  const payload: ImportPayload = {
    actor: { id: actor.id, name: actor.name, scopeCode: actor.scopeCode, address: actor.address },
  };
  // The file holds ID numbers in clear: it is stored encrypted, and only until the import is over.
  const contentEnc = keyring.encrypt(body.toString('base64'));
  return inTransaction(db, async (tx) => {
    const job = await enqueueJob(
      tx,
      actor,
      IMPORT_JOB,
      payload,
      `${IMPORT_JOB}:${actor.id ?? 'system'}:${sha256}:${generation}`,
    );
    await saveImportFile(tx, { jobId: job.id, sha256, size: body.length, contentEnc, createdBy: actor.id });
    return job;
  });
}
