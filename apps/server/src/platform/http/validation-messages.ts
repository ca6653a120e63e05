import type { Lang } from '../i18n/lang';

/** zod issue → message in the caller's language. The issue's own English text is the fallback. */
export interface IssueLike {
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

function sizeWord(origin: unknown, lang: Lang): string {
  if (origin === 'string') return lang === 'zh-CN' ? '长度' : 'length';
  if (origin === 'array' || origin === 'set') return lang === 'zh-CN' ? '项数' : 'item count';
  return lang === 'zh-CN' ? '值' : 'value';
}

export function issueMessage(issue: IssueLike, lang: Lang): string {
  const p = issue.params ?? {};
  const zh = lang === 'zh-CN';
  switch (issue.keyword) {
    case 'invalid_type':
      return /received undefined/.test(issue.message ?? '')
        ? zh
          ? '必填'
          : 'required'
        : zh
          ? `类型应为 ${String(p.expected)}`
          : `expected ${String(p.expected)}`;
    case 'too_small':
      return zh
        ? `${sizeWord(p.origin, lang)}至少为 ${String(p.minimum)}`
        : `${sizeWord(p.origin, lang)} must be at least ${String(p.minimum)}`;
    case 'too_big':
      return zh
        ? `${sizeWord(p.origin, lang)}至多为 ${String(p.maximum)}`
        : `${sizeWord(p.origin, lang)} must be at most ${String(p.maximum)}`;
    case 'invalid_format':
      return zh ? `格式不正确（${String(p.format)}）` : `invalid format (${String(p.format)})`;
    case 'invalid_value':
      return zh ? `取值应为 ${JSON.stringify(p.values)} 之一` : `must be one of ${JSON.stringify(p.values)}`;
    case 'unrecognized_keys':
      return zh ? `不认识的字段 ${JSON.stringify(p.keys)}` : `unknown fields ${JSON.stringify(p.keys)}`;
    case 'not_multiple_of':
      return zh ? `应为 ${String(p.divisor)} 的倍数` : `must be a multiple of ${String(p.divisor)}`;
    default:
      return issue.message ?? (zh ? '无效' : 'invalid');
  }
}
