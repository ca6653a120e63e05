/** The two languages of the product; zh-CN is the default. */
export type Lang = 'zh-CN' | 'en-US';

export const langs: readonly Lang[] = ['zh-CN', 'en-US'];

const storageKey = 'mz.lang';

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return stored === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Lang = readStoredLang();

/** The language of the moment, readable outside React (the API client sends it as Accept-Language). */
export function currentLang(): Lang {
  return current;
}

export function storeLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode or disabled storage: the choice then lasts for this page only.
  }
}
