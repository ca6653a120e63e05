import ExcelJS from 'exceljs';
import { COLUMNS, DISABILITY_CATEGORIES, ETHNICITIES, GRADES, LABOUR, type Field } from './columns';
import { HEADER_STYLE } from './sheets';

// Drop-down lists are a typing aid for the first rows (the importer checks every row anyway); spreadsheet
// libraries expand a validation range cell by cell, so it stays modest.
const DATA_ROWS = '3:10001';
const CODES_SHEET = '代码表';

function list(values: string[], title: string) {
  return {
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    // A warning, not a stop: codes (1, 01 …) and other spellings the importer accepts stay allowed.
    errorStyle: 'warning' as const,
    errorTitle: title,
    error: `建议从列表中选择；也可填写代码`,
  };
}

const VALIDATIONS: Partial<Record<Field, ExcelJS.DataValidation>> = {
  sex: list(['男', '女'], '性别'),
  ethnicity: {
    type: 'list',
    allowBlank: true,
    formulae: [`'${CODES_SHEET}'!$B$2:$B$${ETHNICITIES.length + 1}`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '民族',
    error: '请填写民族名称或两位代码，见“代码表”',
  },
  disabilityCategory: list(
    DISABILITY_CATEGORIES.map(([, n]) => n),
    '残疾类别',
  ),
  disabilityGrade: list(GRADES, '残疾等级'),
  seriousIllness: list(['是', '否'], '重病'),
  labourCapacity: list(
    LABOUR.map(([, n]) => n),
    '劳动能力',
  ),
  idNumber: {
    type: 'textLength',
    operator: 'between',
    allowBlank: true,
    formulae: [15, 18],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '公民身份号码',
    error: '应为 18 位（或 15 位旧号码）',
  },
  hukouRegionCode: {
    type: 'textLength',
    operator: 'between',
    allowBlank: true,
    formulae: [12, 15],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '户籍地区划代码',
    error: '应为 12 位区划代码',
  },
};

const colLetter = (i: number) => String.fromCharCode(65 + i);

let cached: Buffer | null = null;

/**
 * The import template: the header row, an explanation row (skipped by the importer if left in), text format
 * on every column (ID numbers keep all 18 digits), drop-down lists where the values are few, and a code
 * sheet with the ethnic groups and disability categories.
 */
export async function importTemplate(): Promise<Buffer> {
  if (cached) return cached;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minzheng';
  const ws = wb.addWorksheet('人员信息', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    style: { numFmt: '@' },
  }));
  const header = ws.getRow(1);
  header.height = 22;
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.style = { ...HEADER_STYLE, numFmt: '@' };
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = c.note;
  });
  const notes = ws.getRow(2);
  notes.values = COLUMNS.map((c) => c.note);
  notes.height = 64;
  notes.eachCell((cell) => {
    cell.style = {
      numFmt: '@',
      font: { italic: true, color: { argb: 'FF7F7F7F' }, size: 9 },
      alignment: { wrapText: true, vertical: 'top' },
    };
  });
  const [from, to] = DATA_ROWS.split(':');
  const validations = (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  COLUMNS.forEach((c, i) => {
    const v = VALIDATIONS[c.field];
    if (v) validations.add(`${colLetter(i)}${from}:${colLetter(i)}${to}`, v);
  });

  const codes = wb.addWorksheet(CODES_SHEET);
  codes.columns = [
    { header: '民族代码', width: 10 },
    { header: '民族名称', width: 20 },
    { header: '', width: 4 },
    { header: '残疾类别代码', width: 14 },
    { header: '残疾类别', width: 14 },
    { header: '', width: 4 },
    { header: '劳动能力', width: 20 },
  ];
  codes.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  ETHNICITIES.forEach(([code, name], i) => {
    const row = codes.getRow(i + 2);
    row.getCell(1).value = code;
    row.getCell(2).value = name;
    const dis = DISABILITY_CATEGORIES[i];
    if (dis) {
      row.getCell(4).value = dis[0];
      row.getCell(5).value = dis[1];
    }
    const lab = LABOUR[i];
    if (lab) row.getCell(7).value = lab[1];
  });
  cached = Buffer.from(await wb.xlsx.writeBuffer());
  return cached;
}
