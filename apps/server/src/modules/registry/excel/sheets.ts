import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII fallback and the real (Chinese) name per RFC 5987 / RFC 6266. */
export function contentDisposition(name: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function xlsxHeaders(reply: FastifyReply, name: string, asciiFallback: string) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', contentDisposition(name, asciiFallback))
    .header('cache-control', 'no-store');
}

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', horizontal: 'center' },
};

/**
 * Streams a workbook as it is written (exceljs' streaming writer: rows are flushed as they are committed, so
 * a 100k-row export never sits in memory as a document). `fill` adds the rows; an error it throws breaks
 * the download rather than sending a file that looks complete.
 */
export function streamWorkbook(
  reply: FastifyReply,
  name: string,
  asciiFallback: string,
  fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>,
) {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  void (async () => {
    try {
      await fill(wb);
      await wb.commit();
    } catch (e) {
      reply.log.error({ err: e }, 'workbook stream failed');
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return xlsxHeaders(reply, name, asciiFallback).send(out);
}
