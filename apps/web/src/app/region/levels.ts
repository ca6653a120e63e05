import type { Level } from '../api/types';
import type { MessageKey } from '../i18n/dictionary';

/** 省 市 县区 乡镇街道 村社区 网格. */
export const levelLabelKey: Record<Level, MessageKey> = {
  province: 'level.province',
  city: 'level.city',
  county: 'level.county',
  township: 'level.township',
  village: 'level.village',
  grid: 'level.grid',
};
