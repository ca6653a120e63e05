import type { FastifyReply } from 'fastify';
import type { PersonView } from '@minzheng/contracts';
import { inTransaction } from '../../../platform/db/sql';
import type { Actor } from '../../../platform/access/actor';
import { recordAudit } from '../../../platform/audit/service';
import { businessToday } from '../../../platform/calendar/today';
import { findPersons, type RegistryDeps } from '../service';
import { maskIdNumber } from '../id-number';
import { DISABILITY_CATEGORIES, ETHNICITIES, GRADES, LABOUR, SEX, labelOf } from './columns';
import { HEADER_STYLE, streamWorkbook } from './sheets';

export interface ExportFilter {
  q?: string;
  region?: string;
  status?: 'alive' | 'deceased';
}

const PAGE = 5000;

const COLUMNS: { header: string; width: number; value: (p: PersonView) => string | number | null }[] = [
  { header: '姓名', width: 12, value: (p) => p.name },
  { header: '公民身份号码（脱敏）', width: 22, value: (p) => p.idNumberMasked },
  { header: '无身份证号原因', width: 16, value: (p) => p.noIdReason },
  { header: '性别', width: 8, value: (p) => labelOf(SEX, p.sex) },
  { header: '出生日期', width: 12, value: (p) => p.birthDate },
  { header: '民族', width: 10, value: (p) => labelOf(ETHNICITIES, p.ethnicity) },
  { header: '联系电话（脱敏）', width: 16, value: (p) => p.phoneMasked },
  { header: '户籍地区划代码', width: 16, value: (p) => p.hukouRegionCode },
  { header: '户籍地', width: 24, value: (p) => p.hukouRegionName },
  { header: '居住地区划代码', width: 16, value: (p) => p.residenceRegionCode },
  { header: '残疾类别', width: 12, value: (p) => labelOf(DISABILITY_CATEGORIES, p.disabilityCategory) },
  { header: '残疾等级', width: 10, value: (p) => (p.disabilityGrade ? GRADES[p.disabilityGrade - 1]! : '') },
  { header: '重病', width: 8, value: (p) => (p.seriousIllness ? '是' : '否') },
  { header: '劳动能力', width: 16, value: (p) => labelOf(LABOUR, p.labourCapacity) },
  { header: '状态', width: 8, value: (p) => (p.livingStatus === 'deceased' ? '已故' : '在世') },
  { header: '死亡日期', width: 12, value: (p) => p.deathDate },
];

/**
 * The persons list as a workbook: the same search, filter and scope as GET /persons (it pages through
 * `findPersons`), ID numbers and phones masked, streamed row by row. The audit row (filter and count) is
 * written before the workbook is closed: a download whose audit failed ends broken, not complete.
 */
export function sendPersonsExport(
  deps: RegistryDeps,
  actor: Actor,
  filter: ExportFilter,
  reply: FastifyReply,
) {
  const today = businessToday();
  return streamWorkbook(reply, `人员名单-${today}.xlsx`, `persons-${today}.xlsx`, async (wb) => {
    const ws = wb.addWorksheet('人员名单', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width, style: { numFmt: '@' } }));
    ws.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
    ws.getRow(1).commit();
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await findPersons(deps, actor, { ...filter, cursor, limit: PAGE });
      for (const p of page.items) ws.addRow(COLUMNS.map((c) => c.value(p) ?? '')).commit();
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    ws.commit();
    await inTransaction(deps.db, (tx) =>
      recordAudit(tx, actor, {
        action: 'person.export',
        entityType: 'person',
        after: {
          // A search by ID number is itself sensitive: the audit shows it masked.
          filter: {
            ...filter,
            q: filter.q && /^\d{14,17}[\dxX]$/.test(filter.q) ? maskIdNumber(filter.q) : filter.q,
          },
          count,
        },
        regionCode: actor.scopeCode,
      }),
    );
  });
}
