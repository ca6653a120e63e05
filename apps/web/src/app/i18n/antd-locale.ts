import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Lang } from './lang';

export function antdLocale(lang: Lang) {
  return lang === 'en-US' ? enUS : zhCN;
}
