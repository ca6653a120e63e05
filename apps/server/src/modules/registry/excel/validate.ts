import { personInput } from '@minzheng/contracts';
import type { z } from 'zod';
import { AppError } from '../../../platform/http/errors';
import { inScope } from '../../../platform/access/scope';
import { isRealDate } from '../id-number';
import { checkIdentity } from '../rules';
import {
  DISABILITY_CATEGORIES,
  ETHNICITIES,
  GRADES,
  LABEL,
  LABOUR,
  NOTE_MARK,
  type Field,
  type HeaderMap,
} from './columns';
import { cellText, dateCellText } from './reader';

/**
 * A row ready to write. `null` in an optional field means "blank in the file": a new person gets the default,
 * an existing one keeps what the registry has (a blank cell never erases a phone number or a disability).
 */
export interface ValidRow {
  rowNo: number;
  idNumber: string | null;
  noIdReason: string | null;
  name: string;
  sex: string;
  birthDate: string;
  ethnicity: string | null;
  phone: string | null;
  hukouRegionCode: string;
  residenceRegionCode: string | null;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  seriousIllness: boolean | null;
  labourCapacity: string | null;
}

export type Checked = { ok: true; row: ValidRow } | { ok: false; message: string };

/** What the registry knows when checking regions: currently valid division codes and the importer's scope. */
export interface RegionCheck {
  validCodes: ReadonlySet<string>;
  scopeCode: string;
}

/** Registry error code → the field it concerns and the problem, worded for a spreadsheet's error column. */
const IDENTITY_PROBLEMS: Record<string, [Field, string]> = {
  REGISTRY_ID_FORMAT: ['idNumber', '格式不正确，应为 18 位（或 15 位旧号码）'],
  REGISTRY_ID_ADDRESS: ['idNumber', '地址码不正确'],
  REGISTRY_ID_BIRTH_DATE: ['idNumber', '其中的出生日期不是真实日期'],
  REGISTRY_ID_FUTURE_BIRTH: ['idNumber', '其中的出生日期晚于今天'],
  REGISTRY_ID_CHECK_CHARACTER: ['idNumber', '校验码不正确'],
  REGISTRY_ID_OR_REASON: ['idNumber', '请填写号码，或在“无身份证号原因”中说明没有号码的原因'],
  REGISTRY_NO_ID_NEEDS_BIRTH: ['birthDate', '没有公民身份号码时须填写性别和出生日期'],
  REGISTRY_SEX_MISMATCH: ['sex', '与公民身份号码不符'],
  REGISTRY_BIRTH_MISMATCH: ['birthDate', '与公民身份号码不符'],
};

const problem = (field: Field, text: string) => `${LABEL[field]}：${text}`;

