import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobView, personSearchQuery } from '@minzheng/contracts';
import { registerJob } from '../../platform/jobs/registry';
import { toJobView } from '../../platform/jobs/queue';
import { registerEncryptedColumn } from '../../platform/crypto/registry';
import { IMPORT_JOB, importJob } from './excel/import-job';
import { importTemplate } from './excel/template';
import { startImport } from './excel/upload';
import { sendImportErrors } from './excel/error-workbook';
import { sendPersonsExport } from './excel/export';
import { XLSX, xlsxHeaders } from './excel/sheets';
import { ExcelErrors } from './excel/errors';

/** Uploads are raw workbooks; 50 MB holds several hundred thousand rows. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

// The uploaded file and the failed rows hold ID numbers: encrypted, and re-encrypted by a key rotation.
registerEncryptedColumn('registry_import_file', 'content_enc', null);
registerEncryptedColumn('registry_import_error', 'cells_enc', null);

const exportQuery = personSearchQuery.omit({ cursor: true, limit: true });

/** Excel import (template, upload → job, error workbook) and export of the persons registry. */
export async function registryExcelRoutes(app: FastifyInstance) {
  // The import job encrypts with the product's keyring, which lives in the app context.
  registerJob(IMPORT_JOB, importJob(app.ctx.keyring));
  // Only this plugin's routes take raw workbooks (Fastify scopes parsers to the plugin).
  app.addContentTypeParser(
    [XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  r.get(
    '/api/v1/persons/import/template',
    {
      config: { permission: 'person.import' },
      schema: { tags, summary: 'The persons import template (.xlsx)' },
    },
    async (_req, reply) =>
      xlsxHeaders(reply, '人员导入模板.xlsx', 'person-import-template.xlsx').send(await importTemplate()),
  );
  r.post(
    '/api/v1/persons/import',
    {
      config: { permission: 'person.import' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: `Import persons from a workbook (body: the raw .xlsx, ${XLSX}); answers the queued job`,
        response: { 200: jobView },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw ExcelErrors.IMPORT_NOT_XLSX();
      return toJobView(await startImport(app.ctx.db, app.ctx.keyring, req.actor, req.body));
    },
  );
  r.get(
    '/api/v1/persons/import/:jobId/errors',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: 'The rows an import rejected, with the reason (.xlsx); creator or administrators',
        params: z.object({ jobId: z.uuid() }),
      },
    },
    async (req, reply) => sendImportErrors(app.ctx.db, app.ctx.keyring, req.actor, req.params.jobId, reply),
  );
  r.get(
    '/api/v1/persons/export',
    {
      config: { permission: 'person.export' },
      schema: { tags, summary: 'The filtered persons list (.xlsx), masked', querystring: exportQuery },
    },
    async (req, reply) =>
      sendPersonsExport({ db: app.ctx.db, keyring: app.ctx.keyring }, req.actor, req.query, reply),
  );
}
