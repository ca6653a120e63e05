import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { I18nContext, type I18nValue } from './context';
import { dictionary, type MessageKey } from './dictionary';
import { format, type MessageParams } from './format';
import { currentLang, storeLang, type Lang } from './lang';

function applyLang(lang: Lang) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
}

applyLang(currentLang());

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    applyLang(next);
    setLangState(next);
  }, []);

  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => {
      const pair = dictionary[key];
      return format(lang === 'en-US' ? pair[1] : pair[0], params);
    },
    [lang],
  );

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const value = useMemo<I18nValue>(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
