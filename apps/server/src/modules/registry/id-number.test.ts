import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  isParsed,
  isRealDate,
  maskIdNumber,
  maskName,
  maskPhone,
  parseIdNumber,
} from './id-number';

const TODAY = '2026-03-01';
const parse = (s: string) => parseIdNumber(s, TODAY);

describe('check character (GB 11643-1999)', () => {
  it('computes the worked examples of the standard', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });
});

describe('parseIdNumber', () => {
  it('accepts 11010519491231002X: female, born 1949-12-31', () => {
    expect(parse('11010519491231002X')).toEqual({
      idNumber: '11010519491231002X',
      addressCode: '110105',
      birthDate: '1949-12-31',
      sex: '2',
      upgradedFrom15: false,
    });
  });

  it('accepts 440524188001010014: male, born 1880-01-01', () => {
    expect(parse('440524188001010014')).toMatchObject({
      idNumber: '440524188001010014',
      birthDate: '1880-01-01',
      sex: '1',
    });
  });

  it('refuses a wrong check character', () => {
    expect(parse('110105194912310021')).toBe('check-character');
    expect(parse('440524188001010015')).toBe('check-character');
  });

  it('refuses 19800231, which is no date, even with a correct check character', () => {
    expect(checkCharacter('61030219800231001')).toBe('0');
    expect(parse('610302198002310010')).toBe('birth-date');
    expect(isRealDate('19800231')).toBe(false);
    expect(isRealDate('20000229')).toBe(true); // 2000 was a leap year
    expect(isRealDate('19000229')).toBe(false); // 1900 was not
    expect(isRealDate('19801301')).toBe(false);
    expect(isRealDate('19800100')).toBe(false);
  });

  it('refuses a birth date after today and one before 1850', () => {
    const future = `61030220260302001`;
    expect(parse(future + checkCharacter(future))).toBe('future-birth');
    const old = `61030218491231001`;
    expect(parse(old + checkCharacter(old))).toBe('birth-date');
  });

  it('upgrades a legacy 15-digit number by inserting 19 and computing the check character', () => {
    const r = parse('610302800101123');
    expect(r).toEqual({
      idNumber: '610302198001011238',
      addressCode: '610302',
      birthDate: '1980-01-01',
      sex: '1',
      upgradedFrom15: true,
    });
    const female = parse('610302800101124');
    expect(isParsed(female) && female.sex).toBe('2');
  });

  it('normalises a lower-case x and surrounding blanks', () => {
    expect(parse(' 11010519491231002x ')).toMatchObject({ idNumber: '11010519491231002X' });
  });

  it('accepts an address code that is no longer a current division (凤翔县 610322)', () => {
    expect(parse('610322197001010017')).toMatchObject({
      idNumber: '610322197001010017',
      addressCode: '610322',
    });
  });

  it('names the problem of malformed input', () => {
    expect(parse('61030219800101123')).toBe('format'); // 17 characters
    expect(parse('6103021980010112345')).toBe('format'); // 19 characters
    expect(parse('61030219800101123Y')).toBe('format');
    expect(parse('X10302198001011238')).toBe('format');
    expect(parse('')).toBe('format');
    const zero = '01030219800101123';
    expect(parse(zero + checkCharacter(zero))).toBe('address');
  });
});

describe('masks', () => {
  it('show the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('61030219800101123X')).toBe('610302********123X');
  });
  it('show the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('123')).toBe('****');
  });
  it('show the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李小明')).toBe('李**');
    expect(maskName('张')).toBe('张*');
  });
});
