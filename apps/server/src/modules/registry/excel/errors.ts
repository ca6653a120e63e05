import { defineErrors } from '../../../platform/http/errors';

/** Errors of the registry's spreadsheet import and export (codes under the module's REGISTRY_ prefix). */
export const ExcelErrors = defineErrors('REGISTRY', {
  IMPORT_EMPTY: { status: 400, zh: '没有收到文件内容', en: 'The request carried no file' },
  IMPORT_NOT_XLSX: {
    status: 400,
    zh: '文件不是 Excel 工作簿（.xlsx）；旧版 .xls 请另存为 .xlsx 后再导入',
    en: 'The file is not an Excel workbook (.xlsx); save a legacy .xls as .xlsx first',
  },
  IMPORT_HEADERS: {
    status: 400,
    zh: '表头缺少必需的列：{missing}（请使用人员导入模板）',
    en: 'The header row lacks required columns: {missing} (use the import template)',
  },
  IMPORT_NOT_FOUND: { status: 404, zh: '导入任务不存在', en: 'No such import job' },
  IMPORT_NOT_FINISHED: {
    status: 409,
    zh: '导入尚未完成，请稍后再下载错误清单',
    en: 'The import has not finished yet; download the error list later',
  },
});
