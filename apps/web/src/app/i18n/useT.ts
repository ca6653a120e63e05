import { useContext } from 'react';
import { I18nContext, type I18nValue, type Translate } from './context';

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside <I18nProvider>');
  return value;
}

/** `const t = useT(); t('users.title')` — the text in the current language. */
export function useT(): Translate {
  return useI18n().t;
}
