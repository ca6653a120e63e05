export {
  checkCharacter,
  isParsed,
  isRealDate,
  parseIdNumber,
  type IdProblem,
  type ParsedId,
} from '@minzheng/contracts/id-number';

/** `610302********123X`: first 6 and last 4 shown. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : `${id.slice(0, 3)}****`;
}

/** `138****1234`. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** `张*`, `欧阳**`-style: the first character, then one star per remaining character. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
