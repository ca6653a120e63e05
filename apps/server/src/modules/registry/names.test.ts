import { describe, expect, it } from 'vitest';
import { namePinyin, pinyinTerm } from './names';

describe('namePinyin', () => {
  it('reads surnames with their surname pronunciation', () => {
    const surnames: [string, string][] = [
      ['单', 'shan'],
      ['曾', 'zeng'],
      ['仇', 'qiu'],
      ['解', 'xie'],
      ['区', 'ou'],
      ['朴', 'piao'],
    ];
    for (const [surname, reading] of surnames) {
      const py = namePinyin(`${surname}明`);
      expect(py.full, surname).toBe(`${reading}ming`);
      expect(py.initials, surname).toBe(`${reading[0]}m`);
    }
  });

  it('gives the full pinyin, the initials and a sort key', () => {
    expect(namePinyin('张三')).toMatchObject({ full: 'zhangsan', initials: 'zs' });
    expect(namePinyin('张三').sortKey).toMatch(/^zhang san.张三$/);
    // 张 and 章 read alike: the search finds both, the sort key still tells them apart.
    expect(namePinyin('章三').full).toBe('zhangsan');
    expect(namePinyin('章三').sortKey).not.toBe(namePinyin('张三').sortKey);
    expect(namePinyin('吕布').full).toBe('lvbu');
  });

  it('orders names the Chinese way: 阿 before 张 (code points would put 张 first)', () => {
    const names = ['张三', '阿强', '曾国藩', '单雄信', '李四', '欧阳修'];
    expect('张' < '阿').toBe(true);
    const sorted = [...names].sort((a, b) =>
      namePinyin(a).sortKey < namePinyin(b).sortKey
        ? -1
        : namePinyin(a).sortKey > namePinyin(b).sortKey
          ? 1
          : 0,
    );
    expect(sorted).toEqual(['阿强', '李四', '欧阳修', '单雄信', '曾国藩', '张三']);
  });

  it('orders a name before the longer names it begins (李明 before 李明华, 张三 before 张三丰)', () => {
    const key = (n: string) => namePinyin(n).sortKey;
    expect(key('李明') < key('李明华')).toBe(true);
    expect(key('张三') < key('张三丰')).toBe(true);
    expect(key('张三丰') < key('张山')).toBe(true); // san < shan
    expect(key('李') < key('李明')).toBe(true);
    expect(key('李明华') < key('李娜')).toBe(true); // ming < na
    expect(key('卢') < key('吕')).toBe(true); // lu < lv (ü)
  });
});

describe('pinyinTerm', () => {
  it('takes Latin letters (with blanks) as a pinyin search, anything else not', () => {
    expect(pinyinTerm('ZhangSan')).toBe('zhangsan');
    expect(pinyinTerm('zhang san')).toBe('zhangsan');
    expect(pinyinTerm('zs')).toBe('zs');
    expect(pinyinTerm('张三')).toBeNull();
    expect(pinyinTerm('610302')).toBeNull();
  });
});
