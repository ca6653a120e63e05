/**
 * Citizen ID numbers (GB 11643-1999), shared by the server (which decides) and the web (which fills in sex and
 * birth date as the number is typed).: 6-digit address code at issuance, birth date YYYYMMDD, 3-digit sequence
 * (odd = male), check character. Address codes are never checked against current divisions: numbers issued in
 * 凤翔县 keep 610322 for life.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export type IdProblem = 'format' | 'address' | 'birth-date' | 'future-birth' | 'check-character';

export interface ParsedId {
  idNumber: string;
  addressCode: string;
  birthDate: string;
  /** GB/T 2261.1: 1 male, 2 female. */
  sex: '1' | '2';
  upgradedFrom15: boolean;
}

/** Normalises (trims, upper-cases x, upgrades 15 digits to 18) and validates; returns the problem or the parts. */
export function parseIdNumber(
  input: string,
  today = new Date().toISOString().slice(0, 10),
): ParsedId | IdProblem {
  let id = input.trim().toUpperCase();
  let upgraded = false;
  if (/^\d{15}$/.test(id)) {
    // Legacy numbers (issued before 1999) carry a 2-digit year of the 1900s and no check character.
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + checkCharacter(first17);
    upgraded = true;
  }
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return 'address';
  const birth = id.slice(6, 14);
  if (!isRealDate(birth) || Number(birth.slice(0, 4)) < 1850) return 'birth-date';
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (birthDate > today) return 'future-birth';
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return 'check-character';
  return {
    idNumber: id,
    addressCode: id.slice(0, 6),
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? '1' : '2',
    upgradedFrom15: upgraded,
  };
}

export function isParsed(r: ParsedId | IdProblem): r is ParsedId {
  return typeof r === 'object';
}

/** Whether a search term has the shape of an ID number (15 or 18 characters). */
export function looksLikeIdNumber(term: string): boolean {
  return /^\d{14}[\dxX]$|^\d{17}[\dxX]$/.test(term.trim());
}