function zodProblem(issue: z.core.$ZodIssue): string {
  const field = String(issue.path[0] ?? '') as Field;
  const label = LABEL[field] ?? field;
  if (issue.code === 'too_small') return `${label}：必填`;
  if (field === 'idNumber') return `${label}：格式不正确，应为 18 位（或 15 位旧号码）`;
  if (issue.code === 'too_big') return `${label}：不能超过 ${String(issue.maximum)} 个字`;
  if (field === 'phone') return `${label}：应为 11 位手机号，或带区号的固定电话`;
  if (field === 'hukouRegionCode' || field === 'residenceRegionCode')
    return `${label}：应为 12 位区划代码（或 15 位网格代码）`;
  return `${label}：格式不正确`;
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×']);

function parseSex(t: string): string | undefined {
  if (['1', '2', '0', '9'].includes(t)) return t;
  if (t === '男' || t === '男性') return '1';
  if (t === '女' || t === '女性') return '2';
  if (t === '未知' || t === '未知的性别') return '0';
  if (t === '未说明' || t === '未说明的性别') return '9';
  return undefined;
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD, YYYY年M月D日, or an Excel date → ISO date; undefined when not a real date. */
export function parseDate(v: unknown, t: string): string | undefined {
  if (v instanceof Date) return dateCellText(v);
  // An Excel serial left unformatted (1 = 1900-01-01; the 1900 leap-year bug makes 60 a phantom day).
  if (typeof v === 'number' && Number.isInteger(v) && v > 60 && v < 80000)
    return dateCellText(new Date(Date.UTC(1899, 11, 30) + v * 86_400_000));
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t) ?? null;
  if (!m) return undefined;
  const ymd = `${m[1]}${m[2]!.padStart(2, '0')}${m[3]!.padStart(2, '0')}`;
  return isRealDate(ymd) ? `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}` : undefined;
}

function parseEthnicity(t: string): string | undefined {
  if (/^\d{1,2}$/.test(t)) {
    const code = t.padStart(2, '0');
    return ETHNICITIES.some(([c]) => c === code) ? code : undefined;
  }
  const hit = ETHNICITIES.find(([, n]) => n === t || n === `${t}族`);
  return hit?.[0];
}

function parseCategory(t: string): string | undefined {
  if (/^[1-7]$/.test(t)) return t;
  return DISABILITY_CATEGORIES.find(([, n]) => n === t || n === `${t}残疾`)?.[0];
}

function parseGrade(t: string): number | undefined {
  const m = /^([1-4])级?$/.exec(t);
  if (m) return Number(m[1]);
  const i = GRADES.indexOf(t.endsWith('级') ? t : `${t}级`);
  return i >= 0 ? i + 1 : undefined;
}

function parseLabour(t: string): string | undefined {
  const code = LABOUR.find(([c, n]) => c === t.toLowerCase() || n === t)?.[0];
  if (code) return code;
  if (/部分/.test(t)) return 'partial';
  if (/丧失|无劳动|没有劳动/.test(t)) return 'none';
  if (/完全|有劳动|具备/.test(t)) return 'full';
  return undefined;
}

/**
 * Checks one row with the API's rules: cells read the way offices write them, then the same zod schema
 * (`personInput`), `checkIdentity` and region checks as `createPerson`, with every problem of the row named.
 */
export class RowValidator {
  private readonly today: string;

  constructor(
    private readonly map: HeaderMap,
    private readonly regions: RegionCheck,
    today: string,
  ) {
    this.today = today;
  }

  /** The cells as text in the uploaded column order (what the error workbook repeats). */
  cellsOf(values: unknown[]): string[] {
    const n = Math.max(this.map.headers.length, values.length);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(cellText(values[i]));
    return out;
  }

  /** True for a row with nothing in it, or the template's explanation row left in the file. */
  isSkipped(values: unknown[]): boolean {
    const name = this.map.position.name;
    if (name !== undefined && cellText(values[name]).startsWith(NOTE_MARK)) return true;
    return values.every((v) => cellText(v) === '');
  }

  check(rowNo: number, values: unknown[]): Checked {
    const problems: string[] = [];
    /** Fields whose own cell is wrong: the identity rules do not speak of them again. */
    const bad = new Set<Field>();
    const report = (f: Field, text: string) => {
      bad.add(f);
      problems.push(problem(f, text));
    };
    const raw = (f: Field): unknown => {
      const i = this.map.position[f];
      return i === undefined ? undefined : values[i];
    };
    const text = (f: Field) => cellText(raw(f));
    const parsed = <T>(f: Field, parse: (t: string) => T | undefined, hint: string): T | null => {
      const t = text(f);
      if (t === '') return null;
      const v = parse(t);
      if (v === undefined) report(f, hint);
      return v ?? null;
    };

    const idRaw = raw('idNumber');
    let idNumber = text('idNumber').replace(/\s/g, '');
    if (typeof idRaw === 'number' && idRaw >= 1e15) {
      // Excel keeps 15 significant digits: an ID typed into a number cell has already lost its last digits.
      report('idNumber', '单元格为数字格式，末几位已丢失，请将该列设为文本后重新填写');
      idNumber = '';
    }
    const sex = parsed('sex', parseSex, '应为 男 或 女');
    const birthText = text('birthDate');
    let birthDate: string | null = null;
    if (birthText !== '') {
      birthDate = parseDate(raw('birthDate'), birthText) ?? null;
      if (!birthDate) report('birthDate', '不是有效日期（应为 YYYY-MM-DD）');
    }
    const ethnicity = parsed('ethnicity', parseEthnicity, '不是有效的民族名称或代码');
    const disabilityCategory = parsed(
      'disabilityCategory',
      parseCategory,
      '应为 视力/听力/言语/肢体/智力/精神/多重残疾',
    );
    const disabilityGrade = parsed('disabilityGrade', parseGrade, '应为 一级 至 四级');
    const seriousIllness = parsed(
      'seriousIllness',
      (t) => (YES.has(t.toLowerCase()) ? true : NO.has(t.toLowerCase()) ? false : undefined),
      '应为 是 或 否',
    );
    const labourCapacity = parsed(
      'labourCapacity',
      parseLabour,
      '应为 有劳动能力/部分丧失劳动能力/无劳动能力/未知',
    );

    const input = {
      idNumber: idNumber || undefined,
      noIdReason: text('noIdReason') || undefined,
      name: text('name'),
      sex: sex ?? undefined,
      birthDate: birthDate ?? undefined,
      ethnicity: ethnicity ?? undefined,
      phone: text('phone').replace(/\s/g, '') || undefined,
      hukouRegionCode: text('hukouRegionCode'),
      residenceRegionCode: text('residenceRegionCode') || undefined,
      disabilityCategory,
      disabilityGrade,
      seriousIllness: seriousIllness ?? undefined,
      labourCapacity: labourCapacity ?? undefined,
    };
    const schema = personInput.safeParse(input);
    if (!schema.success) {
      const seen = new Set<string>();
      for (const issue of schema.error.issues) {
        const key = String(issue.path[0]);
        if (seen.has(key)) continue;
        seen.add(key);
        bad.add(key as Field);
        problems.push(
          key === 'hukouRegionCode' && input.hukouRegionCode === ''
            ? problem('hukouRegionCode', '必填')
            : zodProblem(issue),
        );
      }
    }

    // The identity rules need sound cells to speak of: a cell's own problem is reported once.
    let identity: { idNumber: string | null; sex: string; birthDate: string } | null = null;
    if (!bad.has('idNumber') && !bad.has('sex') && !bad.has('birthDate') && !bad.has('noIdReason')) {
      try {
        identity = checkIdentity(
          {
            idNumber: input.idNumber,
            noIdReason: input.noIdReason,
            sex: input.sex as '1' | undefined,
            birthDate: input.birthDate,
          },
          this.today,
        );
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const hit = IDENTITY_PROBLEMS[e.code];
        const msg = hit ? problem(hit[0], hit[1]) : e.text.zh;
        if (!problems.includes(msg)) problems.push(msg);
      }
    }

    const hukou = input.hukouRegionCode;
    if (/^\d{12}(\d{3})?$/.test(hukou)) {
      if (!this.exists(hukou)) report('hukouRegionCode', '不是现行有效的区划代码');
      else if (!inScope(this.regions.scopeCode, hukou)) report('hukouRegionCode', '不在您的管辖范围内');
    }
    const residence = input.residenceRegionCode;
    if (residence && /^\d{12}(\d{3})?$/.test(residence) && !this.exists(residence))
      report('residenceRegionCode', '不是现行有效的区划代码');

    if (problems.length > 0 || !identity || !schema.success)
      return { ok: false, message: problems.join('；') };
    return {
      ok: true,
      row: {
        rowNo,
        idNumber: identity.idNumber,
        noIdReason: identity.idNumber ? null : input.noIdReason!,
        name: schema.data.name,
        sex: identity.sex,
        birthDate: identity.birthDate,
        ethnicity,
        phone: input.phone ?? null,
        hukouRegionCode: hukou,
        residenceRegionCode: residence ?? null,
        disabilityCategory,
        disabilityGrade,
        seriousIllness,
        labourCapacity,
      },
    };
  }

  /** A 12-digit code valid today; a 15-digit grid code by its village. */
  private exists(code: string): boolean {
    return this.regions.validCodes.has(code.slice(0, 12));
  }
}
