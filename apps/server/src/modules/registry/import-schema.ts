import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns';
import { job } from '../../platform/jobs/schema';

/**
 * An uploaded persons workbook, one per `registry.import` job. The file is kept encrypted (it holds ID
 * numbers) only until the job finishes; `rows_done` is the last sheet row whose batch committed, written in
 * that batch's transaction, so a resumed job neither skips nor repeats a batch.
 */
export const registryImportFile = pgTable(
  'registry_import_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .unique()
      .references(() => job.id),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** The workbook, base64 then encrypted with the keyring; null once the import finished. */
    contentEnc: text('content_enc'),
    /** The sheet's header row as uploaded (the error workbook repeats it). */
    headers: jsonb('headers').$type<string[]>(),
    rowsDone: integer('rows_done').notNull().default(0),
    counts: jsonb('counts').$type<ImportCounts>().notNull(),
    createdBy: uuid('created_by'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('registry_import_file_sha_idx').on(t.createdBy, t.sha256)],
);

/** A row that was not imported: its cells as uploaded (encrypted) and what is wrong with it, in Chinese. */
export const registryImportError = pgTable(
  'registry_import_error',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => job.id),
    rowNo: integer('row_no').notNull(),
    cellsEnc: text('cells_enc').notNull(),
    message: text('message').notNull(),
    ...timestamps,
  },
  (t) => [unique('registry_import_error_row_unique').on(t.jobId, t.rowNo)],
);

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}
