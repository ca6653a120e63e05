/**
 * Citizen ID numbers (GB 11643-1999) read in the browser, so the person form can fill in sex and birth date
 * as the number is typed. The server checks again; this copy only spares a round trip.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export type IdProblem = 'format' | 'address' | 'birth-date' | 'future-birth' | 'check-character';

export interface ParsedId {
  /** 18 characters, upper-case X; a 15-digit legacy number upgraded. */
  idNumber: string;
  birthDate: string;
  /** GB/T 2261.1: 1 male, 2 female (odd sequence = male). */
  sex: '1' | '2';
}

/** Trims, upper-cases x, upgrades 15 digits to 18 and validates; the problem or the parts. */
export function parseIdNumber(input: string, today: string): ParsedId | IdProblem {
  let id = input.trim().toUpperCase();
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + checkCharacter(first17);
  }
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return 'address';
  const birth = id.slice(6, 14);
  if (!isRealDate(birth) || Number(birth.slice(0, 4)) < 1850) return 'birth-date';
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (birthDate > today) return 'future-birth';
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return 'check-character';
  return { idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? '1' : '2' };
}

export function isParsedId(r: ParsedId | IdProblem): r is ParsedId {
  return typeof r === 'object';
}

/** Whether a search term is an ID number (the server then looks it up exactly). */
export function looksLikeIdNumber(term: string): boolean {
  return /^\d{14}[\dxX]$|^\d{17}[\dxX]$/.test(term.trim());
}
