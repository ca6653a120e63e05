/**
 * The persons workbook: its columns (Chinese headers, the field each fills, the format note shown in the
 * template) and the code lists a cell may be written in, as code or as the word an office types.
 */
export type Field =
  | 'name'
  | 'idNumber'
  | 'noIdReason'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'phone'
  | 'hukouRegionCode'
  | 'residenceRegionCode'
  | 'disabilityCategory'
  | 'disabilityGrade'
  | 'seriousIllness'
  | 'labourCapacity';

export interface Column {
  field: Field;
  header: string;
  /** Other headers offices use for the same column. */
  aliases: string[];
  required: boolean;
  /** Kept as text in the template, so Excel neither rounds 18 digits nor drops leading zeros. */
  text: boolean;
  width: number;
  note: string;
}

/** Marks the template's explanation row, which the reader skips when it is left in the file. */
export const NOTE_MARK = '【填写说明，导入时忽略此行】';

export const COLUMNS: Column[] = [
  {
    field: 'name',
    header: '姓名',
    aliases: [],
    required: true,
    text: true,
    width: 12,
    note: `${NOTE_MARK}必填，1–40 字`,
  },
  {
    field: 'idNumber',
    header: '公民身份号码',
    aliases: ['身份证号', '身份证号码', '公民身份证号码'],
    required: true,
    text: true,
    width: 22,
    note: '18 位（或 15 位旧号码），末位 X 大写小写均可；没有号码的留空并填写原因',
  },
  {
    field: 'noIdReason',
    header: '无身份证号原因',
    aliases: ['无身份证原因'],
    required: false,
    text: true,
    width: 16,
    note: '没有公民身份号码时必填，如：新生儿未落户',
  },
  {
    field: 'sex',
    header: '性别',
    aliases: [],
    required: false,
    text: true,
    width: 8,
    note: '男 / 女；有身份证号时可留空（由号码得出）',
  },
  {
    field: 'birthDate',
    header: '出生日期',
    aliases: [],
    required: false,
    text: true,
    width: 14,
    note: 'YYYY-MM-DD 或 YYYYMMDD；有身份证号时可留空',
  },
  {
    field: 'ethnicity',
    header: '民族',
    aliases: [],
    required: false,
    text: true,
    width: 10,
    note: '民族名称（汉族）或两位代码（01），见“代码表”；留空为汉族',
  },
  {
    field: 'phone',
    header: '联系电话',
    aliases: ['电话', '手机号', '手机号码'],
    required: false,
    text: true,
    width: 16,
    note: '11 位手机号或带区号的固定电话',
  },
  {
    field: 'hukouRegionCode',
    header: '户籍地区划代码',
    aliases: ['户籍地代码', '户籍区划代码'],
    required: true,
    text: true,
    width: 18,
    note: '必填，12 位统计用区划代码（村/社区），须在您的管辖范围内',
  },
  {
    field: 'residenceRegionCode',
    header: '居住地区划代码',
    aliases: ['居住地代码', '居住区划代码'],
    required: false,
    text: true,
    width: 18,
    note: '12 位区划代码；与户籍地相同可留空',
  },
  {
    field: 'disabilityCategory',
    header: '残疾类别',
    aliases: [],
    required: false,
    text: true,
    width: 12,
    note: '视力/听力/言语/肢体/智力/精神/多重残疾，或代码 1–7',
  },
  {
    field: 'disabilityGrade',
    header: '残疾等级',
    aliases: [],
    required: false,
    text: true,
    width: 10,
    note: '一级–四级，或 1–4',
  },
  {
    field: 'seriousIllness',
    header: '重病',
    aliases: ['是否重病'],
    required: false,
    text: true,
    width: 8,
    note: '是 / 否；留空为否',
  },
  {
    field: 'labourCapacity',
    header: '劳动能力',
    aliases: [],
    required: false,
    text: true,
    width: 16,
    note: '有劳动能力 / 部分丧失劳动能力 / 无劳动能力 / 未知',
  },
];

export const LABEL: Record<Field, string> = Object.fromEntries(
  COLUMNS.map((c) => [c.field, c.header]),
) as Record<Field, string>;

