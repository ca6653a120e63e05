import { pinyin } from 'pinyin-pro';

/**
 * Pinyin forms of a Chinese name, read in surname mode so that 单 is shan, 曾 zeng, 仇 qiu, 解 xie, 区 ou,
 * 朴 piao: `full` ("zhangsan") for prefix search, `initials` ("zs"), and `sortKey` ("zhang san␟张三") so names
 * sort the Chinese way on both databases (PGlite sorts by code point whatever the collation).
 */
export interface NamePinyin {
  full: string;
  initials: string;
  sortKey: string;
}

export function namePinyin(name: string): NamePinyin {
  const syllables = pinyin(name, { mode: 'surname', toneType: 'none', type: 'array', v: true }).map((s) =>
    s.toLowerCase().replace(/[^a-z]/g, ''),
  );
  return {
    full: syllables.join(''),
    initials: syllables.map((s) => s[0] ?? '').join(''),
    // The unit separator (U+001F) sorts below the blank between syllables: 李明 comes before 李明华.
    sortKey: `${syllables.join(' ')}\u001f${name}`,
  };
}

/** A search term in Latin letters is a pinyin search ("zhangsan", "zhang san", "zs"). */
export function pinyinTerm(q: string): string | null {
  const t = q.toLowerCase().replace(/\s+/g, '');
  return /^[a-z]+$/.test(t) ? t : null;
}
