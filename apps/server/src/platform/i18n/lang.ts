/** The product speaks zh-CN by default and en-US when the caller asks for English. */
export type Lang = 'zh-CN' | 'en-US';

export function langFromHeader(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function pick(text: Bilingual, lang: Lang, params?: Record<string, unknown>): string {
  return format(lang === 'en-US' ? text.en : text.zh, params);
}
