import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldIssue } from '@minzheng/contracts';
import { langFromHeader, pick, type Lang } from '../i18n/lang';
import { AppError, HttpErrors, isFieldProblems } from './errors';
import { issueMessage } from './validation-messages';

function send(reply: FastifyReply, err: AppError, lang: Lang) {
  if (isFieldProblems(err.details)) {
    const details = err.details.map((d) => ({ field: d.field, message: lang === 'en-US' ? d.en : d.zh }));
    const fields = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    return reply
      .status(err.status)
      .send({ error: { code: err.code, message: pick(err.text, lang, { fields }), details } });
  }
  return reply.status(err.status).send({
    error: { code: err.code, message: pick(err.text, lang, err.params), details: err.details },
  });
}

interface PgErrorLike {
  code?: string;
  constraint?: string;
  column?: string;
}

/** PostgreSQL errors that can only come from bad input; anything else is ours and stays a 500. */
function fromDatabase(e: PgErrorLike): AppError | null {
  if (typeof e.code !== 'string' || e.code.length !== 5) return null;
  if (e.code === '23505') return HttpErrors.CONFLICT({}, { constraint: e.constraint });
  if (e.code === '40001' || e.code === '40P01') return HttpErrors.STALE_VERSION();
  if (e.code.startsWith('22'))
    return HttpErrors.BAD_REQUEST({ reason: e.column ?? e.code }, { sqlstate: e.code });
  return null;
}

/** The single place where every error becomes an HTTP answer. */
export function installErrorHandler(app: FastifyInstance) {
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) =>
    send(reply, HttpErrors.NOT_FOUND(), langFromHeader(req.headers['accept-language'])),
  );
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const lang = langFromHeader(req.headers['accept-language']);
    if (error instanceof AppError) return send(reply, error, lang);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      const issues: FieldIssue[] = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || context,
        message: issueMessage({ keyword: v.keyword, message: v.message, params: v.params }, lang),
      }));
      const fields = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return send(reply, HttpErrors.VALIDATION({ fields }, issues), lang);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, HttpErrors.PAYLOAD_TOO_LARGE(), lang);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return send(reply, HttpErrors.BAD_REQUEST({ reason: error.message }), lang);
    // Drizzle wraps the driver's error (DrizzleQueryError): the SQLSTATE is on its cause.
    const db =
      fromDatabase(error as PgErrorLike) ??
      fromDatabase(((error as { cause?: PgErrorLike }).cause ?? {}) as PgErrorLike);
    if (db) return send(reply, db, lang);
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'INTERNAL',
        message: lang === 'en-US' ? 'Internal error; it has been logged' : '系统内部错误，已记录',
      },
    });
  });
}
