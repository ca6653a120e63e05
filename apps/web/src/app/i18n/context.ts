import { createContext } from 'react';
import type { MessageKey } from './dictionary';
import type { MessageParams } from './format';
import type { Lang } from './lang';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);
