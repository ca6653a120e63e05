import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Level } from '@minzheng/contracts';

/**
 * A scope is a region code; a record is in scope when its region code starts with the scope's significant
 * digits: 2 for a province, 4 a city, 6 a county, 9 a township, 12 a village, 15 a grid.
 */
export function significantPrefix(code: string): string {
  if (code.length === 15) return code;
  if (code === '000000000000') return '';
  if (code.slice(9) !== '000') return code;
  if (code.slice(6, 9) !== '000') return code.slice(0, 9);
  if (code.slice(4, 6) !== '00') return code.slice(0, 6);
  if (code.slice(2, 4) !== '00') return code.slice(0, 4);
  return code.slice(0, 2);
}

export function levelOf(code: string): Level {
  const n = significantPrefix(code).length;
  if (n === 15) return 'grid';
  if (n === 12) return 'village';
  if (n === 9) return 'township';
  if (n === 6) return 'county';
  if (n === 4) return 'city';
  return 'province';
}

export function inScope(scopeCode: string, regionCode: string | null | undefined): boolean {
  return regionCode != null && regionCode.startsWith(significantPrefix(scopeCode));
}

/** True when `code` is an ancestor of the scope (shown for navigation, never its siblings). */
export function isAncestorOfScope(scopeCode: string, code: string): boolean {
  const prefix = significantPrefix(code);
  return scopeCode.startsWith(prefix) && prefix.length < significantPrefix(scopeCode).length;
}

/** The SQL filter every query over people's data adds: `column LIKE '<prefix>%'`. */
export function scopeFilter(column: AnyColumn | SQL, scopeCode: string): SQL {
  return sql`${column} like ${significantPrefix(scopeCode) + '%'}`;
}

const ORDER: Level[] = ['province', 'city', 'county', 'township', 'village', 'grid'];
/** -1 when a is above b (e.g. city above county), 0 same level, 1 below. */
export function compareLevels(a: Level, b: Level): number {
  return Math.sign(ORDER.indexOf(a) - ORDER.indexOf(b));
}
