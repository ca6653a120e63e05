import { describe, expect, it } from 'vitest';
import { format, langFromHeader, pick } from './lang';

describe('language of the answer', () => {
  it('is Chinese unless the caller prefers English', () => {
    expect(langFromHeader(undefined)).toBe('zh-CN');
    expect(langFromHeader('')).toBe('zh-CN');
    expect(langFromHeader('en-US')).toBe('en-US');
    expect(langFromHeader('en-GB,en;q=0.9')).toBe('en-US');
    expect(langFromHeader('zh-TW,en;q=0.5')).toBe('zh-CN');
    expect(langFromHeader('fr-FR,en;q=0.8')).toBe('en-US');
    expect(langFromHeader('fr-FR')).toBe('zh-CN');
  });
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('至少 {min} 个字符', { min: 8 })).toBe('至少 8 个字符');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(pick({ zh: '区划 {code}', en: 'Division {code}' }, 'en-US', { code: '610302' })).toBe(
      'Division 610302',
    );
  });
});
