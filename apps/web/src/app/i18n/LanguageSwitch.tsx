import { Segmented } from 'antd';
import type { Lang } from './lang';
import { useI18n } from './useT';

const options: { label: string; value: Lang }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en-US' },
];

/** 中文 / English; the choice is kept in localStorage `mz.lang`. */
export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      size="small"
      options={options}
      value={lang}
      onChange={setLang}
    />
  );
}