/** GB/T 3304 ethnic groups: code → name. */
export const ETHNICITIES: ReadonlyArray<readonly [string, string]> = [
  ['01', '汉族'],
  ['02', '蒙古族'],
  ['03', '回族'],
  ['04', '藏族'],
  ['05', '维吾尔族'],
  ['06', '苗族'],
  ['07', '彝族'],
  ['08', '壮族'],
  ['09', '布依族'],
  ['10', '朝鲜族'],
  ['11', '满族'],
  ['12', '侗族'],
  ['13', '瑶族'],
  ['14', '白族'],
  ['15', '土家族'],
  ['16', '哈尼族'],
  ['17', '哈萨克族'],
  ['18', '傣族'],
  ['19', '黎族'],
  ['20', '傈僳族'],
  ['21', '佤族'],
  ['22', '畲族'],
  ['23', '高山族'],
  ['24', '拉祜族'],
  ['25', '水族'],
  ['26', '东乡族'],
  ['27', '纳西族'],
  ['28', '景颇族'],
  ['29', '柯尔克孜族'],
  ['30', '土族'],
  ['31', '达斡尔族'],
  ['32', '仫佬族'],
  ['33', '羌族'],
  ['34', '布朗族'],
  ['35', '撒拉族'],
  ['36', '毛南族'],
  ['37', '仡佬族'],
  ['38', '锡伯族'],
  ['39', '阿昌族'],
  ['40', '普米族'],
  ['41', '塔吉克族'],
  ['42', '怒族'],
  ['43', '乌孜别克族'],
  ['44', '俄罗斯族'],
  ['45', '鄂温克族'],
  ['46', '德昂族'],
  ['47', '保安族'],
  ['48', '裕固族'],
  ['49', '京族'],
  ['50', '塔塔尔族'],
  ['51', '独龙族'],
  ['52', '鄂伦春族'],
  ['53', '赫哲族'],
  ['54', '门巴族'],
  ['55', '珞巴族'],
  ['56', '基诺族'],
  ['97', '其他'],
  ['98', '外国血统中国籍人士'],
];

/** Disability certificate categories 1–7. */
export const DISABILITY_CATEGORIES: ReadonlyArray<readonly [string, string]> = [
  ['1', '视力残疾'],
  ['2', '听力残疾'],
  ['3', '言语残疾'],
  ['4', '肢体残疾'],
  ['5', '智力残疾'],
  ['6', '精神残疾'],
  ['7', '多重残疾'],
];

export const GRADES = ['一级', '二级', '三级', '四级'];

export const LABOUR: ReadonlyArray<readonly [string, string]> = [
  ['full', '有劳动能力'],
  ['partial', '部分丧失劳动能力'],
  ['none', '无劳动能力'],
  ['unknown', '未知'],
];

export const SEX: ReadonlyArray<readonly [string, string]> = [
  ['1', '男'],
  ['2', '女'],
  ['0', '未知'],
  ['9', '未说明'],
];

export const labelOf = (list: ReadonlyArray<readonly [string, string]>, code: string | null) =>
  code === null ? '' : (list.find(([c]) => c === code)?.[1] ?? code);

/** Header text as typed: without spaces, line breaks, required-marks or a parenthesised hint. */
function normaliseHeader(h: string): string {
  return h
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊]/g, '')
    .trim();
}

export interface HeaderMap {
  /** Field → 0-based position in the sheet's columns. */
  position: Partial<Record<Field, number>>;
  /** The header row as uploaded, column 1 first. */
  headers: string[];
  missing: string[];
}

/** Finds each field's column by its header (any order; unknown columns are kept and ignored). */
export function mapHeaders(headers: string[]): HeaderMap {
  const position: Partial<Record<Field, number>> = {};
  headers.forEach((h, i) => {
    const n = normaliseHeader(h);
    const col = COLUMNS.find((c) => c.header === n || c.aliases.includes(n));
    if (col && position[col.field] === undefined) position[col.field] = i;
  });
  const missing = COLUMNS.filter((c) => c.required && position[c.field] === undefined).map((c) => c.header);
  return { position, headers, missing };
}
