import { Tag } from 'antd';
import type { Level } from '../../app/api/types';
import { useT } from '../../app/i18n/useT';
import { levelLabelKey } from '../../app/region/levels';

const colors: Record<Level, string> = {
  province: 'magenta',
  city: 'red',
  county: 'volcano',
  township: 'gold',
  village: 'green',
  grid: 'cyan',
};

export function LevelTag({ level }: { level: Level }) {
  const t = useT();
  return <Tag color={colors[level]}>{t(levelLabelKey[level])}</Tag>;
}
